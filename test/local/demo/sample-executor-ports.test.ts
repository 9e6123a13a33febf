import { describe, expect, it } from 'vitest';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import { createSampleExecutorContext } from '../../../lambdas/local/demo/sample-executor-ports.js';
import { account, cases, NOW, portsFor } from './support/sample-actions.js';

/**
 * Every executor can run precheck → rollback point → apply → rollback against the sample account, so the demo can
 * apply whatever its top automatable action is. Actions are built from the sample account's own resources.
 */
describe('sample executor ports', () => {
  it.each(cases.filter(([, action]) => action !== undefined))('%s applies and rolls back against the sample account', async (id, action) => {
    const executor = EXECUTORS.find((candidate) => candidate.id === id);
    const ctx = createSampleExecutorContext(portsFor, account.accountId, () => NOW);
    if (!executor || !action) throw new Error(`no executor or sample resource for ${id}`);
    expect(await executor.precheck(action, ctx)).toEqual({ ok: true });
    const before = await executor.snapshot(action, ctx);
    await executor.apply(action, before, ctx);
    // The change is visible: precheck against the recorded `current` no longer passes.
    expect(await executor.precheck(action, ctx)).toMatchObject({ ok: false });
    expect(await executor.rollback(action, before, ctx)).toMatchObject({ status: 'rolled-back' });
  });

  it('has a sample resource for most executors', () => {
    expect(cases.filter(([, action]) => action !== undefined).length).toBeGreaterThanOrEqual(5);
  });
});
