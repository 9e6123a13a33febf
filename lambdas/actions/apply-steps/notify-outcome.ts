import type { ActionState, HeadroomStore } from '../../shared/store/store.js';
import { ApplyStepError, type ApplyState, type Outcome } from './apply-state.js';
import { audit, type ApplyStepDeps } from './deps.js';
import { outcomeMessage } from './outcome-message.js';

/**
 * Outcomes after which the resource is as it was: the approval is spent without effect, so the decision is
 * reopened and the action can be approved again (from the next digest). After 'applied' or 'rollback-failed'
 * it holds: the change is in place, or a human must look first.
 */
const REOPENING_OUTCOMES = new Set<Outcome>(['skipped', 'failed', 'rolled-back']);

export interface NotifyOutcomeResult {
  outcome: string;
  notified: boolean;
  channel?: string;
  ts?: string;
  reason?: string;
}

/**
 * Records how the approval `version` ended, if execution `execution` is the one it started and still holds it: the
 * decision's apply status becomes `outcome`, and it is reopened after an outcome that changed nothing. A late or
 * forged execution (another version or name, an approval already settled, one its Precheck never claimed) changes
 * nothing and gets false. `unclaimed`: for executions that timed out or were aborted before Precheck claimed them
 * (lambdas/actions/apply-watchdog).
 */
export async function settleApproval(
  store: HeadroomStore,
  actionId: string,
  version: number,
  execution: string,
  outcome: Outcome,
  at: string,
  options: { unclaimed?: boolean } = {},
): Promise<boolean> {
  return store.updateDecision(actionId, version, (decision: ActionState) => {
    if (decision.decision !== 'approved' || decision.executionName !== execution) return undefined;
    if (decision.apply === undefined && !options.unclaimed) return undefined;
    if (decision.apply !== undefined && (decision.apply.status !== 'started' || decision.apply.claim !== execution)) return undefined;
    return { ...decision, apply: { status: outcome, at, claim: execution }, ...(REOPENING_OUTCOMES.has(outcome) ? { reopened: true } : {}) };
  });
}

/**
 * Audits the outcome, settles the decision (settleApproval, only for the execution that claimed it) and posts the
 * outcome in the thread of the digest message where Approve was clicked (from the decision), or at the top of
 * `fallbackChannel`. An execution that did not act on the standing decision posts nothing: it is audited only.
 */
export async function runNotifyOutcome(state: ApplyState, deps: ApplyStepDeps, fallbackChannel?: string): Promise<NotifyOutcomeResult> {
  if (!state.outcome) throw new ApplyStepError(`The notify-outcome step for action ${state.actionId} received no outcome.`);
  const decision = await deps.store.getDecision(state.actionId);
  const execution = state.binding?.execution;
  const settled = execution !== undefined && (await settleApproval(deps.store, state.actionId, state.decisionVersion, execution, state.outcome, deps.now().toISOString()));
  await audit(
    deps,
    state,
    `outcome-${state.outcome}`,
    {
      decisionSettled: settled,
      precheck: state.precheck ?? null,
      before: state.rollbackPoint?.before ?? null,
      after: state.apply ?? null,
      validation: state.validation ?? null,
      rollback: state.rollback ?? null,
      // Why a failed or rolled-back run ended there: the caught error of the step that failed, and of Rollback.
      error: state.error ?? null,
      rollbackError: state.rollbackError ?? null,
    },
    decision,
  );
  if (!settled) return { outcome: state.outcome, notified: false, reason: 'the execution did not act on the standing decision; audited only' };
  const runId = decision?.runId;
  const action = runId === undefined ? undefined : await deps.store.getAction(runId, state.actionId);
  const text = outcomeMessage(state, action, decision?.decidedBy);
  const channel = decision?.slack?.channelId ?? fallbackChannel;
  if (!channel) return { outcome: state.outcome, notified: false, reason: 'no Slack thread or channel to post to' };
  const { ts } = await deps.notifier.post({ channel, threadTs: decision?.slack?.messageTs, text });
  return { outcome: state.outcome, notified: true, channel, ts };
}
