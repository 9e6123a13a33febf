import type { Action } from '../../engine/types/action.js';
import type { ActionState, HeadroomStore } from '../../shared/store/store.js';
import type { ApplyExecutionInput } from '../apply-steps/apply-state.js';
import { InvalidInteractionPayload, parseInteractionBody, type Interaction } from '../slack/interaction-payload.js';
import type { RespondToSlack } from '../slack/response-url.js';
import { SlackVerificationError, verifySlackSignature } from '../slack/verify-signature.js';
import { authorise, type ApproverPolicy } from './authorise.js';
import { applyExecutionName } from './execution-name.js';
import type { HttpResult, RawRequest } from './function-url-event.js';

/**
 * The Slack interactions endpoint (SPEC §7), transport-neutral so the Lambda handler, `headroom serve`
 * and the local demo share it. Order matters: signature first (nothing is read before it passes),
 * then parse, authorise, the conditional decision write (the idempotency guard), StartExecution with a
 * name derived from the action id (AWS's own guard), audit, and a note to the user via response_url.
 * The HTTP answer is always an empty 200 once the signature is good — Slack shows an error to the
 * user for anything else — except 400 for a body that is not a Headroom button click.
 */

export const SNOOZE_DAYS = 7;

export interface InteractionDeps {
  store: HeadroomStore;
  /** Starts the apply state machine; `name` is deterministic per action. */
  startExecution: (request: { name: string; input: ApplyExecutionInput }) => Promise<{ executionArn: string }>;
  signingSecret: string;
  approverIds: string[];
  /** Approvers for performance risk 3–4 (see authorise.ts); defaults to none. */
  highRiskApproverIds?: string[];
  groupMembers?: ApproverPolicy['groupMembers'];
  /** Posts feedback to the click's response_url; omitted in tests that do not care. */
  respond?: RespondToSlack;
  now: () => Date;
  log?: (entry: Record<string, unknown>) => void;
}

export type InteractionHandler = (request: RawRequest) => Promise<HttpResult>;

const ACK: HttpResult = { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: '' };

function reply(statusCode: number, message: string): HttpResult {
  return { statusCode, headers: { 'content-type': 'text/plain' }, body: message };
}

function decisionFor(interaction: Interaction, now: Date): ActionState {
  const decision = { approve: 'approved', snooze: 'snoozed', dismiss: 'dismissed' } as const;
  const state: ActionState = {
    actionId: interaction.actionId,
    decision: decision[interaction.choice],
    decidedBy: interaction.userId,
    decidedAt: now.toISOString(),
  };
  if (interaction.choice === 'snooze') state.snoozedUntil = new Date(now.getTime() + SNOOZE_DAYS * 86_400_000).toISOString();
  return state;
}

export function createInteractionHandler(deps: InteractionDeps): InteractionHandler {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const policy: ApproverPolicy = {
    approverIds: deps.approverIds,
    highRiskApproverIds: deps.highRiskApproverIds ?? [],
    groupMembers: deps.groupMembers,
  };

  /** Feedback is best effort: the decision is already durable, so a failed post is logged, not fatal. */
  async function tell(interaction: Interaction, text: string, responseType: 'ephemeral' | 'in_channel'): Promise<void> {
    if (!deps.respond) return;
    try {
      await deps.respond(interaction.responseUrl, { text, responseType });
    } catch (error) {
      log({ level: 'warn', message: 'could not post to response_url', actionId: interaction.actionId, error: String(error) });
    }
  }

  async function audit(interaction: Interaction, event: string, detail: Record<string, unknown>): Promise<void> {
    await deps.store.appendAudit({ actionId: interaction.actionId, at: deps.now().toISOString(), actor: interaction.userId, event, detail });
  }

  async function startApply(interaction: Interaction, approvedBy: string): Promise<string> {
    const name = applyExecutionName(interaction.actionId);
    const input: ApplyExecutionInput = {
      runId: interaction.runId,
      actionId: interaction.actionId,
      approvedBy,
      slack: { channelId: interaction.channelId, messageTs: interaction.messageTs },
    };
    const { executionArn } = await deps.startExecution({ name, input });
    await audit(interaction, 'execution-started', { executionArn, executionName: name, approvedBy });
    return executionArn;
  }

  /** A second click (or retry) on a decided action: start nothing, except finishing an approval whose start failed. */
  async function handleDuplicate(interaction: Interaction): Promise<HttpResult> {
    const existing = await deps.store.getDecision(interaction.actionId);
    if (existing?.decision === 'approved' && interaction.choice === 'approve') {
      const started = (await deps.store.listAudit(interaction.actionId)).some((record) => record.event === 'execution-started');
      if (!started) {
        await startApply(interaction, existing.decidedBy);
        await tell(interaction, `Apply workflow started for the approval by <@${existing.decidedBy}>.`, 'ephemeral');
        return ACK;
      }
    }
    const what = existing ? `${existing.decision} by <@${existing.decidedBy}> at ${existing.decidedAt}` : 'already decided';
    await tell(interaction, `Nothing to do: this action was ${what}.`, 'ephemeral');
    return ACK;
  }

  async function decide(interaction: Interaction, action: Action): Promise<HttpResult> {
    const decision = decisionFor(interaction, deps.now());
    if (!(await deps.store.recordDecision(decision))) return handleDuplicate(interaction);
    await audit(interaction, 'decision', {
      decision: decision.decision,
      runId: interaction.runId,
      resourceArn: action.resource.arn,
      current: action.current,
      proposed: action.proposed,
      snoozedUntil: decision.snoozedUntil ?? null,
      slack: { channelId: interaction.channelId, messageTs: interaction.messageTs, userName: interaction.userName ?? null },
    });
    if (interaction.choice !== 'approve') {
      await tell(interaction, `<@${interaction.userId}> ${decision.decision} ${action.resource.name || action.resource.arn}.`, 'in_channel');
      return ACK;
    }
    try {
      await startApply(interaction, interaction.userId);
    } catch (error) {
      // The approval stands; pressing Approve again retries the start (see handleDuplicate).
      await audit(interaction, 'execution-start-failed', { error: String(error) });
      await tell(interaction, 'The approval is recorded but the apply workflow did not start; press Approve again to retry.', 'ephemeral');
      return ACK;
    }
    await tell(interaction, `<@${interaction.userId}> approved ${action.resource.name || action.resource.arn}: apply workflow started (precheck → rollback point → apply → bake → validate).`, 'in_channel');
    return ACK;
  }

  return async (request) => {
    try {
      verifySlackSignature({
        signingSecret: deps.signingSecret,
        timestamp: request.headers['x-slack-request-timestamp'],
        signature: request.headers['x-slack-signature'],
        body: request.body,
        nowSeconds: Math.floor(deps.now().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof SlackVerificationError) {
        log({ level: 'warn', message: 'rejected unsigned Slack request', reason: error.name });
        return reply(401, error.message);
      }
      throw error;
    }

    let interaction: Interaction;
    try {
      interaction = parseInteractionBody(request.body);
    } catch (error) {
      if (error instanceof InvalidInteractionPayload) return reply(400, error.message);
      throw error;
    }

    const action = await deps.store.getAction(interaction.runId, interaction.actionId);
    if (!action) {
      await tell(interaction, `Action ${interaction.actionId} is not in run ${interaction.runId}; it may have expired.`, 'ephemeral');
      return ACK;
    }
    const verdict = await authorise(interaction.userId, interaction.choice, action.performanceRisk, policy);
    if (!verdict.allowed) {
      await audit(interaction, 'refused', { choice: interaction.choice, reason: verdict.reason, runId: interaction.runId });
      await tell(interaction, verdict.reason, 'ephemeral');
      return ACK;
    }
    if (interaction.choice === 'approve' && !action.automation.executor) {
      await tell(interaction, 'This action has no executor, so it cannot be applied automatically; apply it by hand.', 'ephemeral');
      return ACK;
    }
    return decide(interaction, action);
  };
}
