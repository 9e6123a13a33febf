import { z } from 'zod';
import { DismissOptionSchema, type DismissReason } from '../../shared/slack/dismiss-reasons.js';

/**
 * Slack's block_actions interaction payload, as far as Headroom reads it. Slack POSTs it
 * form-encoded as a single field `payload=<JSON>` (Content-Type application/x-www-form-urlencoded).
 * Fields Headroom does not use pass through unchecked (Slack adds fields over time).
 */

export class InvalidInteractionPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInteractionPayload';
  }
}

export const ButtonActionIdSchema = z.enum(['approve', 'snooze', 'dismiss']);
export type ButtonActionId = z.infer<typeof ButtonActionIdSchema>;

/**
 * Bounds on what a click may carry, well inside DynamoDB's key limits (partition key 2,048 bytes, sort key 1,024) and
 * the 400 KB item limit, so a validly signed but oversized value is answered 400, never a 500 from DynamoDB. Action
 * ids are a rule id, a resource ARN (at most 2,048 characters for the longest AWS ARNs is not reached by any
 * resource Headroom acts on) and a hash; run ids are a timestamp and a suffix.
 */
export const INTERACTION_LIMITS = { runId: 128, actionId: 512, userId: 64, channelId: 64, messageTs: 32, userName: 256 } as const;

/** What the digest's buttons carry in `value` (see lambdas/notify/format/slack-blocks.ts). */
export const ButtonValueSchema = z.object({
  runId: z.string().min(1).max(INTERACTION_LIMITS.runId),
  actionId: z.string().min(1).max(INTERACTION_LIMITS.actionId),
});
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

const ButtonValueFromJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'button value is not JSON' });
    return z.NEVER;
  }
}).pipe(ButtonValueSchema);

/** The "Dismiss…" select's chosen option: `[reason, runId, actionId]` (see dismiss-reasons.ts). */
const DismissOptionFromJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'dismiss option value is not JSON' });
    return z.NEVER;
  }
}).pipe(DismissOptionSchema);

/** A button (Approve, Snooze 7d, or the plain Dismiss of older messages). */
const ButtonClickSchema = z.object({
  type: z.literal('button').optional(),
  action_id: ButtonActionIdSchema,
  block_id: z.string().optional(),
  value: ButtonValueFromJson,
  action_ts: z.string().optional(),
});

/** A reason chosen in the "Dismiss…" static_select. */
const DismissSelectSchema = z.object({
  type: z.literal('static_select'),
  action_id: z.literal('dismiss'),
  block_id: z.string().optional(),
  selected_option: z.object({ value: DismissOptionFromJson }),
  action_ts: z.string().optional(),
});

export const BlockActionsPayloadSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1).max(INTERACTION_LIMITS.userId), username: z.string().max(INTERACTION_LIMITS.userName).optional(), name: z.string().max(INTERACTION_LIMITS.userName).optional() }),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string().min(1).max(INTERACTION_LIMITS.channelId), name: z.string().optional() }),
  container: z.object({ message_ts: z.string().max(INTERACTION_LIMITS.messageTs).optional() }).optional(),
  // Blocks are passed back untouched when the message is updated (see message-update.ts), so they are not checked here.
  message: z.object({ ts: z.string().min(1).max(INTERACTION_LIMITS.messageTs), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() }),
  response_url: z.url().max(2048),
  // Each action is checked by the schema of its kind (see actionSchemaFor), which keeps error paths precise.
  actions: z.array(z.unknown()).min(1),
});

/** A select's click carries `selected_option`; everything else is read as a button. */
function actionSchemaFor(action: unknown): typeof DismissSelectSchema | typeof ButtonClickSchema {
  return typeof action === 'object' && action !== null && 'selected_option' in action ? DismissSelectSchema : ButtonClickSchema;
}

/** The parts of a click Headroom acts on. */
export interface Interaction {
  userId: string;
  userName?: string;
  choice: ButtonActionId;
  runId: string;
  actionId: string;
  responseUrl: string;
  channelId: string;
  /** ts of the digest message the button sits in; outcomes are posted in its thread. */
  messageTs: string;
  /** Why, for a dismissal: the select's reason, or `unspecified` for the plain Dismiss button. */
  reason?: DismissReason;
  /** block_id of the actions block clicked, so the message can be updated in place. */
  blockId?: string;
  /** The digest message's blocks as Slack sent them, to re-post with the clicked buttons replaced. */
  messageBlocks?: unknown[];
}

function describeIssues(error: z.ZodError, prefix: string[] = []): string {
  return error.issues.map((issue) => `${[...prefix, ...issue.path.map(String)].join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Parses a form-encoded interaction body (`payload=<JSON>`) into the click Headroom acts on. */
export function parseInteractionBody(formBody: string): Interaction {
  const payloadText = new URLSearchParams(formBody).get('payload');
  if (payloadText === null) throw new InvalidInteractionPayload('The request body has no "payload" form field.');
  let json: unknown;
  try {
    json = JSON.parse(payloadText);
  } catch {
    throw new InvalidInteractionPayload('The "payload" form field is not valid JSON.');
  }
  const parsed = BlockActionsPayloadSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidInteractionPayload(`The interaction payload is not a Headroom button click (${describeIssues(parsed.error)}).`);
  }
  const payload = parsed.data;
  const actionParsed = actionSchemaFor(payload.actions[0]).safeParse(payload.actions[0]);
  if (!actionParsed.success) {
    throw new InvalidInteractionPayload(`The interaction payload is not a Headroom button click (${describeIssues(actionParsed.error, ['actions', '0'])}).`);
  }
  const action = actionParsed.data;
  const target =
    'selected_option' in action
      ? { runId: action.selected_option.value[1], actionId: action.selected_option.value[2], reason: action.selected_option.value[0] }
      : { runId: action.value.runId, actionId: action.value.actionId, reason: action.action_id === 'dismiss' ? ('unspecified' as const) : undefined };
  // The dismiss select carries run and action ids too (dismiss-reasons.ts): bounded like a button's.
  if (target.runId.length > INTERACTION_LIMITS.runId || target.actionId.length > INTERACTION_LIMITS.actionId) {
    throw new InvalidInteractionPayload(`The interaction payload's run id or action id is longer than ${INTERACTION_LIMITS.runId} / ${INTERACTION_LIMITS.actionId} characters.`);
  }
  const interaction: Interaction = {
    userId: payload.user.id,
    userName: payload.user.username ?? payload.user.name,
    choice: action.action_id,
    runId: target.runId,
    actionId: target.actionId,
    responseUrl: payload.response_url,
    channelId: payload.channel.id,
    messageTs: payload.container?.message_ts ?? payload.message.ts,
  };
  if (target.reason !== undefined) interaction.reason = target.reason;
  if (action.block_id !== undefined) interaction.blockId = action.block_id;
  if (payload.message.blocks !== undefined) interaction.messageBlocks = payload.message.blocks;
  return interaction;
}
