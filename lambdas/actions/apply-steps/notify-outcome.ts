import { ApplyStepError, type ApplyState } from './apply-state.js';
import { audit, type ApplyStepDeps } from './deps.js';
import { outcomeMessage } from './outcome-message.js';

/**
 * Outcomes after which the resource is as it was: the approval is spent without effect, so the decision is
 * cleared and the action can be approved again (from the next digest). After 'applied' or 'rollback-failed'
 * it stays: the change is in place, or a human must look first.
 */
const REOPENING_OUTCOMES = new Set(['skipped', 'failed', 'rolled-back']);

export interface NotifyOutcomeResult {
  outcome: string;
  notified: boolean;
  channel?: string;
  ts?: string;
  reason?: string;
}

/**
 * Audits the outcome and posts it in the digest message's thread (state.slack, set by the
 * interactions endpoint), or at the top of `fallbackChannel` when the workflow was started without a
 * Slack click. With neither there is nowhere to post; the audit record still holds the outcome.
 */
export async function runNotifyOutcome(state: ApplyState, deps: ApplyStepDeps, fallbackChannel?: string): Promise<NotifyOutcomeResult> {
  if (!state.outcome) throw new ApplyStepError(`The notify-outcome step for action ${state.actionId} received no outcome.`);
  const action = await deps.store.getAction(state.runId, state.actionId);
  const text = outcomeMessage(state, action);
  await audit(deps, state, `outcome-${state.outcome}`, {
    precheck: state.precheck ?? null,
    before: state.rollbackPoint?.before ?? null,
    after: state.apply ?? null,
    validation: state.validation ?? null,
    rollback: state.rollback ?? null,
    // Why a failed or rolled-back run ended there: the caught error of the step that failed, and of Rollback.
    error: state.error ?? null,
    rollbackError: state.rollbackError ?? null,
  });
  if (REOPENING_OUTCOMES.has(state.outcome)) await deps.store.clearDecision(state.actionId);
  const channel = state.slack?.channelId ?? fallbackChannel;
  if (!channel) return { outcome: state.outcome, notified: false, reason: 'no Slack thread or channel to post to' };
  const { ts } = await deps.notifier.post({ channel, threadTs: state.slack?.messageTs, text });
  return { outcome: state.outcome, notified: true, channel, ts };
}
