import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { analyseBatch, RunDataMissingError } from '../../../lambdas/workflow/analyse-batch/analyse-batch.js';
import { plan } from '../../../lambdas/workflow/plan/plan.js';
import type { MetricSeries } from '../../../lambdas/engine/types/snapshot.js';
import { resource } from '../../shared/store/fixtures.js';
import { volume } from '../fixtures.js';

const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);
const deps = (store: MemoryStore) => ({ store, headroomPercent: 20, lookbackDays: 14 });

async function planned(resources = [volume('vol-gp2', 'gp2'), volume('vol-gp3', 'gp3'), volume('vol-loose', 'gp3', 'available')]) {
  const store = new MemoryStore();
  await store.putResources(resources);
  const { batches } = await plan({ runId: 'run-1' }, { store, batchSize: 2, now: () => NOW });
  return { store, batches };
}

describe('analyseBatch', () => {
  it('runs the engine on the batch and stores its findings under the run', async () => {
    const { store, batches } = await planned();
    const first = await analyseBatch(batches[0], deps(store));
    const second = await analyseBatch(batches[1], deps(store));

    const findings = await store.listFindings('run-1');
    expect(first.findings + second.findings).toBe(findings.length);
    expect(first).toMatchObject({ batchId: batches[0].batchId, status: 'ok' });
    const byResource = findings.map((f) => `${f.resource.name}:${f.ruleId}`).sort();
    expect(byResource).toContain('vol-gp2:ebs/gp2-to-gp3');
    expect(byResource.some((s) => s.startsWith('vol-loose:'))).toBe(true);
    expect(byResource.some((s) => s.startsWith('vol-gp3:'))).toBe(false);
  });

  it('hands each resource its stored metric series (an instance idle for 14 days is flagged)', async () => {
    const idle = resource('i-idle');
    const busyless = resource('i-no-metrics');
    const { store, batches } = await planned([idle, busyless]);
    const flat = (metricName: string, stat: string, value: number): MetricSeries => {
      const timestamps = Array.from({ length: 14 * 288 }, (_, i) => NOW - 14 * 86_400_000 + i * 300_000);
      return { resourceArn: idle.arn, namespace: 'AWS/EC2', metricName, stat, periodSec: 300, timestamps, values: timestamps.map(() => value) };
    };
    await store.putSeries([flat('CPUUtilization', 'Average', 1.5), flat('NetworkIn', 'Sum', 1000), flat('NetworkOut', 'Sum', 1000)]);

    await analyseBatch(batches[0], deps(store));

    const idleFindings = (await store.listFindings('run-1')).filter((f) => f.ruleId === 'ec2/idle-instance');
    expect(idleFindings.map((f) => f.resource.name)).toEqual(['i-idle']);
  });

  it('gives the same findings when a batch is analysed again later (it evaluates at the run start)', async () => {
    const { store, batches } = await planned();
    await analyseBatch(batches[1], deps(store));
    const before = await store.listFindings('run-1');
    await analyseBatch(batches[1], deps(store));
    expect(await store.listFindings('run-1')).toEqual(before);
  });

  it('drops a batch’s earlier findings that a re-analysis no longer makes', async () => {
    const gp2 = volume('vol-gp2', 'gp2');
    const { store, batches } = await planned([gp2]);
    await analyseBatch(batches[0], deps(store));
    expect((await store.listFindings('run-1')).map((f) => f.ruleId)).toContain('ebs/gp2-to-gp3');

    // Migrated to gp3 before the retry: the gp2 finding must not survive it.
    await store.putResources([volume('vol-gp2', 'gp3')]);
    await analyseBatch(batches[0], deps(store));

    expect((await store.listFindings('run-1')).map((f) => f.ruleId)).not.toContain('ebs/gp2-to-gp3');
  });

  it('fails with a clear error when the batch is not in the store', async () => {
    const { store } = await planned();
    await expect(analyseBatch({ runId: 'run-1', batchId: 'nope' }, deps(store))).rejects.toThrow(RunDataMissingError);
    await expect(analyseBatch({ runId: 'run-1', batchId: 'nope' }, deps(store))).rejects.toThrow(/batch nope of run run-1/);
  });
});
