import { z } from 'zod';
import type { HeadroomStore } from '../../shared/store/store.js';
import { ApplyExecutionInputSchema } from '../apply-steps/apply-state.js';
import { WORKFLOW_ACTOR } from '../apply-steps/deps.js';
import { settleApproval } from '../apply-steps/notify-outcome.js';

/**
 * EventBridge "Step Functions Execution Status Change" for the apply state machine (the rule in
 * lib/constructs/alerts.ts matches TIMED_OUT, ABORTED and FAILED). Fields as Step Functions documents them; `input`
 * is the execution input as a JSON string.
 */
export const ExecutionStatusChangeSchema = z.object({
  'detail-type': z.literal('Step Functions Execution Status Change'),
  source: z.literal('aws.states'),
  detail: z.object({
    executionArn: z.string().min(1),
    stateMachineArn: z.string().min(1),
    name: z.string().min(1),
    status: z.enum(['TIMED_OUT', 'ABORTED', 'FAILED']),
    input: z.string().nullish(),
    stopDate: z.number().nullish(),
  }),
});
export type ExecutionStatusChange = z.infer<typeof ExecutionStatusChangeSchema>;

export interface WatchdogResult {
  actionId?: string;
  settled: boolean;
  reason: string;
}

/**
 * An apply execution that ended without reaching NotifyOutcome (timed out, aborted, failed in a way no Catch saw)
 * would leave its approval 'started' for good, and every later click would answer "Nothing to do". This returns the
 * decision to 'failed' and reopens it, so the action can be approved again — only when the execution is the one the
 * decision started (its name) and the decision has not been settled by NotifyOutcome already (a red run after
 * NotifyOutcome, e.g. rollback-failed, keeps its outcome). Always audited; the resource may still be changed (a
 * timeout during the bake), which the audit and the alarm say.
 */
export async function settleStuckExecution(event: ExecutionStatusChange, store: HeadroomStore, now: Date): Promise<WatchdogResult> {
  const { detail } = event;
  let input;
  try {
    input = ApplyExecutionInputSchema.parse(JSON.parse(detail.input ?? 'null'));
  } catch {
    return { settled: false, reason: `execution ${detail.name} has no apply input (action id and decision version); nothing to settle` };
  }
  const settled = await settleApproval(store, input.actionId, input.decisionVersion, detail.name, 'failed', now.toISOString(), { unclaimed: true });
  const reason = settled
    ? `execution ${detail.name} ended ${detail.status} before recording an outcome: decision v${input.decisionVersion} returned to failed and reopened; the resource may still be changed, check it`
    : `execution ${detail.name} ended ${detail.status}; decision v${input.decisionVersion} was already settled or is not this execution's, left as it is`;
  await store.appendAudit({
    actionId: input.actionId,
    at: now.toISOString(),
    actor: WORKFLOW_ACTOR,
    event: `execution-${detail.status.toLowerCase().replace('_', '-')}`,
    detail: { executionArn: detail.executionArn, decisionVersion: input.decisionVersion, settled, reason },
  });
  return { actionId: input.actionId, settled, reason };
}
