import { describe, expect, it } from 'vitest';
import { RunNotFoundError } from '../../lambdas/notify/errors.js';
import { loadRunForNotify, reportUrlFor } from '../../lambdas/notify/load-run.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';
import { NOW, storeWithRun } from '../fixtures/notify/stored-run.js';
import { costAnomaly, cpuAnomaly } from './anomaly-fixtures.js';

describe('loadRunForNotify', () => {
  it('leaves out actions already approved, dismissed or snoozed into the future, keeping the ranking', async () => {
    // Prepare
    const { store, run, actions } = await storeWithRun(6);
    const decidedAt = NOW.toISOString();
    await store.recordDecision({ actionId: actions[0].id, decision: 'dismissed', decidedBy: 'U1', decidedAt });
    await store.recordDecision({ actionId: actions[2].id, decision: 'snoozed', decidedBy: 'U1', decidedAt, snoozedUntil: '2026-12-06T07:00:00.000Z' });
    await store.recordDecision({ actionId: actions[4].id, decision: 'approved', decidedBy: 'U2', decidedAt });

    // Act
    const loaded = await loadRunForNotify(store, run.runId, NOW);

    // Assess
    expect(loaded.actions.map((action) => action.id)).toEqual([actions[1].id, actions[3].id, actions[5].id]);
    expect(loaded.settled).toBe(3);
    expect(loaded.forecasts).toHaveLength(1);
    expect(loaded.run.runId).toBe(run.runId);
  });

  it('reads the run’s anomalies from every scope', async () => {
    const { store, run } = await storeWithRun(2);
    await store.putAnomalies(run.runId, 'b1', [cpuAnomaly()]);
    await store.putAnomalies(run.runId, 'cost', [costAnomaly()]);
    const loaded = await loadRunForNotify(store, run.runId, NOW);
    expect(loaded.anomalies).toEqual([cpuAnomaly(), costAnomaly()]);
  });

  it('fails with the run id when the run is not stored', async () => {
    await expect(loadRunForNotify(new MemoryStore(), 'missing-run')).rejects.toThrow(RunNotFoundError);
    await expect(loadRunForNotify(new MemoryStore(), 'missing-run')).rejects.toThrow(/run missing-run is not in the store/);
  });
});

describe('reportUrlFor', () => {
  it('fills {runId} in the template, URL-encoded', () => {
    expect(reportUrlFor('https://r.example.com/{runId}/report.html', 'run 1/2')).toBe('https://r.example.com/run%201%2F2/report.html');
    expect(reportUrlFor(undefined, 'r')).toBeUndefined();
  });
});
