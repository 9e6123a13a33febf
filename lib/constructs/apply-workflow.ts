import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STATE_MACHINE_LOGICAL_IDS } from '../handlers.js';
import { invokeInto, THROTTLE_ONLY_RETRY } from './lambda-step.js';

export interface ApplyWorkflowProps {
  functions: {
    precheck: IFunction;
    rollbackPoint: IFunction;
    apply: IFunction;
    validate: IFunction;
    rollback: IFunction;
    notifyOutcome: IFunction;
  };
  /** Wait between applying and validating (the local runner overrides Wait to 0). */
  bakePeriod: Duration;
  logRetention: logs.RetentionDays;
}

/** Values of `$.outcome` that NotifyOutcome receives. */
export const APPLY_OUTCOMES = ['applied', 'skipped', 'rolled-back', 'failed', 'rollback-failed'] as const;

/**
 * The apply state machine (contracts.md). Input `{ runId, actionId, approvedBy }`; every task receives the
 * whole state and its return value lands at its own path:
 *
 *   Precheck ($.precheck) → PrecheckPassed? → RollbackPoint ($.rollbackPoint) → Apply ($.apply) → Bake (Wait)
 *   → Validate ($.validation) → Regressed? → OutcomeApplied
 *
 * - precheck not ok (or no verdict)             → OutcomeSkipped
 * - Apply or Validate errors, regression, or no verdict → Rollback ($.rollback) → RollbackRefused?
 *   → OutcomeRolledBack, or OutcomeRollbackFailed when AWS refused the rollback (the regressed change stays)
 * - Precheck or RollbackPoint errors (nothing changed)  → OutcomeFailed
 * - Rollback errors (the resource may stay changed)     → OutcomeRollbackFailed
 *
 * Every Outcome* Pass sets `$.outcome` (APPLY_OUTCOMES) and goes to NotifyOutcome ($.notification); a failed
 * notification (Slack down) is caught into NotifyOutcomeFailed, because the change itself is done. Then
 * `failed` and `rollback-failed` end in Fail (Error Headroom.ApplyFailed, Cause from `$.error` when there is
 * one) so the execution shows red and `failedAlarm` fires; the others end in Succeed. Caught errors are kept
 * at `$.error`.
 *
 * Apply changes the resource, so it retries only throttles (THROTTLE_ONLY_RETRY): a Lambda service error may
 * come after the function ran, and a second ModifyVolume would be refused. Executors' apply is idempotent too.
 */
export class ApplyWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /** ExecutionsFailed ≥ 1 in 5 minutes. */
  readonly failedAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ApplyWorkflowProps) {
    super(scope, id);
    const fns = props.functions;

    const notifyOutcome = invokeInto(this, 'NotifyOutcome', fns.notifyOutcome, { resultPath: '$.notification' });
    const isFailure = sfn.Condition.or(sfn.Condition.stringEquals('$.outcome', 'failed'), sfn.Condition.stringEquals('$.outcome', 'rollback-failed'));
    const done = new sfn.Choice(this, 'OutcomeIsFailure')
      .when(
        sfn.Condition.and(isFailure, sfn.Condition.isPresent('$.error.Cause')),
        new sfn.Fail(this, 'ApplyFailed', { error: 'Headroom.ApplyFailed', causePath: '$.error.Cause' }),
      )
      // A refused rollback has no caught error; a causePath to a missing field would fail with States.Runtime instead.
      .when(
        isFailure,
        new sfn.Fail(this, 'ApplyNeedsHuman', {
          error: 'Headroom.ApplyFailed',
          cause: 'The change failed or could not be rolled back; see the outcome in the Slack thread and the audit log.',
        }),
      )
      .otherwise(new sfn.Succeed(this, 'Done'));
    notifyOutcome.chain.next(done);
    // The outcome is audited before the post; a Slack failure must not fail a workflow whose change succeeded.
    const notifyFailed = new sfn.Pass(this, 'NotifyOutcomeFailed', {
      comment: 'Slack could not be told; the outcome is in the audit log',
      parameters: { notified: false, 'error.$': '$.notification.Error' },
      resultPath: '$.notification',
    }).next(done);
    notifyOutcome.task.addCatch(notifyFailed, { resultPath: '$.notification' });

    const outcome = (name: string, value: (typeof APPLY_OUTCOMES)[number]) =>
      new sfn.Pass(this, name, { result: sfn.Result.fromString(value), resultPath: '$.outcome' }).next(notifyOutcome.chain);
    const skipped = outcome('OutcomeSkipped', 'skipped');
    const applied = outcome('OutcomeApplied', 'applied');
    const rolledBack = outcome('OutcomeRolledBack', 'rolled-back');
    const failed = outcome('OutcomeFailed', 'failed');
    const rollbackFailed = outcome('OutcomeRollbackFailed', 'rollback-failed');

    const rollback = invokeInto(this, 'Rollback', fns.rollback, { resultPath: '$.rollback' });
    rollback.task.addCatch(rollbackFailed, { resultPath: '$.error' });
    rollback.chain.next(
      new sfn.Choice(this, 'RollbackRefused')
        // AWS refused to restore the resource: the regressed change is still in place, so the run must not end green.
        .when(sfn.Condition.and(sfn.Condition.isPresent('$.rollback.status'), sfn.Condition.stringEquals('$.rollback.status', 'refused')), rollbackFailed)
        .otherwise(rolledBack),
    );

    const validate = invokeInto(this, 'Validate', fns.validate, { resultPath: '$.validation' });
    // A validation that cannot run cannot show the change is safe: roll back.
    validate.task.addCatch(rollback.chain, { resultPath: '$.error' });
    validate.chain.next(
      new sfn.Choice(this, 'Regressed')
        // A missing verdict is treated as a regression (and avoids a States.Runtime error on the comparison).
        // Written as Not(IsPresent) rather than IsPresent=false: aws-local-stepfunctions 3 never matches the latter.
        .when(sfn.Condition.not(sfn.Condition.isPresent('$.validation.regressed')), rollback.chain)
        .when(sfn.Condition.booleanEquals('$.validation.regressed', false), applied)
        .otherwise(rollback.chain),
    );

    const bake = new sfn.Wait(this, 'Bake', {
      comment: 'Lets the changed resource run under real load before validating it',
      time: sfn.WaitTime.duration(props.bakePeriod),
    });

    const apply = invokeInto(this, 'Apply', fns.apply, { resultPath: '$.apply', retry: THROTTLE_ONLY_RETRY });
    // A change that errored half-way must be reverted to the rollback point.
    apply.task.addCatch(rollback.chain, { resultPath: '$.error' });
    apply.chain.next(bake).next(validate.chain);

    const rollbackPoint = invokeInto(this, 'RollbackPoint', fns.rollbackPoint, { resultPath: '$.rollbackPoint' });
    rollbackPoint.task.addCatch(failed, { resultPath: '$.error' });
    rollbackPoint.chain.next(apply.chain);

    const precheck = invokeInto(this, 'Precheck', fns.precheck, { resultPath: '$.precheck' });
    precheck.task.addCatch(failed, { resultPath: '$.error' });
    precheck.chain.next(
      new sfn.Choice(this, 'PrecheckPassed')
        // Guarding presence first avoids a States.Runtime error comparing a missing field (Not(IsPresent): see Regressed).
        .when(sfn.Condition.not(sfn.Condition.isPresent('$.precheck.ok')), skipped)
        .when(sfn.Condition.booleanEquals('$.precheck.ok', true), rollbackPoint.chain)
        .otherwise(skipped),
    );

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Headroom apply: precheck, rollback point, apply, bake, validate, rollback on regression, notify',
      definitionBody: sfn.DefinitionBody.fromChainable(precheck.chain),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: props.bakePeriod.plus(Duration.hours(1)),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
    });
    (this.stateMachine.node.defaultChild as sfn.CfnStateMachine).overrideLogicalId(STATE_MACHINE_LOGICAL_IDS.apply);

    // Any red execution (a failed apply, a failed or refused rollback) needs a person; subscribe to this alarm.
    this.failedAlarm = new cloudwatch.Alarm(this, 'ExecutionsFailedAlarm', {
      alarmDescription: 'A Headroom apply workflow failed or could not roll back its change; see the Slack thread and the audit log.',
      metric: this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
