import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STATE_MACHINE_LOGICAL_IDS } from '../handlers.js';
import { invokeInto } from './lambda-step.js';

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
 * - Apply or Validate errors, regression, or no verdict → Rollback ($.rollback) → OutcomeRolledBack
 * - Precheck or RollbackPoint errors (nothing changed)  → OutcomeFailed
 * - Rollback errors (the resource may stay changed)     → OutcomeRollbackFailed
 *
 * Every Outcome* Pass sets `$.outcome` (APPLY_OUTCOMES) and goes to NotifyOutcome ($.notification); then
 * `failed` and `rollback-failed` end in Fail (Error Headroom.ApplyFailed, Cause from `$.error`) so the execution
 * shows red, the others in Succeed. Caught errors are kept at `$.error`.
 */
export class ApplyWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ApplyWorkflowProps) {
    super(scope, id);
    const fns = props.functions;

    const notifyOutcome = invokeInto(this, 'NotifyOutcome', fns.notifyOutcome, { resultPath: '$.notification' });
    const done = new sfn.Choice(this, 'OutcomeIsFailure')
      .when(
        sfn.Condition.or(sfn.Condition.stringEquals('$.outcome', 'failed'), sfn.Condition.stringEquals('$.outcome', 'rollback-failed')),
        new sfn.Fail(this, 'ApplyFailed', { error: 'Headroom.ApplyFailed', causePath: '$.error.Cause' }),
      )
      .otherwise(new sfn.Succeed(this, 'Done'));
    notifyOutcome.chain.next(done);

    const outcome = (name: string, value: (typeof APPLY_OUTCOMES)[number]) =>
      new sfn.Pass(this, name, { result: sfn.Result.fromString(value), resultPath: '$.outcome' }).next(notifyOutcome.chain);
    const skipped = outcome('OutcomeSkipped', 'skipped');
    const applied = outcome('OutcomeApplied', 'applied');
    const rolledBack = outcome('OutcomeRolledBack', 'rolled-back');
    const failed = outcome('OutcomeFailed', 'failed');
    const rollbackFailed = outcome('OutcomeRollbackFailed', 'rollback-failed');

    const rollback = invokeInto(this, 'Rollback', fns.rollback, { resultPath: '$.rollback' });
    rollback.task.addCatch(rollbackFailed, { resultPath: '$.error' });
    rollback.chain.next(rolledBack);

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

    const apply = invokeInto(this, 'Apply', fns.apply, { resultPath: '$.apply' });
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
  }
}
