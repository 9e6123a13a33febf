import { ApplyStepError, type ApplyResult, type ApplyState } from './apply-state.js';
import { audit, loadActionAndExecutor, type ApplyStepDeps } from './deps.js';

/**
 * Makes the change. A failure is audited and re-thrown: the state machine's Catch sends it to Rollback
 * (Retry is not configured on this state, so a change is never attempted twice).
 */
export async function runApply(state: ApplyState, deps: ApplyStepDeps): Promise<ApplyResult> {
  if (!state.rollbackPoint) throw new ApplyStepError(`Refusing to apply action ${state.actionId} without a rollback point.`);
  const { action, executor } = await loadActionAndExecutor(deps, state);
  try {
    const after = await executor.apply(action, state.rollbackPoint.before, deps.context);
    const result: ApplyResult = { appliedAt: deps.now().toISOString(), after };
    await audit(deps, state, 'applied', { resourceArn: action.resource.arn, before: state.rollbackPoint.before, after });
    return result;
  } catch (error) {
    await audit(deps, state, 'apply-failed', { resourceArn: action.resource.arn, error: String(error) });
    throw error;
  }
}
