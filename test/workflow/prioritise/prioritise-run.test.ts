import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { prioritiseRun } from '../../../lambdas/workflow/prioritise/prioritise-run.js';
import { RunDataMissingError } from '../../../lambdas/workflow/run-data-missing-error.js';
import { finding, resource } from '../../shared/store/fixtures.js';

const STARTED_AT = '2026-11-15T06:00:00.000Z';
const deps = (store: MemoryStore) => ({ store, headroomPercent: 20, lookbackDays: 14 });

async function storeWithRun(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.putRun({ runId: 'run-1', startedAt: STARTED_AT, status: 'running', batches: 1, failedBatches: [], actionCount: 0, totalMonthlySavingsUsd: 0 });
  return store;
}

describe('prioritiseRun', () => {
  it('stores the run’s findings as ranked actions and returns their count and savings', async () => {
    const store = await storeWithRun();
    const small = finding('f-small', resource('i-1'), 5);
    const big = finding('f-big', resource('i-2'), 50);
    await store.putFindings('run-1', 'b1', [small, big]);

    const out = await prioritiseRun({ runId: 'run-1' }, deps(store));

    const actions = await store.listActions('run-1');
    expect(actions.map((a) => a.id)).toEqual(['f-big', 'f-small']);
    expect(out).toEqual({ actionCount: 2, totalMonthlySavingsUsd: 55, accountFindings: 0 });
  });

  it('adds the account-level rules’ actions: a Savings Plan sized on the batches’ steady hourly compute spend', async () => {
    const store = await storeWithRun();
    const first = Date.parse(STARTED_AT) - 14 * 86_400_000;
    await store.putComputeSpend('run-1', 'b1', Array.from({ length: 14 * 24 }, (_, h) => ({ account: '111111111111', hourStart: first + h * 3_600_000, usd: 10 })));

    const out = await prioritiseRun({ runId: 'run-1' }, deps(store));

    expect(out.accountFindings).toBe(1);
    const [action] = await store.listActions('run-1');
    expect(action.ruleId).toBe('account/savings-plans');
    expect(action.monthlySavingsUsd).toBeGreaterThan(0);
  });

  it('replaces the actions of an earlier attempt of the same run', async () => {
    const store = await storeWithRun();
    await store.putFindings('run-1', 'b1', [finding('f-1', resource('i-1')), finding('f-2', resource('i-2'))]);
    await prioritiseRun({ runId: 'run-1' }, deps(store));
    await prioritiseRun({ runId: 'run-1' }, deps(store));
    expect(await store.listActions('run-1')).toHaveLength(2);
  });

  it('stores no action for a run without findings', async () => {
    const store = await storeWithRun();
    expect(await prioritiseRun({ runId: 'run-1' }, deps(store))).toEqual({ actionCount: 0, totalMonthlySavingsUsd: 0, accountFindings: 0 });
    expect(await store.listActions('run-1')).toEqual([]);
  });

  it('refuses a run the store does not have', async () => {
    await expect(prioritiseRun({ runId: 'run-9' }, deps(new MemoryStore()))).rejects.toBeInstanceOf(RunDataMissingError);
  });
});
