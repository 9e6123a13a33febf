import type { ApplyState, PrecheckResult } from './apply-state.js';
import { findExecutor } from '../executors/index.js';
import { audit, auditingFailure, type ApplyStepDeps } from './deps.js';

/**
 * Precheck: the action exists, its decision is 'approved', an executor exists for it AND is enabled,
 * the resource is in the account the functions run in (no cross-account apply), and the executor confirms the resource still matches `action.current`. Any "no" ends the workflow
 * as 'skipped' with the reason; it is data, not an error.
 */
export async function runPrecheck(state: ApplyState, deps: ApplyStepDeps): Promise<PrecheckResult> {
  const result = await decide(state, deps);
  await audit(deps, state, 'precheck', { ...result });
  return result;
}

async function decide(state: ApplyState, deps: ApplyStepDeps): Promise<PrecheckResult> {
  const action = await deps.store.getAction(state.runId, state.actionId);
  if (!action) return { ok: false, reason: `action ${state.actionId} is not in run ${state.runId}` };
  const decision = await deps.store.getDecision(state.actionId);
  if (decision?.decision !== 'approved') {
    return { ok: false, reason: `action ${state.actionId} is ${decision ? decision.decision : 'undecided'}, not approved` };
  }
  const executorId = action.automation.executor;
  if (!executorId) return { ok: false, reason: `action ${state.actionId} has no executor; it must be applied by hand` };
  const executor = findExecutor(executorId, deps.executors);
  if (!executor) return { ok: false, reason: `executor ${executorId} is not implemented yet` };
  if (!deps.enabledExecutors.includes(executorId)) return { ok: false, reason: `executor ${executorId} is not enabled` };
  if (deps.homeAccount !== undefined && action.resource.account !== deps.homeAccount) {
    return { ok: false, reason: `resource is in member account ${action.resource.account}; cross-account apply is not supported` };
  }
  const check = await auditingFailure(deps, state, 'precheck-failed', { resourceArn: action.resource.arn }, () => executor.precheck(action, deps.context));
  return check.ok ? { ok: true } : { ok: false, reason: check.reason };
}
