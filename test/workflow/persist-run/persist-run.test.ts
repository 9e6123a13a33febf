import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { persistRun } from '../../../lambdas/workflow/persist-run/persist-run.js';
import { action } from '../../shared/store/fixtures.js';

const NOW = Date.UTC(2026, 11, 1, 0, 5, 0);
const startedAt = '2026-12-01T00:00:00.000Z';
const ok = (batchId: string) => ({ batchId, status: 'ok' as const, findings: 3 });
const failed = (batchId: string) => ({ batchId, status: 'failed' as const, error: 'Lambda timed out' });

describe('persistRun', () => {
  it('marks a run whose batches all succeeded as succeeded, with counts and savings of the stored actions', async () => {
    const store = new MemoryStore();
    await store.putActions('run-1', [action('a1', 9, 10), action('a2', 8, 20.25), action('a3', 1, -5)]);

    const summary = await persistRun({ runId: 'run-1', startedAt, batchResults: [ok('b1'), ok('b2')] }, { store, now: () => NOW });

    expect(summary).toEqual({
      runId: 'run-1',
      startedAt,
      finishedAt: '2026-12-01T00:05:00.000Z',
      status: 'succeeded',
      batches: 2,
      failedBatches: [],
      actionCount: 3,
      // Upsizes (negative savings) do not reduce the savings total.
      totalMonthlySavingsUsd: 30.25,
    });
    expect(await store.getRun('run-1')).toEqual(summary);
    expect((await store.latestRun())?.status).toBe('succeeded');
  });

  it('marks a run with some failed batches as partial and lists them with their error', async () => {
    const summary = await persistRun(
      { runId: 'run-1', startedAt, batchResults: [ok('b1'), failed('b2'), { batchId: 'b3', status: 'failed' }] },
      { store: new MemoryStore() },
    );
    expect(summary.status).toBe('partial');
    expect(summary.failedBatches).toEqual([
      { batchId: 'b2', error: 'Lambda timed out' },
      { batchId: 'b3', error: 'no error cause was recorded' },
    ]);
  });

  it('marks a run whose every batch failed as failed, and one with nothing to analyse as succeeded', async () => {
    const store = new MemoryStore();
    expect((await persistRun({ runId: 'r1', startedAt, batchResults: [failed('b1')] }, { store })).status).toBe('failed');
    expect((await persistRun({ runId: 'r2', startedAt, batchResults: [] }, { store })).status).toBe('succeeded');
  });
});
