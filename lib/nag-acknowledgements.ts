import { Validations } from 'aws-cdk-lib';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { HeadroomFunction } from './constructs/headroom-function.js';

/**
 * cdk-nag findings every Headroom function raises by design, acknowledged with the reason. test/lib/iam.test.ts
 * enforces what the reasons claim: no `*` resource on any action outside the read-only and X-Ray lists.
 */
export function acknowledgeFunctionFindings(fn: HeadroomFunction): void {
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only for actions without resource-level permissions: X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and read-only Describe/List/Get calls of the collectors, validator and executors.',
  });
}

/**
 * Findings a Headroom state machine raises by design. `functionLogicalIds` are the functions its tasks invoke:
 * CDK's LambdaInvoke grants `lambda:InvokeFunction` on each function and its versions/aliases (`<arn>:*`).
 */
export function acknowledgeStateMachineFindings(stateMachine: StateMachine, functionLogicalIds: readonly string[]): void {
  Validations.of(stateMachine).acknowledge({
    id: 'AwsSolutions-SF1',
    reason:
      'Logs ERROR only: Step Functions keeps the full execution history for 90 days, and audit records of applied changes live in DynamoDB; logging ALL would write every state transition of every run.',
  });
  Validations.of(stateMachine.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only X-Ray tracing (PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs vended log delivery, which support no resource-level permissions.',
  });
  for (const logicalId of functionLogicalIds) {
    Validations.of(stateMachine.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: 'Invoking versions and aliases of this stack\'s own task function (CDK LambdaInvoke grant); no other function.',
    });
  }
}
