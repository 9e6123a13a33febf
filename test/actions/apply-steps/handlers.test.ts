import { describe, expect, it } from 'vitest';
import { createApplyStepHandlers } from '../../../lambdas/actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import { approve, ebsAction, FIXED_NOW, storeWith } from '../helpers.js';

const unusedPort = () => {
  throw new Error('no AWS call is expected in this test');
};

describe('createApplyStepHandlers', () => {
  it('parses the state object and answers at the precheck ResultPath', async () => {
    const store = await storeWith([ebsAction()]);
    const input = await approve(store);
    const handlers = createApplyStepHandlers({
      store,
      executors: EXECUTORS,
      enabledExecutors: [],
      context: { ec2: unusedPort, cloudwatch: unusedPort, lambda: unusedPort, dynamodb: unusedPort, logs: unusedPort, cloudtrail: unusedPort, elb: unusedPort, now: () => FIXED_NOW },
      notifier: { post: async () => ({}) },
      now: () => FIXED_NOW,
    });
    expect(await handlers.precheck(input)).toMatchObject({ ok: false, reason: 'executor ebs-gp2-to-gp3 is not enabled' });
  });

  it('fails with one sentence naming the step when the state is malformed', async () => {
    const handlers = createApplyStepHandlers({} as never);
    await expect(handlers.rollback({ runId: 'run-1' })).rejects.toThrow(/^The rollback step received a malformed apply state \(actionId: /);
  });
});
