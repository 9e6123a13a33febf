import type { ExecutorContext } from '../../../../lambdas/actions/executors/executor.js';
import { createSdkDynamoDbPorts } from '../../../../lambdas/actions/executors/sdk-dynamodb-ports.js';
import { createSdkEc2Ports } from '../../../../lambdas/actions/executors/sdk-ec2-ports.js';
import { createSdkLambdaPorts } from '../../../../lambdas/actions/executors/sdk-lambda-ports.js';
import { createSdkLogsPorts } from '../../../../lambdas/actions/executors/sdk-logs-ports.js';
import { createSdkMetricsPorts } from '../../../../lambdas/actions/executors/sdk-metrics-ports.js';
import { createSdkCloudTrailPorts, createSdkElbPorts } from '../../../../lambdas/actions/executors/sdk-validation-ports.js';
import { FIXED_NOW } from '../../helpers.js';

/** An ExecutorContext over the real SDK adapters (intercepted by aws-sdk-client-mock), a fixed clock and polls that do not wait. */
export function sdkContext(overrides: Partial<ExecutorContext> = {}): ExecutorContext {
  return {
    ec2: createSdkEc2Ports(),
    cloudwatch: createSdkMetricsPorts(),
    lambda: createSdkLambdaPorts(),
    dynamodb: createSdkDynamoDbPorts(),
    logs: createSdkLogsPorts(),
    cloudtrail: createSdkCloudTrailPorts(),
    elb: createSdkElbPorts(),
    now: () => FIXED_NOW,
    sleep: async () => undefined,
    ...overrides,
  };
}

/** An AWS SDK v3 service exception as the SDK throws it. */
export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' });
}
