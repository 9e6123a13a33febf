import type { ApplyState, PrecheckResult } from './apply-state.js';
import { findExecutor } from '../executors/index.js';
import { approvalMismatch, audit, auditingFailure, type ApplyStepDeps } from './deps.js';

/**
 * Precheck: the stored decision must be the approval this execution names (version, approver, run; see
 * approvalMismatch) — otherwise the run fails closed, audited as approval-mismatch, and the decision is left alone.
 * Then Precheck claims the approval (its execution name on the decision, written conditionally, so a second execution
 * of the same decision finds it claimed), and checks the action exists, an executor exists for it AND is enabled, the resource is in
 * the account the functions run in (no cross-account apply), and the executor confirms the resource still matches
 * `action.current`. Any "no" ends the workflow as 'skipped' with the reason; it is data, not an error.
 */
export async function runPrecheck(state: ApplyState, deps: ApplyStepDeps): Promise<PrecheckResult> {
  const decision = await deps.store.getDecision(state.actionId);
  const mismatch = approvalMismatch(decision, state, false);
  if (mismatch || !decision || !state.binding) {
    await audit(deps, state, 'approval-mismatch', { reason: mismatch ?? null }, decision);
    return { ok: false, reason: mismatch };
  }
  const execution = state.binding.execution;
  // The claim: a Lambda retry of this Precheck finds its own claim and goes on.
  const claimed =
    decision.apply?.claim === execution ||
    (await deps.store.updateDecision(state.actionId, decision.version, (current) =>
      current.apply === undefined ? { ...current, apply: { status: 'started', at: deps.now().toISOString(), claim: execution } } : undefined,
    ));
  if (!claimed) {
    const reason = `decision v${decision.version} of action ${state.actionId} was claimed by another execution`;
    await audit(deps, state, 'approval-mismatch', { reason }, decision);
    return { ok: false, reason };
  }
  const result: PrecheckResult = { ...(await decide(state, deps, decision.runId)), ...(decision.runId === undefined ? {} : { runId: decision.runId }) };
  await audit(deps, state, 'precheck', { ok: result.ok, reason: result.reason ?? null });
  return result;
}

async function decide(state: ApplyState, deps: ApplyStepDeps, runId: string | undefined): Promise<Pick<PrecheckResult, 'ok' | 'reason'>> {
  const action = runId === undefined ? undefined : await deps.store.getAction(runId, state.actionId);
  if (!action) return { ok: false, reason: `action ${state.actionId} is not in run ${runId ?? '(none recorded)'}` };
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
