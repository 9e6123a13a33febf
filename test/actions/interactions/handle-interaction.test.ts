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

function click(choice: string, userId: string, signingSecret = SECRET, where?: { channelId: string; messageTs: string }): RawRequest {
  const payload = fixture<{
    user: { id: string };
    actions: { action_id: string }[];
    channel: { id: string };
    container: { message_ts: string };
    message: { ts: string };
  }>('block-actions-payload.json');
  payload.user.id = userId;
  payload.actions[0].action_id = choice;
  if (where) {
    payload.channel.id = where.channelId;
    payload.container.message_ts = where.messageTs;
    payload.message.ts = where.messageTs;
  }
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
    expect(calls[0].args[0].input.name).toMatch(new RegExp(`^apply-act-ebs-1-[0-9a-f]{16}-${FIXED_NOW.getTime()}$`));
    expect((await store.getDecision(ACTION_ID))?.executionName).toBe(calls[0].args[0].input.name);
    // The input names the decision and nothing else: approver, run and thread are read from it by every step.
    expect(JSON.parse(calls[0].args[0].input.input ?? '')).toEqual({ actionId: ACTION_ID, decisionVersion: 1 });
    expect(await store.getDecision(ACTION_ID)).toMatchObject({ decidedBy: 'U0APPROVER', runId: RUN_ID, slack: { channelId: 'C0LAN2Q65', messageTs: '1548261231.000200' } });
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

  it('lets an approver snooze for 7 days without starting a workflow, and refuses a snooze by anyone else', async () => {
    await createInteractionHandler(deps)(click('snooze', 'U0STRANGER'));
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    await createInteractionHandler(deps)(click('snooze', 'U0APPROVER'));
    const decision = await store.getDecision(ACTION_ID);
    expect(decision).toMatchObject({ decision: 'snoozed', decidedBy: 'U0APPROVER', snoozedUntil: '2026-12-06T12:00:00.000Z' });
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
  it("retries a failed start even when an earlier approval's execution of the same action was started", async () => {
    // An earlier run's approval started (and its outcome then cleared the decision); action ids are stable across runs.
    await store.appendAudit({ actionId: ACTION_ID, at: '2026-11-20T12:00:00.000Z', actor: 'U0APPROVER', event: 'execution-started', detail: { executionName: 'earlier-approval' } });
    sfn.on(StartExecutionCommand).rejectsOnce(new Error('ServiceUnavailable')).resolves({ executionArn: `${STATE_MACHINE_ARN}:exec-1`, startDate: FIXED_NOW });
    const handle = createInteractionHandler(deps);
    await handle(click('approve', 'U0APPROVER'));
    await handle(click('approve', 'U0APPROVER'));
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(2);
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['execution-started', 'decision', 'execution-start-failed', 'execution-started']);
  });

  /** Step Functions' StartExecution semantics: same name and input as an existing execution returns it; other input fails. */
  function fakeStepFunctions() {
    const executions = new Map<string, string>();
    const calls: { name: string; input: ApplyExecutionInput }[] = [];
    const startExecution = async ({ name, input }: { name: string; input: ApplyExecutionInput }) => {
      calls.push({ name, input });
      await new Promise((resolve) => setTimeout(resolve, 1));
      const existing = executions.get(name);
      if (existing !== undefined && existing !== JSON.stringify(input)) {
        throw Object.assign(new Error(`Execution Already Exists: '${name}'`), { name: 'ExecutionAlreadyExists' });
      }
      executions.set(name, JSON.stringify(input));
      return { executionArn: `${STATE_MACHINE_ARN}:${name}` };
    };
    return { executions, calls, startExecution };
  }

  it('starts one execution with one input when two approvers click the digest and a team copy at the same moment', async () => {
    const stepFunctions = fakeStepFunctions();
    const handle = createInteractionHandler({ ...deps, approverIds: ['U0APPROVER', 'U0OTHER'], startExecution: stepFunctions.startExecution });

    const answers = await Promise.all([
      handle(click('approve', 'U0APPROVER', SECRET, { channelId: 'C0MAIN', messageTs: '1700000000.000100' })),
      handle(click('approve', 'U0OTHER', SECRET, { channelId: 'C0TEAM', messageTs: '1700000000.000200' })),
    ]);

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    // The loser of the decision write also calls StartExecution: with the same name and input, AWS returns the same execution.
    expect(stepFunctions.calls).toHaveLength(2);
    expect(stepFunctions.calls[1]).toEqual(stepFunctions.calls[0]);
    expect(replies.map((reply) => reply.text).join('\n')).not.toMatch(/did not start/);
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).not.toContain('execution-start-failed');
    expect(stepFunctions.executions.size).toBe(1);
    const decision = await store.getDecision(ACTION_ID);
    expect(stepFunctions.calls[0].name).toBe(decision?.executionName);
    expect(stepFunctions.calls[0].input).toEqual({ actionId: ACTION_ID, decisionVersion: decision?.version });
  });

  it('treats ExecutionAlreadyExists as an execution already started', async () => {
    const handle = createInteractionHandler({
      ...deps,
      startExecution: async () => Promise.reject(Object.assign(new Error('Execution Already Exists'), { name: 'ExecutionAlreadyExists' })),
    });
    expect((await handle(click('approve', 'U0APPROVER'))).statusCode).toBe(200);
    expect(replies[0]).toMatchObject({ responseType: 'in_channel', text: expect.stringMatching(/apply workflow started/) });
    const events = await store.listAudit(ACTION_ID);
    expect(events.map((r) => r.event)).toEqual(['decision', 'execution-started']);
    expect(events[1].detail).toMatchObject({ alreadyExisted: true });
  });

  it('answers 200, not an error, when a repeated click meets ExecutionAlreadyExists', async () => {
    await store.recordDecision({ actionId: ACTION_ID, decision: 'approved', decidedBy: 'U0APPROVER', decidedAt: FIXED_NOW.toISOString(), runId: RUN_ID, executionName: 'apply-x' });
    const handle = createInteractionHandler({
      ...deps,
      startExecution: async () => Promise.reject(Object.assign(new Error('Execution Already Exists'), { name: 'ExecutionAlreadyExists' })),
    });
    expect((await handle(click('approve', 'U0APPROVER'))).statusCode).toBe(200);
    expect(replies[0].text).toMatch(/Apply workflow started/);
  });

  it('gives a later, separate approval of the same action a new execution name', async () => {
    const first = await storeWith([ebsAction()]);
    const later = await storeWith([ebsAction()]);
    const names: string[] = [];
    const capture = async ({ name }: { name: string }) => {
      names.push(name);
      return { executionArn: name };
    };
    await createInteractionHandler({ ...deps, store: first, startExecution: capture })(click('approve', 'U0APPROVER'));
    const nextDay = new Date(FIXED_NOW.getTime() + 86_400_000);
    const laterClick = await (async () => {
      const handle = createInteractionHandler({ ...deps, store: later, startExecution: capture, now: () => nextDay });
      const request = click('approve', 'U0APPROVER');
      const timestamp = String(Math.floor(nextDay.getTime() / 1000));
      return handle({ headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, request.body) }, body: request.body });
    })();
    expect(laterClick.statusCode).toBe(200);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
  });

  it('re-reads a changed signing secret once after a mismatch and accepts the request signed with it', async () => {
    let reloads = 0;
    const handle = createInteractionHandler({
      ...deps,
      signingSecret: async () => 'the-old-secret',
      reloadSigningSecret: async () => {
        reloads += 1;
        return SECRET;
      },
    });
    expect((await handle(click('approve', 'U0APPROVER'))).statusCode).toBe(200);
    expect((await store.getDecision(ACTION_ID))?.decision).toBe('approved');
    expect(reloads).toBe(1);
  });

  it('re-reads the signing secret at most once a minute, so forgeries cannot hammer Secrets Manager', async () => {
    let reloads = 0;
    let now = FIXED_NOW.getTime();
    const handle = createInteractionHandler({
      ...deps,
      now: () => new Date(now),
      reloadSigningSecret: async () => {
        reloads += 1;
        return SECRET;
      },
    });
    expect((await handle(click('approve', 'U0APPROVER', 'forged'))).statusCode).toBe(401);
    expect((await handle(click('approve', 'U0APPROVER', 'forged'))).statusCode).toBe(401);
    expect(reloads).toBe(1);
    now += 60_000;
    expect((await handle(click('approve', 'U0APPROVER', 'forged'))).statusCode).toBe(401);
    expect(reloads).toBe(2);
  });

  it('refuses with an audit record and a message when the approver group cannot be read', async () => {
    const handle = createInteractionHandler({ ...deps, approverIds: ['S0FINOPS'], groupMembers: async () => Promise.reject(new Error('timeout')) });
    const result = await handle(click('approve', 'U0MEMBER'));
    expect(result.statusCode).toBe(200);
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    expect(replies[0]).toMatchObject({ responseType: 'ephemeral', text: expect.stringMatching(/could not check your approver group/) });
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['refused']);
  });

  it('gives the response_url post only what is left of the 2.5 s budget', async () => {
    let now = FIXED_NOW.getTime();
    const timeouts: (number | undefined)[] = [];
    const handle = createInteractionHandler({
      ...deps,
      now: () => new Date(now),
      startExecution: async () => {
        now += 2100; // a slow StartExecution
        return { executionArn: 'arn' };
      },
      respond: async (_url, _message, options) => {
        timeouts.push(options?.timeoutMs);
      },
    });
    await handle(click('approve', 'U0APPROVER'));
    expect(timeouts).toEqual([400]);
  });

  it('skips the response_url post when the budget is spent', async () => {
    let now = FIXED_NOW.getTime();
    let posts = 0;
    const handle = createInteractionHandler({
      ...deps,
      now: () => new Date(now),
      startExecution: async () => {
        now += 2600;
        return { executionArn: 'arn' };
      },
      respond: async () => {
        posts += 1;
      },
    });
    expect((await handle(click('approve', 'U0APPROVER'))).statusCode).toBe(200);
    expect(posts).toBe(0);
  });

  it('caps a response_url post at 1.5 s when there is time to spare', async () => {
    const timeouts: (number | undefined)[] = [];
    await createInteractionHandler({ ...deps, respond: async (_url, _message, options) => void timeouts.push(options?.timeoutMs) })(click('snooze', 'U0APPROVER'));
    expect(timeouts).toEqual([1500]);
  });

  it('refuses, before recording anything, an approval for an executor this deployment has not enabled', async () => {
    const handle = createInteractionHandler({ ...deps, enabledExecutors: ['lambda-memory'] });
    await handle(click('approve', 'U0APPROVER'));
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(replies[0]).toMatchObject({ responseType: 'ephemeral', text: expect.stringMatching(/ebs-gp2-to-gp3 is not enabled/) });
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['refused']);
  });

  it('refuses an approval of a resource in a member account, since apply runs in the deployment account only', async () => {
    const handle = createInteractionHandler({ ...deps, enabledExecutors: ['ebs-gp2-to-gp3'], homeAccount: '999999999999' });
    await handle(click('approve', 'U0APPROVER'));
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    expect(replies[0].text).toMatch(/member account 123456789012; cross-account apply is not supported/);
    // The same action in the deployment account is approved.
    await createInteractionHandler({ ...deps, enabledExecutors: ['ebs-gp2-to-gp3'], homeAccount: '123456789012' })(click('approve', 'U0APPROVER'));
    expect((await store.getDecision(ACTION_ID))?.decision).toBe('approved');
  });
});
