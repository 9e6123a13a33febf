import { ApplyStepError, type ApplyState, type RollbackResult } from './apply-state.js';
import { audit, auditingFailure, loadApproval, type ApplyStepDeps } from './deps.js';

/**
 * Restores the rollback point, after a failed apply or a regression. If AWS refuses (see the
 * executor), the result says 'refused' with AWS's reason and the outcome message asks a human to act;
 * the step does not throw, because retrying cannot succeed. What will succeed later (RollbackNotYetPossible) is
 * thrown, audited, and retried by the state machine.
 */
export async function runRollback(state: ApplyState, deps: ApplyStepDeps): Promise<RollbackResult> {
  if (!state.rollbackPoint) throw new ApplyStepError(`Cannot roll back action ${state.actionId}: no rollback point was recorded.`);
  const { action, executor } = await loadApproval(deps, state, { restoring: true });
  const trigger = state.validation?.regressed ? 'regression' : state.error ? `error: ${state.error.Error}` : 'unknown';
  // A RollbackNotYetPossible is audited too (as rollback-errored): each retry of the state machine leaves a line.
  const before = state.rollbackPoint.before;
  const outcome = await auditingFailure(deps, state, 'rollback-errored', { trigger, resourceArn: action.resource.arn }, () =>
    executor.rollback(action, before, deps.context),
  );
  const result: RollbackResult =
    outcome.status === 'rolled-back'
      ? { status: outcome.status, at: deps.now().toISOString(), restored: outcome.restored }
      : { status: outcome.status, at: deps.now().toISOString(), reason: outcome.reason };
  await audit(deps, state, `rollback-${outcome.status}`, { trigger, resourceArn: action.resource.arn, ...result });
  return result;
}
