import { Aws, Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { FunctionFactory } from './headroom-function.js';

export interface InteractionsEndpointProps {
  make: FunctionFactory;
  table: dynamodb.ITableV2;
  slackSecret: secretsmanager.ISecret;
  applyStateMachine: sfn.IStateMachine;
  /** May approve actions of performance risk 0–2. */
  approverIds: readonly string[];
  /** May approve any action, including performance risk 3–4. */
  highRiskApproverIds: readonly string[];
  /** Executors switched on; an Approve for any other is refused before it is recorded. */
  enabledExecutors: readonly string[];
  /**
   * Concurrency reserved for (and capping) the public endpoint: an unsigned flood is answered 401 by at most this
   * many instances instead of taking the account's whole Lambda concurrency. Unset reserves nothing: accounts whose
   * concurrency limit is 10 (new accounts) cannot reserve any, and the deploy would fail.
   */
  reservedConcurrency?: number;
}

/**
 * The Slack interactions endpoint: a Lambda Function URL (Slack's Interactivity Request URL). It may read the
 * Slack secret, read/write the table (decisions, audit) and start the apply state machine, nothing else.
 */
export class InteractionsEndpoint extends Construct {
  readonly url: string;

  constructor(scope: Construct, id: string, props: InteractionsEndpointProps) {
    super(scope, id);
    // Slack must be answered within 3 s; 10 s lets a cold start finish while still failing fast.
    const fn = props.make(
      'interactions',
      512,
      Duration.seconds(10),
      {
        SLACK_SECRET_ARN: props.slackSecret.secretArn,
        APPLY_STATE_MACHINE_ARN: props.applyStateMachine.stateMachineArn,
        APPROVER_IDS: props.approverIds.join(','),
        HIGH_RISK_APPROVER_IDS: props.highRiskApproverIds.join(','),
        ENABLED_EXECUTORS: props.enabledExecutors.join(','),
        // Approvals of resources in other accounts are refused: the apply functions act in this account only.
        ACCOUNT_ID: Aws.ACCOUNT_ID,
      },
      { reservedConcurrentExecutions: props.reservedConcurrency === 0 ? undefined : props.reservedConcurrency },
    );
    props.slackSecret.grantRead(fn);
    props.applyStateMachine.grantStartExecution(fn);

    // Auth NONE: Slack cannot sign requests with AWS SigV4. The handler verifies the X-Slack-Signature HMAC
    // (5-minute replay window) before anything else. No AwsSolutions rule covers Function URL auth; cdk-nag's
    // optional LambdaFunctionUrlAuth rule (in no pack) would flag this by design.
    const functionUrl = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    this.url = functionUrl.url;
  }
}
