import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { analyseBatch, RunDataMissingError } from '../../../lambdas/workflow/analyse-batch/analyse-batch.js';
import { plan } from '../../../lambdas/workflow/plan/plan.js';
import type { MetricSeries } from '../../../lambdas/engine/types/snapshot.js';
import { resource } from '../../shared/store/fixtures.js';
import { volume } from '../fixtures.js';
import { cpuSeries } from '../../engine/insights/cpu-series.js';

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

  it("prices the batch with its region's stored prices, and stores its hourly on-demand compute spend", async () => {
    const idle = resource('i-idle');
    const { store, batches } = await planned([idle]);
    const flat = (metricName: string, stat: string, value: number): MetricSeries => {
      const timestamps = Array.from({ length: 14 * 288 }, (_, i) => NOW - 14 * 86_400_000 + i * 300_000);
      return { resourceArn: idle.arn, namespace: 'AWS/EC2', metricName, stat, periodSec: 300, timestamps, values: timestamps.map(() => value) };
    };
    await store.putSeries([flat('CPUUtilization', 'Average', 1.5), flat('NetworkIn', 'Sum', 1000), flat('NetworkOut', 'Sum', 1000)]);
    const type = String(idle.config.instanceType);
    await store.putPrices({ region: idle.region, ec2HourlyUsd: { [type]: 10 }, ebsGbMonthUsd: {} });

    await analyseBatch(batches[0], deps(store));

    const [finding] = (await store.listFindings('run-1')).filter((f) => f.ruleId === 'ec2/idle-instance');
    expect(finding.evidence.statistics.currentUsdPerHour).toBe(10);
    const spend = await store.listComputeSpend('run-1');
    expect(spend.length).toBeGreaterThanOrEqual(14 * 24);
    expect(spend.every((r) => r.usd === 10 && r.account === idle.account)).toBe(true);
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

  it('stores the batch’s metric anomalies with the run: a CPU saturation three days ago', async () => {
    const web = resource('web-1');
    const calm = resource('calm-1');
    const { store, batches } = await planned([web, calm]);
    await store.putSeries([cpuSeries(web, NOW, { incidentDaysAgo: 3 }), cpuSeries(calm, NOW)]);

    const out = await analyseBatch(batches[0], deps(store));

    const anomalies = await store.listAnomalies('run-1');
    expect(out.anomalies).toBe(anomalies.length);
    expect(anomalies.length).toBeGreaterThan(0);
    expect(new Set(anomalies.map((a) => a.resourceName))).toEqual(new Set(['web-1']));
    const incidentStart = NOW - 3 * 86_400_000;
    expect(anomalies.some((a) => Date.parse(a.timestamp) >= incidentStart && Date.parse(a.timestamp) < incidentStart + 2 * 3_600_000 && a.value === 98)).toBe(true);
    expect(anomalies[0].excerpt?.values).toContain(98);
  });

  it('replaces the batch’s anomalies when it is analysed again, leaving other scopes’ alone', async () => {
    const web = resource('web-1');
    const { store, batches } = await planned([web]);
    await store.putSeries([cpuSeries(web, NOW, { incidentDaysAgo: 3 })]);
    const cost = { subject: { kind: 'cost' as const, service: 'AWS Lambda' }, timestamp: '2026-11-25T00:00:00.000Z', value: 480, score: 0.9 };
    await store.putAnomalies('run-1', 'cost', [cost]);
    await analyseBatch(batches[0], deps(store));

    // The incident was a collection glitch: the corrected series has none.
    await store.putSeries([cpuSeries(web, NOW)]);
    await analyseBatch(batches[0], deps(store));

    expect(await store.listAnomalies('run-1')).toEqual([cost]);
  });

  it('stores a capacity forecast for CPU growing towards 80 % next to the run’s cost forecasts', async () => {
    const growing = resource('web-growing');
    const flat = resource('web-flat');
    const { store, batches } = await planned([growing, flat]);
    await store.putSeries([cpuSeries(growing, NOW, { level: (day) => 30 + 3 * day }), cpuSeries(flat, NOW, { level: () => 40 })]);
    const cost = { name: 'cost-total-30d', kind: 'cost' as const, subject: 'total', step: 'day' as const, points: [], facts: {} };
    await store.putForecasts('run-1', [cost], 'cost');

    const out = await analyseBatch(batches[0], deps(store));
    await analyseBatch(batches[0], deps(store));

    const forecasts = await store.listForecasts('run-1');
    expect(out.capacityForecasts).toBe(1);
    expect(forecasts.map((f) => `${f.kind}:${f.subject}`).sort()).toEqual(['capacity:web-growing', 'cost:total']);
    const capacity = forecasts.find((f) => f.kind === 'capacity')!;
    expect(capacity.facts).toMatchObject({ resourceArn: growing.arn, threshold: 80 });
    expect(Date.parse(capacity.facts.crossesAt as string)).toBeGreaterThan(NOW);
  });

  it('fails with a clear error when the batch is not in the store', async () => {
    const { store } = await planned();
    await expect(analyseBatch({ runId: 'run-1', batchId: 'nope' }, deps(store))).rejects.toThrow(RunDataMissingError);
    await expect(analyseBatch({ runId: 'run-1', batchId: 'nope' }, deps(store))).rejects.toThrow(/batch nope of run run-1/);
  });
});
