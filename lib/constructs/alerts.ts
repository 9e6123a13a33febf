import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AlertsProps {
  applyStateMachine: sfn.StateMachine;
  analysisStateMachine: sfn.StateMachine;
  /** Settles the approval of an apply execution that ended without an outcome (lambdas/actions/apply-watchdog). */
  applyWatchdog: IFunction;
}

/**
 * Nothing Headroom runs fails silently: one SNS topic (output `AlertsTopicArn`; subscribe an email, a chat webhook or
 * a pager to it, README "Alerts") receives an alarm for every apply and analysis execution that failed, timed out or
 * was aborted (Step Functions' ExecutionsFailed / ExecutionsTimedOut / ExecutionsAborted, ≥ 1 in 5 minutes). Apply
 * executions that ended that way are also sent by an EventBridge rule to the watchdog, which returns their approval to
 * failed so a later click can retry.
 */
export class Alerts extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Headroom alerts', enforceSSL: true });
    // CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed key aws/sns (its key policy cannot be
    // changed to let CloudWatch use it); a customer-managed key would cost $1/month. The topic carries alarm names only.
    Validations.of(this.topic).acknowledge({ id: 'AwsSolutions-SNS2', reason: 'Alarm notifications (names and states only); CloudWatch cannot publish to an aws/sns-encrypted topic.' });
    // CloudWatch alarms publish with the service principal; only alarms of this account.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['sns:Publish'],
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.topic.env.account } },
      }),
    );
    const alarmOn = (name: string, metric: cloudwatch.Metric, what: string) => {
      const alarm = new cloudwatch.Alarm(this, name, {
        alarmDescription: `A Headroom ${what}; see the execution in Step Functions, the Slack thread and the audit log.`,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      this.alarms.push(alarm);
      return alarm;
    };
    const every = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };
    for (const [label, machine] of [['Apply', props.applyStateMachine], ['Analysis', props.analysisStateMachine]] as const) {
      const what = label === 'Apply' ? 'apply workflow' : 'analysis run';
      alarmOn(`${label}ExecutionsFailed`, machine.metricFailed(every), `${what} failed`);
      alarmOn(`${label}ExecutionsTimedOut`, machine.metricTimedOut(every), `${what} timed out`);
      alarmOn(`${label}ExecutionsAborted`, machine.metricAborted(every), `${what} was aborted`);
    }

    new events.Rule(this, 'StuckApplyRule', {
      description: 'Apply executions that ended without an outcome go to the watchdog, which reopens their approval',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [props.applyStateMachine.stateMachineArn], status: ['TIMED_OUT', 'ABORTED', 'FAILED'] },
      },
      targets: [new targets.LambdaFunction(props.applyWatchdog, { retryAttempts: 8, maxEventAge: Duration.hours(2) })],
    });
    new CfnOutput(scope, 'AlertsTopicArn', { value: this.topic.topicArn, description: 'SNS topic of Headroom alarms: subscribe to be told of failed, timed-out or aborted runs' });
  }
}
