import { describe, expect, it } from 'vitest';
import { InvalidInteractionPayload, parseInteractionBody } from '../../../lambdas/actions/slack/interaction-payload.js';
import { encodeDismissOption } from '../../../lambdas/shared/slack/dismiss-reasons.js';
import { fixture } from '../helpers.js';

const formEncode = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

describe('parseInteractionBody', () => {
  it("extracts the click from Slack's block_actions payload", () => {
    const interaction = parseInteractionBody(formEncode(fixture('block-actions-payload.json')));
    expect(interaction).toEqual({
      userId: 'U0APPROVER',
      userName: 'ana',
      choice: 'approve',
      runId: 'run-1',
      actionId: 'act-ebs-1',
      responseUrl: 'https://hooks.slack.com/actions/T9TK3CUKW/397700885554/96rGlfmibIGlgcZRskXaIFfN',
      channelId: 'C0LAN2Q65',
      messageTs: '1548261231.000200',
      blockId: 'act-0',
      messageBlocks: [],
    });
  });

  it('reads the reason, run and action of a choice in the Dismiss select', () => {
    const payload = fixture<{ actions: unknown[] }>('block-actions-payload.json');
    payload.actions = [
      {
        type: 'static_select',
        action_id: 'dismiss',
        block_id: 'buttons-1',
        selected_option: { text: { type: 'plain_text', text: 'Sized this way on purpose' }, value: encodeDismissOption('intentional', 'run-1', 'act-ebs-1') },
        action_ts: '1548426417.840180',
      },
    ];
    expect(parseInteractionBody(formEncode(payload))).toMatchObject({ choice: 'dismiss', reason: 'intentional', runId: 'run-1', actionId: 'act-ebs-1', blockId: 'buttons-1' });
  });

  it('records a plain Dismiss button click as a dismissal without a reason', () => {
    const payload = fixture<{ actions: { action_id: string }[] }>('block-actions-payload.json');
    payload.actions[0].action_id = 'dismiss';
    expect(parseInteractionBody(formEncode(payload))).toMatchObject({ choice: 'dismiss', reason: 'unspecified' });
  });

  it('refuses a Dismiss select whose option carries an unknown reason', () => {
    const payload = fixture<{ actions: unknown[] }>('block-actions-payload.json');
    payload.actions = [{ type: 'static_select', action_id: 'dismiss', selected_option: { value: '["bored","run-1","act-ebs-1"]' } }];
    expect(() => parseInteractionBody(formEncode(payload))).toThrow(/actions\.0\.selected_option\.value/);
  });

  it('refuses a body without the payload field', () => {
    expect(() => parseInteractionBody('token=abc')).toThrow(/no "payload" form field/);
  });

  it('refuses a payload that is not JSON', () => {
    expect(() => parseInteractionBody('payload=%7Bnot-json')).toThrow(InvalidInteractionPayload);
  });

  it('refuses an unknown button', () => {
    const payload = fixture<{ actions: { action_id: string }[] }>('block-actions-payload.json');
    payload.actions[0].action_id = 'delete_everything';
    expect(() => parseInteractionBody(formEncode(payload))).toThrow(/actions\.0\.action_id/);
  });

  it('refuses a button value without runId and actionId', () => {
    const payload = fixture<{ actions: { value: string }[] }>('block-actions-payload.json');
    payload.actions[0].value = '{"runId":"run-1"}';
    expect(() => parseInteractionBody(formEncode(payload))).toThrow(/actionId/);
  });

  it('refuses other interaction types', () => {
    const payload = { ...fixture<Record<string, unknown>>('block-actions-payload.json'), type: 'view_submission' };
    expect(() => parseInteractionBody(formEncode(payload))).toThrow(InvalidInteractionPayload);
  });
});

describe('bounded ids', () => {
  it('answers a validly signed click with an oversized action id with 400, before anything reaches DynamoDB', async () => {
    const { createInteractionHandler } = await import('../../../lambdas/actions/interactions/handle-interaction.js');
    const { signedClick } = await import('../../../lambdas/local/demo/approve-top-action.js');
    const { MemoryStore } = await import('../../../lambdas/shared/store/memory-store.js');
    const store = new MemoryStore();
    const handle = createInteractionHandler({ store, signingSecret: 's', approverIds: ['U0APPROVER'], now: () => new Date(), log: () => undefined, startExecution: async () => ({ executionArn: 'x' }) });
    const answer = await handle(signedClick({ runId: 'run-1', actionId: 'a'.repeat(3000) }, { user: 'U0APPROVER', signingSecret: 's' }));
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatch(/not a Headroom button click/);
    const huge = await handle(signedClick({ runId: 'r'.repeat(5000), actionId: 'act-1' }, { user: 'U0APPROVER', signingSecret: 's' }));
    expect(huge.statusCode).toBe(400);
  });
});
