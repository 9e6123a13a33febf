import { z } from 'zod';

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

/** What the digest's buttons carry in `value` (see lambdas/notify/format/slack-blocks.ts). */
export const ButtonValueSchema = z.object({ runId: z.string().min(1), actionId: z.string().min(1) });
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

const ButtonValueFromJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'button value is not JSON' });
    return z.NEVER;
  }
}).pipe(ButtonValueSchema);

export const BlockActionsPayloadSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }),
  container: z.object({ message_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().optional() }),
  response_url: z.url(),
  actions: z
    .array(z.object({ action_id: ButtonActionIdSchema, value: ButtonValueFromJson, action_ts: z.string().optional() }))
    .min(1),
});

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
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
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
  const [action] = payload.actions;
  return {
    userId: payload.user.id,
    userName: payload.user.username ?? payload.user.name,
    choice: action.action_id,
    runId: action.value.runId,
    actionId: action.value.actionId,
    responseUrl: payload.response_url,
    channelId: payload.channel.id,
    messageTs: payload.container?.message_ts ?? payload.message.ts,
  };
}
