import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { prioritiseRun } from '../../../lambdas/workflow/prioritise/prioritise-run.js';
import { finding, resource } from '../../shared/store/fixtures.js';

describe('prioritiseRun', () => {
  it('stores the run’s findings as ranked actions and returns their count and savings', async () => {
    const store = new MemoryStore();
    const small = finding('f-small', resource('i-1'), 5);
    const big = finding('f-big', resource('i-2'), 50);
    await store.putFindings('run-1', 'b1', [small, big]);

    const out = await prioritiseRun({ runId: 'run-1' }, { store });

    const actions = await store.listActions('run-1');
    expect(actions.map((a) => a.id)).toEqual(['f-big', 'f-small']);
    expect(out).toEqual({ actionCount: 2, totalMonthlySavingsUsd: 55 });
  });

  it('replaces the actions of an earlier attempt of the same run', async () => {
    const store = new MemoryStore();
    await store.putFindings('run-1', 'b1', [finding('f-1', resource('i-1')), finding('f-2', resource('i-2'))]);
    await prioritiseRun({ runId: 'run-1' }, { store });
    await prioritiseRun({ runId: 'run-1' }, { store });
    expect(await store.listActions('run-1')).toHaveLength(2);
  });

  it('stores no action for a run without findings', async () => {
    const store = new MemoryStore();
    expect(await prioritiseRun({ runId: 'run-1' }, { store })).toEqual({ actionCount: 0, totalMonthlySavingsUsd: 0 });
    expect(await store.listActions('run-1')).toEqual([]);
  });
});
