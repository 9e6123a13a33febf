import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { requireEnv } from '../../shared/env.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { listEnv, tagScopeEnv } from '../env.js';
import type { CloudTrailPort, DynamoDbPort, Ec2Port, ElbPort, LambdaPort, LogsPort, MetricsPort } from '../executors/executor.js';
import { EXECUTORS } from '../executors/index.js';
import { maintenanceWindowEnv } from '../executors/maintenance-window.js';
import type { OutcomeNotifier } from '../slack/outcome-notifier.js';
import { createApplyStepHandlers, type ApplyStepHandlers } from './handlers.js';

/**
 * Production wiring of the apply steps. Each handler passes only the ports its step uses, so its
 * bundle leaves out the SDK clients it never calls (the EC2 client alone is ~560 KB minified); a port
 * a step does not get fails with a clear message. Env: TABLE_NAME, ACCOUNT_ID, ENABLED_EXECUTORS (comma list,
 * empty = none), TAG_SCOPE (optional key=value), MAINTENANCE_WINDOW (optional JSON, see
 * executors/maintenance-window.ts); notify-outcome also SLACK_SECRET_ARN and optional
 * SLACK_CHANNEL (where outcomes go when the workflow was not started from a Slack click).
 */
export interface StepPorts {
  ec2?: (region: string) => Ec2Port;
  cloudwatch?: (region: string) => MetricsPort;
  lambda?: (region: string) => LambdaPort;
  dynamodb?: (region: string) => DynamoDbPort;
  logs?: (region: string) => LogsPort;
  cloudtrail?: (region: string) => CloudTrailPort;
  elb?: (region: string) => ElbPort;
  notifier?: OutcomeNotifier;
}

function missing(step: string, port: string): never {
  throw new Error(`The ${step} function is not wired with ${port}; see lambdas/actions/apply-steps/runtime.ts.`);
}

/** Builds the step handlers from the environment on first use, so importing a handler never reads env. */
export function lazyApplyStepHandlers(step: string, ports: () => StepPorts): () => ApplyStepHandlers {
  let handlers: ApplyStepHandlers | undefined;
  return () => {
    if (handlers) return handlers;
    const { ec2, cloudwatch, lambda, dynamodb, logs, cloudtrail, elb, notifier } = ports();
    handlers = createApplyStepHandlers(
      {
        store: new DynamoStore(getDocumentClient(), requireEnv('TABLE_NAME')),
        executors: EXECUTORS,
        enabledExecutors: listEnv('ENABLED_EXECUTORS'),
        context: {
          ec2: ec2 ?? (() => missing(step, 'EC2')),
          cloudwatch: cloudwatch ?? (() => missing(step, 'CloudWatch')),
          lambda: lambda ?? (() => missing(step, 'Lambda')),
          dynamodb: dynamodb ?? (() => missing(step, 'DynamoDB')),
          logs: logs ?? (() => missing(step, 'CloudWatch Logs')),
          cloudtrail: cloudtrail ?? (() => missing(step, 'CloudTrail')),
          elb: elb ?? (() => missing(step, 'Elastic Load Balancing')),
          now: () => new Date(),
          tagScope: tagScopeEnv(),
          maintenanceWindow: maintenanceWindowEnv(),
        },
        notifier: notifier ?? { post: () => missing(step, 'Slack') },
        now: () => new Date(),
        homeAccount: requireEnv('ACCOUNT_ID'),
      },
      { fallbackChannel: process.env.SLACK_CHANNEL?.trim() || undefined },
    );
    return handlers;
  };
}
