import { OperationStillInProgress } from '../executors/support.js';
import { ApplyStepError, type ApplyResult, type ApplyState } from './apply-state.js';
import { audit, errorText, loadApproval, type ApplyStepDeps } from './deps.js';

/**
 * Makes the change. A failure is audited and re-thrown: the state machine's Catch sends it to Rollback. The one
 * error the state machine retries is OperationStillInProgress (a stop or snapshot outlasting the step's polling
 * bound); every executor's apply is safe to re-run after it (it resumes rather than repeats), and it is audited as
 * 'apply-in-progress', not as a failure.
 */
export async function runApply(state: ApplyState, deps: ApplyStepDeps): Promise<ApplyResult> {
  if (!state.rollbackPoint) throw new ApplyStepError(`Refusing to apply action ${state.actionId} without a rollback point.`);
  const { action, executor } = await loadApproval(deps, state);
  try {
    const after = await executor.apply(action, state.rollbackPoint.before, deps.context);
    const result: ApplyResult = { appliedAt: deps.now().toISOString(), after };
    await audit(deps, state, 'applied', { resourceArn: action.resource.arn, before: state.rollbackPoint.before, after });
    return result;
  } catch (error) {
    const event = error instanceof OperationStillInProgress ? 'apply-in-progress' : 'apply-failed';
    await audit(deps, state, event, { resourceArn: action.resource.arn, error: errorText(error) });
    throw error;
  }
}
