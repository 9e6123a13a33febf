import { describe, expect, it } from 'vitest';
import { runPrecheck } from '../../../lambdas/actions/apply-steps/precheck.js';
import { settleStuckExecution, type ExecutionStatusChange } from '../../../lambdas/actions/apply-watchdog/settle-stuck-execution.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import { createInteractionHandler } from '../../../lambdas/actions/interactions/handle-interaction.js';
import { signedClick } from '../../../lambdas/local/demo/approve-top-action.js';
import { approve, ebsAction, FIXED_NOW, RUN_ID, storeWith } from '../helpers.js';

/** The EventBridge event Step Functions sends when an execution times out (documented shape, trimmed). */
function statusChange(name: string, input: unknown, status: 'TIMED_OUT' | 'ABORTED' | 'FAILED' = 'TIMED_OUT'): ExecutionStatusChange {
  return {
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    detail: {
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:ApplyStateMachine:${name}`,
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ApplyStateMachine',
      name,
      status,
      input: JSON.stringify(input),
      stopDate: FIXED_NOW.getTime(),
    },
  };
}

describe('apply watchdog: a stuck execution returns its approval to failed', () => {
  it('reopens the approval of a timed-out execution (audited), so a later click starts a new one', async () => {
    const store = await storeWith([ebsAction()]);
    const input = await approve(store);
    // Precheck claimed it, then the execution timed out during the bake: NotifyOutcome never ran.
    await runPrecheck(input, { store, executors: EXECUTORS, enabledExecutors: [], context: {} as never, notifier: { post: async () => ({}) }, now: () => FIXED_NOW });
    expect(await store.getDecision(input.actionId)).toMatchObject({ apply: { status: 'started' } });

    const result = await settleStuckExecution(statusChange(input.binding.execution, { actionId: input.actionId, decisionVersion: input.decisionVersion }), store, FIXED_NOW);
    expect(result).toMatchObject({ settled: true });
    expect(await store.getDecision(input.actionId)).toBeUndefined();
    expect((await store.listAudit(input.actionId)).map((r) => r.event)).toContain('execution-timed-out');

    // A later click approves anew (version 2) instead of answering "Nothing to do".
    const started: unknown[] = [];
    const handle = createInteractionHandler({
      store,
      signingSecret: 'secret',
      approverIds: ['U0APPROVER'],
      now: () => new Date(),
      log: () => undefined,
      startExecution: async (request) => (started.push(request), { executionArn: 'arn:aws:states:::execution:x:y' }),
    });
    const answer = await handle(signedClick({ runId: RUN_ID, actionId: input.actionId }, { user: 'U0APPROVER', signingSecret: 'secret' }));
    expect(answer.statusCode).toBe(200);
    expect(started).toEqual([expect.objectContaining({ input: { actionId: input.actionId, decisionVersion: 2 } })]);
  });

  it('leaves alone a decision already settled by NotifyOutcome, or one another execution started', async () => {
    const store = await storeWith([ebsAction()]);
    const input = await approve(store);
    await store.updateDecision(input.actionId, 1, (d) => ({ ...d, apply: { status: 'rollback-failed', at: FIXED_NOW.toISOString(), claim: input.binding.execution } }));
    expect(await settleStuckExecution(statusChange(input.binding.execution, { actionId: input.actionId, decisionVersion: 1 }, 'FAILED'), store, FIXED_NOW)).toMatchObject({ settled: false });
    expect(await store.getDecision(input.actionId)).toMatchObject({ apply: { status: 'rollback-failed' } });
    expect(await settleStuckExecution(statusChange('apply-someone-else', { actionId: input.actionId, decisionVersion: 1 }, 'ABORTED'), store, FIXED_NOW)).toMatchObject({ settled: false });
  });
});
