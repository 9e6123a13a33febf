import { beforeEach, describe, expect, it } from 'vitest';
import { createInteractionHandler, type InteractionDeps } from '../../../lambdas/actions/interactions/handle-interaction.js';
import type { RawRequest } from '../../../lambdas/actions/interactions/function-url-event.js';
import type { ResponseMessage } from '../../../lambdas/actions/slack/response-url.js';
import { signSlackRequest } from '../../../lambdas/actions/slack/verify-signature.js';
import { encodeDismissOption } from '../../../lambdas/shared/slack/dismiss-reasons.js';
import type { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { ACTION_ID, ebsAction, FIXED_NOW, fixture, RUN_ID, storeWith } from '../helpers.js';

const SECRET = 'feedback-signing-secret';
const DIGEST_BLOCKS = [
  { type: 'section', block_id: 'action-1', text: { type: 'mrkdwn', text: '*1. Convert EBS volume gp2 → gp3*' } },
  { type: 'actions', block_id: 'buttons-1', elements: [{ type: 'button', action_id: 'approve' }] },
];

function signed(action: Record<string, unknown>, userId = 'U0APPROVER', blocks: unknown[] | null = DIGEST_BLOCKS): RawRequest {
  const payload = fixture<{ user: { id: string }; actions: unknown[]; message: { blocks?: unknown[] } }>('block-actions-payload.json');
  payload.user.id = userId;
  payload.actions = [action];
  if (blocks === null) delete payload.message.blocks;
  else payload.message.blocks = blocks;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(FIXED_NOW.getTime() / 1000));
  return { headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) }, body };
}

const dismissWith = (reason: 'intentional' | 'not-worth-it') => ({
  type: 'static_select',
  action_id: 'dismiss',
  block_id: 'buttons-1',
  selected_option: { text: { type: 'plain_text', text: reason }, value: encodeDismissOption(reason, RUN_ID, ACTION_ID) },
});
const button = (choice: string) => ({ type: 'button', action_id: choice, block_id: 'buttons-1', value: JSON.stringify({ runId: RUN_ID, actionId: ACTION_ID }) });

describe('decision feedback and dismissal reasons', () => {
  let store: MemoryStore;
  let replies: ResponseMessage[];
  let deps: InteractionDeps;

  beforeEach(async () => {
    store = await storeWith([ebsAction()]);
    replies = [];
    deps = {
      store,
      startExecution: async ({ name }) => ({ executionArn: `arn:aws:states:us-east-1:123456789012:execution:apply:${name}` }),
      signingSecret: SECRET,
      approverIds: ['U0APPROVER'],
      respond: async (_url, message) => {
        replies.push(message);
      },
      now: () => FIXED_NOW,
      log: () => undefined,
    };
  });

  it('records who dismissed, when and why, and replaces the buttons in the digest with that line', async () => {
    const answer = await createInteractionHandler(deps)(signed(dismissWith('intentional')));

    expect(answer.statusCode).toBe(200);
    expect(await store.getDecision(ACTION_ID)).toMatchObject({ decision: 'dismissed', decidedBy: 'U0APPROVER', decidedAt: FIXED_NOW.toISOString(), reason: 'intentional' });
    const [record] = await store.listAudit(ACTION_ID);
    expect(record).toMatchObject({ event: 'decision', actor: 'U0APPROVER', at: FIXED_NOW.toISOString(), detail: { decision: 'dismissed', reason: 'intentional' } });
    expect(replies).toHaveLength(1);
    expect(replies[0].replaceBlocks?.[0]).toEqual(DIGEST_BLOCKS[0]);
    expect(replies[0].replaceBlocks?.[1]).toEqual({
      type: 'context',
      block_id: 'buttons-1',
      elements: [{ type: 'mrkdwn', text: ':no_entry_sign: <@U0APPROVER> dismissed db-data: Sized this way on purpose.' }],
    });
  });

  it('updates the digest in place when an approval starts the apply workflow', async () => {
    await createInteractionHandler(deps)(signed(button('approve')));
    expect(replies[0].replaceBlocks?.[1]).toMatchObject({ type: 'context', block_id: 'buttons-1' });
    expect(replies[0].text).toMatch(/approved db-data: apply workflow started/);
  });

  it('falls back to a separate in-channel message when Slack sent the click without the message blocks', async () => {
    await createInteractionHandler(deps)(signed(button('snooze'), 'U0APPROVER', null));
    expect(replies).toEqual([{ text: ':zzz: <@U0APPROVER> snoozed db-data until 2026-12-06.', responseType: 'in_channel' }]);
  });

  it('tells an unauthorised user privately and leaves the message as it was', async () => {
    await createInteractionHandler(deps)(signed(dismissWith('not-worth-it'), 'U0STRANGER'));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ responseType: 'ephemeral' });
    expect(replies[0].replaceBlocks).toBeUndefined();
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
  });

  it('answers 413 to an oversized body before verifying or reading it', async () => {
    const answer = await createInteractionHandler(deps)({ headers: {}, body: 'x'.repeat(1024 * 1024 + 1) });
    expect(answer.statusCode).toBe(413);
    expect(await store.listAudit(ACTION_ID)).toEqual([]);
  });
});
