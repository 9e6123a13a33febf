import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { plan, splitIntoBatches } from '../../../lambdas/workflow/plan/plan.js';
import { ACCOUNT_A, ACCOUNT_B, finding, resource } from '../../shared/store/fixtures.js';

const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);

describe('plan', () => {
  it('cuts the inventory into batches of at most BATCH_SIZE within one account and region', async () => {
    const store = new MemoryStore();
    const inventory = [
      ...Array.from({ length: 5 }, (_, i) => resource(`i-a${i}`)),
      resource('i-eu', ACCOUNT_A, 'eu-west-1'),
      resource('i-b', ACCOUNT_B),
    ];
    await store.putResources(inventory);

    const out = await plan({ runId: 'run-1' }, { store, batchSize: 2, now: () => NOW });

    expect(out.runId).toBe('run-1');
    expect(out.startedAt).toBe('2026-11-29T23:00:00.000Z');
    expect(out.batches.map((b) => b.batchId)).toEqual([
      `${ACCOUNT_A}-eu-west-1-0001`,
      `${ACCOUNT_A}-us-east-1-0001`,
      `${ACCOUNT_A}-us-east-1-0002`,
      `${ACCOUNT_A}-us-east-1-0003`,
      `${ACCOUNT_B}-us-east-1-0001`,
    ]);
    expect(out.batches.every((b) => b.runId === 'run-1')).toBe(true);
    const stored = await Promise.all(out.batches.map((b) => store.getBatch('run-1', b.batchId)));
    expect(stored.map((b) => b?.resourceArns.length)).toEqual([1, 2, 2, 1, 1]);
    expect(new Set(stored.flatMap((b) => b!.resourceArns))).toEqual(new Set(inventory.map((r) => r.arn)));
    expect(await store.getRun('run-1')).toMatchObject({ status: 'running', batches: 5, startedAt: out.startedAt });
  });

  it('names a new run after its start time so run ids sort by time', async () => {
    const out = await plan({}, { store: new MemoryStore(), batchSize: 50, now: () => NOW });
    expect(out.runId).toMatch(/^2026-11-29T23-00-00Z-[0-9a-f]{6}$/);
    expect(out.batches).toEqual([]);
  });

  it('keeps the original start time when an existing run is planned again', async () => {
    const store = new MemoryStore();
    await plan({ runId: 'run-1' }, { store, batchSize: 50, now: () => NOW });
    const again = await plan({ runId: 'run-1' }, { store, batchSize: 50, now: () => NOW + 3_600_000 });
    expect(again.startedAt).toBe('2026-11-29T23:00:00.000Z');
  });

  it('clears the findings, actions, forecasts and batches of an earlier attempt when a run is planned again', async () => {
    const store = new MemoryStore();
    await store.putResources([resource('i-1'), resource('i-eu', ACCOUNT_A, 'eu-west-1')]);
    const first = await plan({ runId: 'run-1' }, { store, batchSize: 50, now: () => NOW });
    const euBatch = first.batches.find((b) => b.batchId.includes('eu-west-1'))!.batchId;
    await store.putFindings('run-1', euBatch, [finding('f-eu', resource('i-eu', ACCOUNT_A, 'eu-west-1'))]);
    await store.putActions('run-1', [{ ...finding('f-eu'), priority: 1, supersedes: [] }]);
    await store.putForecasts('run-1', [{ name: 'cost-total-30d', kind: 'cost', subject: 'total', step: 'day', points: [], facts: {} }]);

    // The eu-west-1 instance is gone by the second attempt, so its batch is not planned again.
    await store.replaceResources({ account: ACCOUNT_A, region: 'eu-west-1', type: 'ec2:instance' }, []);
    const again = await plan({ runId: 'run-1' }, { store, batchSize: 50, now: () => NOW });

    expect(again.batches.map((b) => b.batchId)).toEqual([`${ACCOUNT_A}-us-east-1-0001`]);
    expect(await store.getBatch('run-1', euBatch)).toBeUndefined();
    expect(await store.listFindings('run-1')).toEqual([]);
    expect(await store.listActions('run-1')).toEqual([]);
    expect(await store.listForecasts('run-1')).toEqual([]);
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => splitIntoBatches('r', [resource('i-1')], 0)).toThrow(/batchSize must be a positive integer/);
  });
});
