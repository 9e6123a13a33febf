import { describe, expect, it } from 'vitest';
import { loadRunForNotify } from '../../lambdas/notify/load-run.js';
import type { RealisedSavingsRecord } from '../../lambdas/shared/store/store.js';
import { NOW, storeWithRun } from '../fixtures/notify/stored-run.js';

function measuredBy(runId: string, actionId: string): RealisedSavingsRecord {
  return {
    status: 'measured',
    runId,
    actionId,
    ruleId: 'ebs/gp2-to-gp3',
    resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${actionId}`,
    estimatedMonthlyUsd: 5,
    realisedMonthlyUsd: 4,
    method: 'configuration priced',
    basis: {},
    appliedAt: '2026-11-20T00:00:00.000Z',
    measuredAt: '2026-11-29T00:00:00.000Z',
  };
}

describe('loadRunForNotify and realised savings', () => {
  it('loads only the realised savings the run itself measured', async () => {
    const { store, run } = await storeWithRun(1);
    await store.putRealisedSavings([measuredBy(run.runId, 'mine'), measuredBy('an-earlier-run', 'older')]);
    const loaded = await loadRunForNotify(store, run.runId, NOW);
    expect(loaded.realised.map((record) => record.actionId)).toEqual(['mine']);
  });
});
