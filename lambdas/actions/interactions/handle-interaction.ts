import type { Action } from '../../engine/types/action.js';
import type { ActionState, HeadroomStore, NewDecision } from '../../shared/store/store.js';
import type { ApplyExecutionInput } from '../apply-steps/apply-state.js';
import { DISMISS_REASONS } from '../../shared/slack/dismiss-reasons.js';
import { InvalidInteractionPayload, parseInteractionBody, type Interaction } from '../slack/interaction-payload.js';
import { replaceDecidedBlock } from '../slack/message-update.js';
import type { RespondToSlack } from '../slack/response-url.js';
import { SignatureMismatch, SlackVerificationError, verifySlackSignature } from '../slack/verify-signature.js';
import { authorise, GroupLookupError, type ApproverPolicy, type AuthorisationResult } from './authorise.js';
import { applyExecutionName, decisionNonce } from './execution-name.js';
import { MAX_BODY_BYTES, type HttpResult, type RawRequest } from './function-url-event.js';

/**
 * The Slack interactions endpoint (SPEC §7), transport-neutral so the Lambda handler, `headroom serve`
 * and the local demo share it. Order matters: signature first (nothing is read before it passes),
 * then parse, authorise, the checks that would make an approval useless (no or disabled executor, a
 * resource in another account), the conditional decision write (the idempotency guard), StartExecution,
 * audit, and a note to the user via response_url.
 *
 * Idempotency: the decision record holds everything the execution needs (run, approver, Slack thread,
 * execution name), and the execution's name and input are built only from it. So every click on the same
 * decision — from the main digest or a per-team copy, by anyone, at the same moment — asks Step Functions
 * for the same execution, which AWS deduplicates; ExecutionAlreadyExists means it is already started.
 *
 * The HTTP answer is always an empty 200 once the signature is good — Slack shows an error to the
 * user for anything else — except 400 for a body that is not a Headroom button click. A body over
 * 1 MB is answered 413 before it is even hashed (Slack's payloads are a few KB). Slack waits 3 s;
 * feedback posts get what is left of RESPONSE_DEADLINE_MS after the work, at most 1.5 s.
 */

export const SNOOZE_DAYS = 7;

/** Slack shows an error after 3 s; everything, feedback post included, must be done by then (with margin). */
export const RESPONSE_DEADLINE_MS = 2500;
/** The longest a single response_url post may take. */
export const MAX_RESPONSE_POST_MS = 1500;
/** After a signature mismatch the signing secret is re-read at most this often (a flood of forgeries costs one read). */
export const SECRET_RELOAD_INTERVAL_MS = 60_000;

export interface InteractionDeps {
  store: HeadroomStore;
  /** Starts the apply state machine; `name` and `input` come from the stored decision only. */
  startExecution: (request: { name: string; input: ApplyExecutionInput }) => Promise<{ executionArn: string }>;
  /** The signing secret, or a reader of it (cached by the caller, e.g. with the Slack secret's TTL). */
  signingSecret: string | (() => Promise<string>);
  /**
   * Reads the signing secret afresh, bypassing caches. Called after a signature mismatch, at most once per
   * SECRET_RELOAD_INTERVAL_MS, so a corrected or rotated secret works without recycling the function.
   */
  reloadSigningSecret?: () => Promise<string>;
  approverIds: string[];
  /** Approvers for performance risk 3–4 (see authorise.ts); defaults to none. */
  highRiskApproverIds?: string[];
  groupMembers?: ApproverPolicy['groupMembers'];
  /** ENABLED_EXECUTORS: when given, an approval for an action of any other executor is refused before it is recorded. */
  enabledExecutors?: readonly string[];
  /** The deployment account (ACCOUNT_ID): when given, approvals of resources in other accounts are refused (no cross-account apply). */
  homeAccount?: string;
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

/** One click being handled: the parsed interaction and when its answer must be sent (epoch ms). */
interface Click {
  interaction: Interaction;
  deadline: number;
}

function decisionFor(interaction: Interaction, now: Date): NewDecision {
  const decision = { approve: 'approved', snooze: 'snoozed', dismiss: 'dismissed' } as const;
  const decidedAt = now.toISOString();
  const state: NewDecision = {
    actionId: interaction.actionId,
    decision: decision[interaction.choice],
    decidedBy: interaction.userId,
    decidedAt,
    runId: interaction.runId,
    slack: { channelId: interaction.channelId, messageTs: interaction.messageTs },
  };
  if (interaction.choice === 'approve') state.executionName = applyExecutionName(interaction.actionId, decisionNonce(decidedAt));
  if (interaction.choice === 'snooze') state.snoozedUntil = new Date(now.getTime() + SNOOZE_DAYS * 86_400_000).toISOString();
  // Kept on the decision as well as in the audit, so later runs and reports can say why it was dismissed.
  if (interaction.choice === 'dismiss' && interaction.reason) state.reason = interaction.reason;
  return state;
}

/**
 * Name and input of the apply execution of an approval, from the stored decision alone. The input names the decision
 * (action id and version) and nothing else: every step reads who approved, the run and the Slack thread from it.
 */
export function applyExecutionFor(decision: ActionState): { name: string; input: ApplyExecutionInput } {
  const name = decision.executionName ?? applyExecutionName(decision.actionId, decisionNonce(decision.decidedAt));
  return { name, input: { actionId: decision.actionId, decisionVersion: decision.version } };
}

/** Step Functions' answer when an execution of that name exists with another input or has finished. */
function isExecutionAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ExecutionAlreadyExists';
}

export function createInteractionHandler(deps: InteractionDeps): InteractionHandler {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const policy: ApproverPolicy = {
    approverIds: deps.approverIds,
    highRiskApproverIds: deps.highRiskApproverIds ?? [],
    groupMembers: deps.groupMembers,
  };
  let lastSecretReload: number | undefined;

  /** Feedback is best effort: the decision is already durable, so a failed or late post is logged, not fatal. */
  async function tell(click: Click, text: string, responseType: 'ephemeral' | 'in_channel', replaceBlocks?: unknown[]): Promise<void> {
    if (!deps.respond) return;
    const { interaction } = click;
    const timeoutMs = Math.min(MAX_RESPONSE_POST_MS, click.deadline - deps.now().getTime());
    if (timeoutMs <= 0) {
      log({ level: 'warn', message: 'no time left to post to response_url', actionId: interaction.actionId, text });
      return;
    }
    try {
      await deps.respond(interaction.responseUrl, replaceBlocks === undefined ? { text, responseType } : { text, responseType, replaceBlocks }, { timeoutMs });
    } catch (error) {
      log({ level: 'warn', message: 'could not post to response_url', actionId: interaction.actionId, error: String(error) });
    }
  }

  /**
   * Tells the channel about a decision: by updating the digest in place (the clicked buttons become this line)
   * when Slack sent the message with the click, otherwise with a separate in-channel message.
   */
  async function announce(click: Click, text: string): Promise<void> {
    const blocks = replaceDecidedBlock(click.interaction.messageBlocks, click.interaction.blockId, text);
    await tell(click, text, 'in_channel', blocks);
  }

  async function audit(interaction: Interaction, event: string, detail: Record<string, unknown>): Promise<void> {
    await deps.store.appendAudit({ actionId: interaction.actionId, at: deps.now().toISOString(), actor: interaction.userId, event, detail });
  }

  async function refuse(click: Click, reason: string): Promise<HttpResult> {
    await audit(click.interaction, 'refused', { choice: click.interaction.choice, reason, runId: click.interaction.runId });
    await tell(click, reason, 'ephemeral');
    return ACK;
  }

  /**
   * Starts the execution of a stored approval and records its ARN on the decision (of that version only); an
   * execution of that name already existing counts as started.
   */
  async function startApply(interaction: Interaction, decision: ActionState): Promise<void> {
    const { name, input } = applyExecutionFor(decision);
    let executionArn: string | undefined;
    try {
      executionArn = (await deps.startExecution({ name, input })).executionArn;
      await audit(interaction, 'execution-started', { executionArn, executionName: name, decisionVersion: decision.version, approvedBy: decision.decidedBy });
    } catch (error) {
      if (!isExecutionAlreadyExists(error)) throw error;
      await audit(interaction, 'execution-started', { executionName: name, decisionVersion: decision.version, approvedBy: decision.decidedBy, alreadyExisted: true });
    }
    // Marks the approval started (its ARN, or its name when Step Functions answered ExecutionAlreadyExists).
    await deps.store.updateDecision(decision.actionId, decision.version, (current) => ({ ...current, executionArn: executionArn ?? current.executionArn ?? name }));
  }

  /** A second click (or retry) on a decided action: start nothing, except finishing an approval whose start failed. */
  async function handleDuplicate(click: Click): Promise<HttpResult> {
    const { interaction } = click;
    const existing = await deps.store.getDecision(interaction.actionId);
    if (existing?.decision === 'approved' && interaction.choice === 'approve') {
      // The decision records its execution once started: only a start of THIS approval (version) counts.
      if (existing.executionArn === undefined) {
        try {
          await startApply(interaction, existing);
        } catch (error) {
          await audit(interaction, 'execution-start-failed', { error: String(error) });
          await tell(click, 'The approval is recorded but the apply workflow did not start; press Approve again to retry.', 'ephemeral');
          return ACK;
        }
        await tell(click, `Apply workflow started for the approval by <@${existing.decidedBy}>.`, 'ephemeral');
        return ACK;
      }
    }
    const what = existing ? `${existing.decision} by <@${existing.decidedBy}> at ${existing.decidedAt}` : 'already decided';
    await tell(click, `Nothing to do: this action was ${what}.`, 'ephemeral');
    return ACK;
  }

  async function decide(click: Click, action: Action): Promise<HttpResult> {
    const { interaction } = click;
    const decision = await deps.store.recordDecision(decisionFor(interaction, deps.now()));
    if (!decision) return handleDuplicate(click);
    await audit(interaction, 'decision', {
      decision: decision.decision,
      runId: interaction.runId,
      resourceArn: action.resource.arn,
      current: action.current,
      proposed: action.proposed,
      snoozedUntil: decision.snoozedUntil ?? null,
      reason: interaction.reason ?? null,
      executionName: decision.executionName ?? null,
      decisionVersion: decision.version,
      slack: { channelId: interaction.channelId, messageTs: interaction.messageTs, userName: interaction.userName ?? null },
    });
    const subject = action.resource.name || action.resource.arn;
    if (interaction.choice === 'snooze') {
      await announce(click, `:zzz: <@${interaction.userId}> snoozed ${subject} until ${decision.snoozedUntil?.slice(0, 10)}.`);
      return ACK;
    }
    if (interaction.choice === 'dismiss') {
      await announce(click, `:no_entry_sign: <@${interaction.userId}> dismissed ${subject}: ${DISMISS_REASONS[interaction.reason ?? 'unspecified']}.`);
      return ACK;
    }
    try {
      await startApply(interaction, decision);
    } catch (error) {
      // The approval stands; pressing Approve again retries the start (see handleDuplicate).
      await audit(interaction, 'execution-start-failed', { error: String(error) });
      await tell(click, 'The approval is recorded but the apply workflow did not start; press Approve again to retry.', 'ephemeral');
      return ACK;
    }
    await announce(click, `:white_check_mark: <@${interaction.userId}> approved ${subject}: apply workflow started (precheck → rollback point → apply → bake → validate); progress follows in the thread.`);
    return ACK;
  }

  /** Why an approval could not be carried out by this deployment, or undefined when it can. */
  function cannotApply(action: Action): string | undefined {
    const executor = action.automation.executor;
    if (!executor) return 'This action has no executor, so it cannot be applied automatically; apply it by hand.';
    if (deps.enabledExecutors && !deps.enabledExecutors.includes(executor)) {
      return `Executor ${executor} is not enabled in this deployment, so this action cannot be applied automatically; apply it by hand.`;
    }
    if (deps.homeAccount !== undefined && action.resource.account !== deps.homeAccount) {
      return `The resource is in member account ${action.resource.account}; cross-account apply is not supported, so apply it by hand.`;
    }
    return undefined;
  }

  function verifyWith(signingSecret: string, request: RawRequest): void {
    verifySlackSignature({
      signingSecret,
      timestamp: request.headers['x-slack-request-timestamp'],
      signature: request.headers['x-slack-signature'],
      body: request.body,
      nowSeconds: Math.floor(deps.now().getTime() / 1000),
    });
  }

  /** The verification failure, or undefined when the request is signed; a mismatch may re-read the secret once. */
  async function verificationFailure(request: RawRequest): Promise<SlackVerificationError | undefined> {
    const secret = typeof deps.signingSecret === 'string' ? deps.signingSecret : await deps.signingSecret();
    try {
      verifyWith(secret, request);
      return undefined;
    } catch (error) {
      if (!(error instanceof SlackVerificationError)) throw error;
      if (!(error instanceof SignatureMismatch) || !deps.reloadSigningSecret) return error;
      const now = deps.now().getTime();
      if (lastSecretReload !== undefined && now - lastSecretReload < SECRET_RELOAD_INTERVAL_MS) return error;
      lastSecretReload = now;
      let fresh: string;
      try {
        fresh = await deps.reloadSigningSecret();
      } catch (reloadError) {
        log({ level: 'error', message: 'could not re-read the Slack signing secret', error: String(reloadError) });
        return error;
      }
      if (fresh === secret) return error;
      try {
        verifyWith(fresh, request);
        log({ level: 'info', message: 'the Slack signing secret changed; verified with the new one' });
        return undefined;
      } catch (retryError) {
        if (retryError instanceof SlackVerificationError) return retryError;
        throw retryError;
      }
    }
  }

  return async (request) => {
    const deadline = deps.now().getTime() + RESPONSE_DEADLINE_MS;
    const bytes = Buffer.byteLength(request.body, 'utf8');
    if (bytes > MAX_BODY_BYTES) return reply(413, `The request body is ${bytes} bytes, over the ${MAX_BODY_BYTES}-byte limit for Slack interactions.`);
    const failure = await verificationFailure(request);
    if (failure) {
      log({ level: 'warn', message: 'rejected unsigned Slack request', reason: failure.name });
      return reply(401, failure.message);
    }

    let interaction: Interaction;
    try {
      interaction = parseInteractionBody(request.body);
    } catch (error) {
      if (error instanceof InvalidInteractionPayload) return reply(400, error.message);
      throw error;
    }
    const click: Click = { interaction, deadline };

    const action = await deps.store.getAction(interaction.runId, interaction.actionId);
    if (!action) {
      await tell(click, `Action ${interaction.actionId} is not in run ${interaction.runId}; it may have expired.`, 'ephemeral');
      return ACK;
    }
    let verdict: AuthorisationResult;
    try {
      verdict = await authorise(interaction.userId, interaction.choice, action.performanceRisk, policy);
    } catch (error) {
      if (!(error instanceof GroupLookupError)) throw error;
      log({ level: 'warn', message: 'approver group lookup failed', actionId: interaction.actionId, error: error.message });
      return refuse(click, 'Headroom could not check your approver group membership with Slack just now, so nothing was recorded; try again in a minute.');
    }
    if (!verdict.allowed) return refuse(click, verdict.reason);
    if (interaction.choice === 'approve') {
      const reason = cannotApply(action);
      if (reason !== undefined) return refuse(click, reason);
    }
    return decide(click, action);
  };
}
