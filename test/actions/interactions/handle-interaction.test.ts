import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyExecutionInput } from '../../../lambdas/actions/apply-steps/apply-state.js';
import { createInteractionHandler, type InteractionDeps } from '../../../lambdas/actions/interactions/handle-interaction.js';
import type { RawRequest } from '../../../lambdas/actions/interactions/function-url-event.js';
import type { ResponseMessage } from '../../../lambdas/actions/slack/response-url.js';
import { signSlackRequest } from '../../../lambdas/actions/slack/verify-signature.js';
import type { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { ACTION_ID, ebsAction, FIXED_NOW, fixture, RUN_ID, storeWith } from '../helpers.js';

const SECRET = 'test-signing-secret';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:apply';
const sfn = mockClient(SFNClient);

function click(choice: string, userId: string, signingSecret = SECRET): RawRequest {
  const payload = fixture<{ user: { id: string }; actions: { action_id: string }[] }>('block-actions-payload.json');
  payload.user.id = userId;
  payload.actions[0].action_id = choice;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(FIXED_NOW.getTime() / 1000));
  return {
    headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(signingSecret, timestamp, body) },
    body,
  };
}

describe('interactions endpoint', () => {
  let store: MemoryStore;
  let replies: ResponseMessage[];
  let deps: InteractionDeps;

  beforeEach(async () => {
    sfn.reset();
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${STATE_MACHINE_ARN}:exec-1`, startDate: FIXED_NOW });
    store = await storeWith([ebsAction(), ebsAction({ id: 'act-risky', performanceRisk: 3 }), ebsAction({ id: 'act-manual', automation: { executor: null } })]);
    replies = [];
    const client = new SFNClient({ region: 'us-east-1' });
    deps = {
      store,
      startExecution: async ({ name, input }: { name: string; input: ApplyExecutionInput }) => {
        const out = await client.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name, input: JSON.stringify(input) }));
        return { executionArn: out.executionArn ?? '' };
      },
      signingSecret: SECRET,
      approverIds: ['U0APPROVER'],
      highRiskApproverIds: ['U0SENIOR'],
      respond: async (_url, message) => {
        replies.push(message);
      },
      now: () => FIXED_NOW,
      log: () => undefined,
    };
  });

  it('starts exactly one apply execution when Approve is clicked twice', async () => {
    const handle = createInteractionHandler(deps);
    const first = await handle(click('approve', 'U0APPROVER'));
    const second = await handle(click('approve', 'U0APPROVER'));

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input.name).toMatch(/^apply-act-ebs-1-[0-9a-f]{16}$/);
    expect(JSON.parse(calls[0].args[0].input.input ?? '')).toEqual({
      runId: RUN_ID,
      actionId: ACTION_ID,
      approvedBy: 'U0APPROVER',
      slack: { channelId: 'C0LAN2Q65', messageTs: '1548261231.000200' },
    });
    expect((await store.getDecision(ACTION_ID))?.decision).toBe('approved');
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['decision', 'execution-started']);
    expect(replies[1]).toMatchObject({ responseType: 'ephemeral', text: expect.stringMatching(/already|was approved/) });
  });

  it('refuses an approval by someone not on the approver list and records nothing but the refusal', async () => {
    const result = await createInteractionHandler(deps)(click('approve', 'U0STRANGER'));

    expect(result.statusCode).toBe(200);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    expect(replies).toEqual([{ responseType: 'ephemeral', text: 'You are not on the approver list, so you cannot approve this action.' }]);
    expect((await store.listAudit(ACTION_ID)).map((r) => [r.event, r.actor])).toEqual([['refused', 'U0STRANGER']]);
  });

  it('lets only high-risk approvers approve a risk-3 action', async () => {
    const request = (user: string) => {
      const req = click('approve', user);
      const payload = JSON.parse(new URLSearchParams(req.body).get('payload') ?? '');
      payload.actions[0].value = JSON.stringify({ runId: RUN_ID, actionId: 'act-risky' });
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const ts = req.headers['x-slack-request-timestamp'] ?? '';
      return { headers: { ...req.headers, 'x-slack-signature': signSlackRequest(SECRET, ts, body) }, body };
    };
    const handle = createInteractionHandler(deps);
    await handle(request('U0APPROVER'));
    expect(await store.getDecision('act-risky')).toBeUndefined();
    await handle(request('U0SENIOR'));
    expect((await store.getDecision('act-risky'))?.decidedBy).toBe('U0SENIOR');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('resolves Slack user groups on the approver list', async () => {
    const handle = createInteractionHandler({ ...deps, approverIds: ['S0FINOPS'], groupMembers: async (id) => (id === 'S0FINOPS' ? ['U0MEMBER'] : []) });
    await handle(click('approve', 'U0MEMBER'));
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('lets anyone snooze for 7 days without starting a workflow', async () => {
    await createInteractionHandler(deps)(click('snooze', 'U0STRANGER'));
    const decision = await store.getDecision(ACTION_ID);
    expect(decision).toMatchObject({ decision: 'snoozed', decidedBy: 'U0STRANGER', snoozedUntil: '2026-12-06T12:00:00.000Z' });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('refuses a dismissal by someone not on the approver list', async () => {
    await createInteractionHandler(deps)(click('dismiss', 'U0STRANGER'));
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
  });

  it('answers 401 and touches nothing when the signature is wrong', async () => {
    const result = await createInteractionHandler(deps)(click('approve', 'U0APPROVER', 'not-the-secret'));
    expect(result.statusCode).toBe(401);
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    expect(await store.listAudit(ACTION_ID)).toEqual([]);
    expect(replies).toEqual([]);
  });

  it('answers 401 to a replayed request older than five minutes', async () => {
    const handle = createInteractionHandler({ ...deps, now: () => new Date(FIXED_NOW.getTime() + 301_000) });
    expect((await handle(click('approve', 'U0APPROVER'))).statusCode).toBe(401);
  });

  it('answers 400 with a clear message to a signed body that is not a button click', async () => {
    const body = 'payload=%7B%22type%22%3A%22view_closed%22%7D';
    const timestamp = String(Math.floor(FIXED_NOW.getTime() / 1000));
    const result = await createInteractionHandler(deps)({
      headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) },
      body,
    });
    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/not a Headroom button click/);
  });

  it('does not burn the approval of an action no executor can apply', async () => {
    const req = click('approve', 'U0APPROVER');
    const payload = JSON.parse(new URLSearchParams(req.body).get('payload') ?? '');
    payload.actions[0].value = JSON.stringify({ runId: RUN_ID, actionId: 'act-manual' });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ts = req.headers['x-slack-request-timestamp'] ?? '';
    await createInteractionHandler(deps)({ headers: { ...req.headers, 'x-slack-signature': signSlackRequest(SECRET, ts, body) }, body });
    expect(await store.getDecision('act-manual')).toBeUndefined();
    expect(replies[0].text).toMatch(/no executor/);
  });

  it('retries a failed StartExecution on the next click with the same execution name', async () => {
    sfn.on(StartExecutionCommand).rejectsOnce(new Error('ServiceUnavailable')).resolves({ executionArn: `${STATE_MACHINE_ARN}:exec-1`, startDate: FIXED_NOW });
    const handle = createInteractionHandler(deps);
    await handle(click('approve', 'U0APPROVER'));
    expect(replies[0].text).toMatch(/did not start/);
    await handle(click('approve', 'U0APPROVER'));
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0].args[0].input.name).toBe(calls[1].args[0].input.name);
    expect(calls[0].args[0].input.input).toBe(calls[1].args[0].input.input);
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['decision', 'execution-start-failed', 'execution-started']);
  });
});
