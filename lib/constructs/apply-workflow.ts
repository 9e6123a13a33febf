import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STATE_MACHINE_LOGICAL_IDS } from '../handlers.js';
import { invokeInto, THROTTLE_ONLY_RETRY } from './lambda-step.js';
import { MAX_BAKE_EXTENSIONS } from '../../lambdas/actions/apply-steps/validate.js';

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

/**
 * Error name of lambdas/actions/executors/support.ts `OperationStillInProgress` (the Lambda runtime reports a thrown
 * error's `name` as its errorType, which Step Functions matches in ErrorEquals).
 */
export const OPERATION_STILL_IN_PROGRESS = 'OperationStillInProgress';

/**
 * Apply again after 2, 4 and 8 minutes when an operation outlasted one Apply (an 8-minute polling bound in a
 * 10-minute function): up to 4 runs and 14 minutes of waiting, 54 minutes in all, so a first snapshot of a large
 * volume or a slow stop has about 45 minutes to finish before the workflow gives up and rolls back.
 */
export const STILL_IN_PROGRESS_RETRY: sfn.RetryProps = {
  errors: [OPERATION_STILL_IN_PROGRESS],
  maxAttempts: 3,
  backoffRate: 2,
  interval: Duration.minutes(2),
};

/** Error name of lambdas/actions/executors/support.ts `RollbackNotYetPossible` (e.g. an EBS modification still optimizing). */
export const ROLLBACK_NOT_YET_POSSIBLE = 'RollbackNotYetPossible';

/**
 * Roll back again every 30 minutes for up to 24 hours while AWS cannot yet take the change back (an EBS volume
 * modification stays `optimizing` for hours; a volume may be modified again only after a cooldown): 48 retries.
 * After that the error is caught into OutcomeRollbackFailed, and a human is asked to act.
 */
export const ROLLBACK_NOT_YET_POSSIBLE_RETRY: sfn.RetryProps = {
  errors: [ROLLBACK_NOT_YET_POSSIBLE],
  maxAttempts: 48,
  backoffRate: 1,
  interval: Duration.minutes(30),
};

/**
 * Upper bound of every step but the bake: Precheck 1 + RollbackPoint 5 + Apply with its retries 54 + Validate 2 +
 * Rollback 10 + NotifyOutcome 1 minutes (Lambda timeouts in apply-functions.ts) = 73 minutes, rounded up.
 */
const APPLY_WORKFLOW_STEPS_BOUND = Duration.hours(2);

/** Rollback's waits for RollbackNotYetPossible: 48 × 30 minutes, plus 48 more Rollback runs of at most 10 minutes. */
const ROLLBACK_RETRY_BOUND = Duration.hours(24 + 8);

/** Values of `$.outcome` that NotifyOutcome receives. */
export const APPLY_OUTCOMES = ['applied', 'skipped', 'rolled-back', 'failed', 'rollback-failed'] as const;

/**
 * The apply state machine (docs/safe-apply.md). Input `{ actionId, decisionVersion }`; every task receives the
 * whole state and its return value lands at its own path:
 *
 *   BindExecution ($.binding: $$.Execution.Name) → Precheck ($.precheck) → PrecheckPassed? → RollbackPoint ($.rollbackPoint) → Apply ($.apply) → Bake (Wait)
 *   → Validate ($.validation) → Regressed? → OutcomeApplied
 *
 * - precheck not ok (or no verdict)             → OutcomeSkipped
 * - Apply or Validate errors, regression, or no verdict → Rollback ($.rollback) → RollbackRefused?
 *   → OutcomeRolledBack, or OutcomeRollbackFailed when AWS refused the rollback (the regressed change stays)
 * - Precheck or RollbackPoint errors (nothing changed)  → OutcomeFailed
 * - Rollback errors (the resource may stay changed)     → OutcomeRollbackFailed (caught at `$.rollbackError`;
 *   RollbackNotYetPossible is first retried every 30 minutes for 24 hours, ROLLBACK_NOT_YET_POSSIBLE_RETRY)
 *
 * Every Outcome* Pass sets `$.outcome` (APPLY_OUTCOMES) and goes to NotifyOutcome ($.notification); a failed
 * notification (Slack down) is caught into NotifyOutcomeFailed, because the change itself is done. Then
 * `failed` and `rollback-failed` end in Fail (Error Headroom.ApplyFailed, Cause from `$.error` when there is
 * one) so the execution shows red and the ApplyExecutionsFailed alarm fires (lib/constructs/alerts.ts); the others end in Succeed. Caught errors are kept
 * at `$.error`.
 *
 * Apply changes the resource, so it retries only throttles (THROTTLE_ONLY_RETRY): a Lambda service error may
 * come after the function ran, and a second ModifyVolume would be refused. Executors' apply is idempotent too.
 * The one error of our own it retries is OperationStillInProgress (STILL_IN_PROGRESS_RETRY): an executor polled
 * an AWS operation it started (a snapshot, a stop, a Lambda update) to the end of its bound and threw BEFORE any
 * later step, so a new Apply resumes where the last one stopped (each executor's apply skips what is already done:
 * ebs-snapshot-delete reuses its tagged snapshot, ec2-stop and ec2-instance-type skip a stop already made,
 * lambda-memory skips a memory already set and an alias already moved). Once the retries are spent, the error is
 * caught into Rollback as before.
 */
export class ApplyWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ApplyWorkflowProps) {
    super(scope, id);
    const fns = props.functions;

    const notifyOutcome = invokeInto(this, 'NotifyOutcome', fns.notifyOutcome, { resultPath: '$.notification' });
    const isFailure = sfn.Condition.or(sfn.Condition.stringEquals('$.outcome', 'failed'), sfn.Condition.stringEquals('$.outcome', 'rollback-failed'));
    const done = new sfn.Choice(this, 'OutcomeIsFailure')
      .when(
        sfn.Condition.and(isFailure, sfn.Condition.isPresent('$.rollbackError.Cause')),
        new sfn.Fail(this, 'RollbackFailed', { error: 'Headroom.ApplyFailed', causePath: '$.rollbackError.Cause' }),
      )
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
    rollback.task.addRetry(ROLLBACK_NOT_YET_POSSIBLE_RETRY);
    // Its own path: $.error holds Apply's or Validate's error that triggered the rollback, which the audit must keep.
    rollback.task.addCatch(rollbackFailed, { resultPath: '$.rollbackError' });
    rollback.chain.next(
      new sfn.Choice(this, 'RollbackRefused')
        // AWS refused to restore the resource: the regressed change is still in place, so the run must not end green.
        .when(sfn.Condition.and(sfn.Condition.isPresent('$.rollback.status'), sfn.Condition.stringEquals('$.rollback.status', 'refused')), rollbackFailed)
        .otherwise(rolledBack),
    );

    const validate = invokeInto(this, 'Validate', fns.validate, { resultPath: '$.validation' });
    // A validation that cannot run cannot show the change is safe: roll back.
    validate.task.addCatch(rollback.chain, { resultPath: '$.error' });
    // Too little after-data to decide: wait another bake and validate again. Validate counts the extensions and, past
    // MAX_BAKE_EXTENSIONS (lambdas/actions/apply-steps/validate.ts), answers 'unvalidated' (regressed), so the loop is bounded.
    const extendBake = new sfn.Wait(this, 'ExtendBake', {
      comment: 'The after-window was too short or too sparse to decide: bake again (bounded, audited as bake-extended)',
      time: sfn.WaitTime.duration(props.bakePeriod),
    });
    extendBake.next(validate.chain);
    validate.chain.next(
      new sfn.Choice(this, 'Regressed')
        // A missing verdict is treated as a regression (and avoids a States.Runtime error on the comparison).
        // Written as Not(IsPresent) rather than IsPresent=false: aws-local-stepfunctions 3 never matches the latter.
        .when(sfn.Condition.not(sfn.Condition.isPresent('$.validation.regressed')), rollback.chain)
        .when(sfn.Condition.and(sfn.Condition.isPresent('$.validation.verdict'), sfn.Condition.stringEquals('$.validation.verdict', 'insufficient-data')), extendBake)
        .when(sfn.Condition.booleanEquals('$.validation.regressed', false), applied)
        .otherwise(rollback.chain),
    );

    const bake = new sfn.Wait(this, 'Bake', {
      comment: 'Lets the changed resource run under real load before validating it',
      time: sfn.WaitTime.duration(props.bakePeriod),
    });

    const apply = invokeInto(this, 'Apply', fns.apply, { resultPath: '$.apply', retry: THROTTLE_ONLY_RETRY });
    apply.task.addRetry(STILL_IN_PROGRESS_RETRY);
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

    // The execution's own name, from the context object (never from the input): the steps check it is the execution
    // the approval started (lambdas/actions/apply-steps/deps.ts approvalMismatch).
    const bind = new sfn.Pass(this, 'BindExecution', {
      comment: 'Records the execution name from the context object; the input carries only the action id and decision version',
      parameters: { 'execution.$': '$$.Execution.Name' },
      resultPath: '$.binding',
    });
    bind.next(precheck.chain);

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Headroom apply: precheck, rollback point, apply, bake, validate, rollback on regression, notify',
      definitionBody: sfn.DefinitionBody.fromChainable(bind),
      stateMachineType: sfn.StateMachineType.STANDARD,
      // The bake, its extensions (each a bake, plus a Validate), every other step, and Rollback's retries.
      timeout: Duration.minutes(props.bakePeriod.toMinutes() * (1 + MAX_BAKE_EXTENSIONS)).plus(APPLY_WORKFLOW_STEPS_BOUND).plus(ROLLBACK_RETRY_BOUND),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
    });
    (this.stateMachine.node.defaultChild as sfn.CfnStateMachine).overrideLogicalId(STATE_MACHINE_LOGICAL_IDS.apply);
  }
}
