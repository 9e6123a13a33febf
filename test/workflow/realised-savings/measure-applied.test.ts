import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../../../lambdas/engine/pricing/price-book.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { measureAppliedActions } from '../../../lambdas/workflow/realised-savings/measure-applied.js';
import { RealisedConfigError } from '../../../lambdas/workflow/realised-savings/env.js';
import { persistRun } from '../../../lambdas/workflow/persist-run/persist-run.js';
import { actionOn, APPROVING_RUN, approveAndApply, DAY_MS, RUN_AT, volume } from './fixtures.js';

const prices = createPriceBook();
const options = { afterDays: 7, lookbackDays: 14, maxActions: 100 };
const run = (runId: string, at = RUN_AT) => ({ runId, startedAt: new Date(at).toISOString() });

async function storeWithVolume(name: string, appliedAt: number, outcome: 'applied' | 'rolled-back' | 'pending' = 'applied') {
  const store = new MemoryStore({ now: () => RUN_AT });
  const vol = volume(name, { volumeType: 'gp3', sizeGiB: 500, iops: 3000, throughputMiBps: 125, state: 'in-use' });
  const action = actionOn(vol, { volumeType: 'gp2', sizeGiB: 500 }, 10);
  await store.putActions(APPROVING_RUN, [action]);
  await store.putResources([vol]);
  await approveAndApply(store, action, appliedAt, outcome);
  return { store, action };
}

describe('measureAppliedActions', () => {
  it('measures an action applied a week before the run and stores it beside its estimate', async () => {
    const { store, action } = await storeWithVolume('v1', RUN_AT - 7 * DAY_MS - 3_600_000);
    expect(await measureAppliedActions(run('run-now'), store, options)).toEqual({ measured: 1, notMeasurable: 0, deferred: 0 });
    const [record] = await store.listRealisedSavings();
    expect(record).toMatchObject({
      status: 'measured',
      runId: 'run-now',
      actionId: action.id,
      estimatedMonthlyUsd: 10,
      realisedMonthlyUsd: expect.closeTo(500 * (prices.ebsGbMonthUsd('gp2') - prices.ebsGbMonthUsd('gp3')), 2),
      measuredAt: '2026-11-15T00:00:00.000Z',
      basis: expect.objectContaining({ windowDays: 7 }),
    });
    // Measured once: the next run leaves it alone.
    expect(await measureAppliedActions(run('run-next', RUN_AT + DAY_MS), store, options)).toEqual({ measured: 0, notMeasurable: 0, deferred: 0 });
    expect((await store.listRealisedSavings())[0].runId).toBe('run-now');
  });

  it('waits until the change is a week old, and skips rolled-back and unfinished applies', async () => {
    expect(await measureAppliedActions(run('r'), (await storeWithVolume('young', RUN_AT - 3 * DAY_MS)).store, options)).toEqual({ measured: 0, notMeasurable: 0, deferred: 0 });
    for (const outcome of ['rolled-back', 'pending'] as const) {
      const { store } = await storeWithVolume(outcome, RUN_AT - 8 * DAY_MS, outcome);
      await measureAppliedActions(run('r'), store, options);
      expect(await store.listRealisedSavings()).toEqual([]);
    }
  });

  it('records why an action cannot be measured, retries on later runs while the metrics still cover it, then stops', async () => {
    const store = new MemoryStore({ now: () => RUN_AT });
    const fn: Resource = { ...volume('f', {}), arn: 'arn:aws:lambda:us-east-1:123456789012:function:f', type: 'lambda:function', config: { memoryMb: 512, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs20.x' } };
    const action = actionOn(fn, { memoryMb: 1024 }, 4, 'lambda-memory');
    await store.putActions(APPROVING_RUN, [action]);
    await store.putResources([fn]);
    await approveAndApply(store, action, RUN_AT - 7 * DAY_MS - 3_600_000);

    await measureAppliedActions(run('day-7'), store, options);
    expect(await store.listRealisedSavings()).toEqual([
      expect.objectContaining({ status: 'not-measurable', runId: 'day-7', reason: 'no Duration (Average) and Invocations (Sum) series', final: false, estimatedMonthlyUsd: 4 }),
    ]);
    // Day 12: the window still fits (2 days either side), the next day's would not: the last try.
    await measureAppliedActions(run('day-12', RUN_AT + 5 * DAY_MS), store, options);
    expect(await store.listRealisedSavings()).toEqual([expect.objectContaining({ runId: 'day-12', final: true })]);
    await measureAppliedActions(run('day-13', RUN_AT + 6 * DAY_MS), store, options);
    expect((await store.listRealisedSavings())[0].runId).toBe('day-12');
  });

  it('examines at most maxActions approvals per run and defers the rest, oldest first', async () => {
    const store = new MemoryStore({ now: () => RUN_AT });
    const names = ['a', 'b', 'c'];
    for (const [i, name] of names.entries()) {
      const vol = volume(name, { volumeType: 'gp3', sizeGiB: 100, state: 'in-use' });
      const action = actionOn(vol, { volumeType: 'gp2', sizeGiB: 100 }, 2);
      await store.putActions(`${APPROVING_RUN}`, [...(await store.listActions(APPROVING_RUN)), action]);
      await store.putResources([vol]);
      await approveAndApply(store, action, RUN_AT - (10 - i) * DAY_MS);
    }
    expect(await measureAppliedActions(run('r'), store, { ...options, maxActions: 2 })).toEqual({ measured: 2, notMeasurable: 0, deferred: 1 });
    expect((await store.listRealisedSavings()).map((r) => r.actionId).sort()).toEqual(['act-a', 'act-b']);
  });

  it('refuses a delay the metric lookback cannot cover', async () => {
    await expect(measureAppliedActions(run('r'), new MemoryStore(), { ...options, afterDays: 14 })).rejects.toThrow(RealisedConfigError);
  });

  it('runs in the persist step of the analysis run', async () => {
    const { store } = await storeWithVolume('p', RUN_AT - 8 * DAY_MS);
    await persistRun({ runId: 'run-now', startedAt: run('run-now').startedAt, batchResults: [] }, { store, now: () => RUN_AT + 60_000 });
    expect(await store.listRealisedSavings()).toEqual([expect.objectContaining({ status: 'measured', runId: 'run-now' })]);
  });
});
