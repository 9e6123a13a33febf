import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreInputError, StoreItemInvalidError } from '../../../lambdas/shared/store/errors.js';
import type { HeadroomStore, RunSummary } from '../../../lambdas/shared/store/store.js';
import type { StoreOptions } from '../../../lambdas/shared/store/table-store.js';
import { ACCOUNT_A, ACCOUNT_B, action, finding, resource, series } from './fixtures.js';

export interface StoreUnderTest {
  store: HeadroomStore;
  /** Writes an item straight into the table, bypassing the store (to plant corrupt data). */
  putRawItem(item: Record<string, unknown>): Promise<void>;
}

const DAY_MS = 86_400_000;

function run(runId: string, startedAt: string, status: RunSummary['status'] = 'running'): RunSummary {
  return { runId, startedAt, status, batches: 1, failedBatches: [], actionCount: 0, totalMonthlySavingsUsd: 0 };
}

/** The behaviour every HeadroomStore must show; run against MemoryStore and against DynamoStore on dynalite. */
export function describeStoreBehaviour(name: string, create: (options?: StoreOptions) => Promise<StoreUnderTest>): void {
  describe(`${name} behaves as a HeadroomStore`, () => {
    it('lists resources by account and region, by account, and all, and fetches them by ARN in the order asked', async () => {
      const { store } = await create();
      const a1 = resource('i-a1');
      const a2 = resource('i-a2', ACCOUNT_A, 'eu-west-1');
      const b1 = resource('i-b1', ACCOUNT_B);
      await store.putResources([a1, a2, b1]);

      expect(await store.listResources({ account: ACCOUNT_A, region: 'us-east-1' })).toEqual([a1]);
      expect((await store.listResources({ account: ACCOUNT_A })).map((r) => r.name).sort()).toEqual(['i-a1', 'i-a2']);
      expect((await store.listResources({ region: 'us-east-1' })).map((r) => r.name).sort()).toEqual(['i-a1', 'i-b1']);
      expect((await store.listResources()).map((r) => r.name).sort()).toEqual(['i-a1', 'i-a2', 'i-b1']);
      expect(await store.getResources([b1.arn, 'arn:missing', a1.arn])).toEqual([b1, a1]);
    });

    it('overwrites a resource written again instead of duplicating it', async () => {
      const { store } = await create();
      await store.putResources([resource('i-1')]);
      const changed = { ...resource('i-1'), config: { instanceType: 'm5.xlarge', state: 'running' } };
      await store.putResources([changed]);
      expect(await store.listResources()).toEqual([changed]);
    });

    it('lists resources across more than one page of results', async () => {
      const { store } = await create();
      // Each resource carries ~8 KB of config, so 200 of them exceed a 1 MB Query page.
      const padding = 'x'.repeat(8_000);
      const many = Array.from({ length: 200 }, (_, i) => ({ ...resource(`i-${String(i).padStart(3, '0')}`), config: { padding } }));
      await store.putResources(many);
      expect(await store.listResources({ account: ACCOUNT_A, region: 'us-east-1' })).toHaveLength(200);
    });

    it('returns a 14-day 5-minute series with gaps exactly as written', async () => {
      const { store } = await create();
      const cpu = series('arn:r1', 4032, { gapEvery: 7 });
      const net = { ...series('arn:r1', 4032, { metricName: 'NetworkIn' }), unit: 'Bytes' };
      await store.putSeries([cpu, net, series('arn:other', 10)]);
      const read = await store.getSeries('arn:r1');
      expect(read.sort((x, y) => x.metricName.localeCompare(y.metricName))).toEqual([cpu, net]);
    });

    it('keeps timestamps that are off the period grid and series longer than one chunk', async () => {
      const { store } = await create();
      const offGrid = { ...series('arn:r2', 50), timestamps: series('arn:r2', 50).timestamps.map((t, i) => t + (i % 3) * 1_000) };
      const long = series('arn:r2', 40_000, { metricName: 'Long' });
      await store.putSeries([offGrid, long]);
      const read = await store.getSeries('arn:r2');
      expect(read.find((s) => s.metricName === 'Long')).toEqual(long);
      expect(read.find((s) => s.metricName === 'CPUUtilization')).toEqual(offGrid);
    });

    it('replaces a series written again, even when the new one needs fewer chunks', async () => {
      const { store } = await create();
      await store.putSeries([series('arn:r3', 40_000)]);
      const shorter = series('arn:r3', 100);
      await store.putSeries([shorter]);
      expect(await store.getSeries('arn:r3')).toEqual([shorter]);
    });

    it('rejects a series value that is not a finite number', async () => {
      const { store } = await create();
      const bad = { ...series('arn:r4', 3), values: [1, Number.NaN, 2] };
      await expect(store.putSeries([bad])).rejects.toThrow(StoreInputError);
    });

    it('stores daily costs of several accounts and the Cost Explorer forecast', async () => {
      const { store } = await create();
      const costs = [
        { date: '2026-11-01', account: ACCOUNT_A, service: 'Amazon EC2', amountUsd: 12.5 },
        { date: '2026-11-02', account: ACCOUNT_A, service: 'Amazon EC2', amountUsd: 13 },
        { date: '2026-11-01', account: ACCOUNT_B, service: 'AWS Lambda', amountUsd: 0.25 },
      ];
      await store.putCosts(costs);
      expect(await store.listCosts()).toEqual(costs);
      expect(await store.getCostForecast()).toBeUndefined();
      const forecast = { start: '2026-12-01', end: '2026-12-31', meanUsd: 400, lowerUsd: 350, upperUsd: 450 };
      await store.putCostForecast(forecast);
      expect(await store.getCostForecast()).toEqual(forecast);
    });

    it('keeps external recommendations per resource', async () => {
      const { store } = await create();
      const rec = {
        source: 'compute-optimizer' as const,
        resourceArn: 'arn:r5',
        finding: 'Overprovisioned',
        current: { instanceType: 'm5.large' },
        options: [{ proposed: { instanceType: 'm6g.medium' }, monthlySavingsUsd: 30, performanceRisk: 1 }],
      };
      await store.putRecommendations([rec]);
      expect(await store.getRecommendations('arn:r5')).toEqual([rec]);
      expect(await store.getRecommendations('arn:none')).toEqual([]);
    });

    it('removes from an inventory scope the resources a complete listing no longer returns, with their data', async () => {
      const { store } = await create();
      const kept = resource('i-kept');
      const gone = resource('i-gone');
      const otherRegion = resource('i-gone', ACCOUNT_A, 'eu-west-1');
      const volume = { ...resource('vol-1'), arn: 'arn:aws:ec2:us-east-1:111111111111:volume/vol-1', type: 'ebs:volume' as const };
      await store.putResources([kept, gone, otherRegion, volume]);
      await store.putSeries([series(gone.arn, 12), series(kept.arn, 12)]);
      await store.putRecommendations([{ source: 'compute-optimizer', resourceArn: gone.arn, finding: 'Idle', current: {}, options: [] }]);

      const removed = await store.replaceResources({ account: ACCOUNT_A, region: 'us-east-1', type: 'ec2:instance' }, [kept]);

      expect(removed).toEqual([gone.arn]);
      expect((await store.listResources()).map((r) => r.arn).sort()).toEqual([otherRegion.arn, kept.arn, volume.arn].sort());
      expect(await store.getResources([gone.arn])).toEqual([]);
      expect(await store.getResourceData(gone.arn)).toEqual({ series: [], recommendations: [] });
      expect(await store.getSeries(kept.arn)).toHaveLength(1);
    });

    it('empties an inventory scope when a complete listing returns nothing, and refuses resources outside the scope', async () => {
      const { store } = await create();
      await store.putResources([resource('i-1'), resource('i-2')]);
      expect(await store.replaceResources({ account: ACCOUNT_A, region: 'us-east-1', type: 'ec2:instance' }, [])).toHaveLength(2);
      expect(await store.listResources()).toEqual([]);
      await expect(
        store.replaceResources({ account: ACCOUNT_A, region: 'eu-west-1', type: 'ec2:instance' }, [resource('i-3')]),
      ).rejects.toThrow(StoreInputError);
    });

    it('keeps one recommendation per source per resource, replacing the older one whatever its finding', async () => {
      const { store } = await create();
      const before = { source: 'compute-optimizer' as const, resourceArn: 'arn:r6', finding: 'Overprovisioned', current: { instanceType: 'm5.xlarge' }, options: [] };
      const after = { ...before, finding: 'Optimized', current: { instanceType: 'm5.large' } };
      await store.putRecommendations([before]);
      await store.putRecommendations([after]);
      expect(await store.getRecommendations('arn:r6')).toEqual([after]);

      expect(await store.deleteRecommendations('compute-optimizer', ['arn:r6', 'arn:never-had-one'])).toEqual(['arn:r6']);
      expect(await store.getRecommendations('arn:r6')).toEqual([]);
    });

    it('caches a value under a namespace and key until its TTL runs out, validating it on read', async () => {
      let now = Date.UTC(2026, 10, 29, 12);
      const { store } = await create({ now: () => now });
      const schema = z.array(z.object({ day: z.string(), usd: z.number() }));
      await store.putCached('cost-explorer', 'k1', [{ day: '2026-11-28', usd: 4.5 }], 12 * 3600);
      await store.putCached('pricing', 'k1', { other: 'namespace' }, 3600);

      expect(await store.getCached('cost-explorer', 'k1', schema)).toEqual([{ day: '2026-11-28', usd: 4.5 }]);
      expect(await store.getCached('cost-explorer', 'k2', schema)).toBeUndefined();
      await expect(store.getCached('pricing', 'k1', schema)).rejects.toThrow(StoreItemInvalidError);
      now += 12 * 3600 * 1000 - 1000;
      expect(await store.getCached('cost-explorer', 'k1', schema)).toHaveLength(1);
      now += 1000;
      expect(await store.getCached('cost-explorer', 'k1', schema)).toBeUndefined();
      await expect(store.putCached('cost-explorer', 'k3', [], 0)).rejects.toThrow(StoreInputError);
      await expect(store.putCached('a#b', 'k3', [], 10)).rejects.toThrow(StoreInputError);
    });

    it('keeps list prices per region and a run’s API call counts', async () => {
      const { store } = await create();
      await store.putPrices({ region: 'eu-west-1', ec2HourlyUsd: { 'm5.large': 0.107 }, ebsGbMonthUsd: { gp3: 0.088 } });
      await store.putPrices({ region: 'us-east-1', ec2HourlyUsd: { 'm5.large': 0.096 }, ebsGbMonthUsd: {} });
      expect(await store.getPrices('eu-west-1')).toEqual({ region: 'eu-west-1', ec2HourlyUsd: { 'm5.large': 0.107 }, ebsGbMonthUsd: { gp3: 0.088 } });
      expect(await store.getPrices('ap-south-1')).toBeUndefined();

      const calls = { 'ce:GetCostAndUsage': { calls: 2, attempts: 3, throttled: 1 }, 'ec2:DescribeInstances': { calls: 4, attempts: 4, throttled: 0 } };
      await store.putRunApiCalls('run-1', calls);
      expect(await store.getRunApiCalls('run-1')).toEqual(calls);
      expect(await store.getRunApiCalls('run-2')).toBeUndefined();
    });

    it('keeps two collection issues with the same code but different messages apart', async () => {
      const { store } = await create();
      const first = { source: 'inventory', account: ACCOUNT_A, region: 'us-east-1', code: 'UnsupportedResourceShape', message: 'skipped i-1' };
      const second = { ...first, message: 'skipped i-2' };
      await store.putIssues([first, second]);
      expect((await store.listIssues()).map((i) => i.message).sort()).toEqual(['skipped i-1', 'skipped i-2']);
    });

    it('replaces a batch’s findings and the run’s forecasts, and clears a run’s results for a fresh attempt', async () => {
      const { store } = await create();
      const forecast = (name: string) => ({
        name,
        kind: 'cost' as const,
        subject: 'total',
        step: 'day' as const,
        points: [{ timestamp: '2026-11-30', forecast: 10, lower80: 8, upper80: 12 }],
        facts: {},
      });
      await store.putRun(run('r1', '2026-11-29T00:00:00.000Z'));
      await store.putBatches([{ runId: 'r1', batchId: 'b1', account: ACCOUNT_A, region: 'us-east-1', resourceArns: ['arn:x'] }]);
      await store.putFindings('r1', 'b1', [finding('f1'), finding('f2')]);
      await store.putFindings('r1', 'b2', [finding('f9')]);
      await store.putFindings('r1', 'b1', [finding('f2')]);
      expect((await store.listFindings('r1')).map((f) => f.id)).toEqual(['f2', 'f9']);

      await store.putForecasts('r1', [forecast('cost-total-30d'), forecast('cost-total-90d')]);
      await store.putForecasts('r1', [forecast('cost-total-30d')]);
      expect((await store.listForecasts('r1')).map((f) => f.name)).toEqual(['cost-total-30d']);

      await store.putActions('r1', [action('a1', 1)]);
      await store.clearRunResults('r1');
      expect(await store.listFindings('r1')).toEqual([]);
      expect(await store.listForecasts('r1')).toEqual([]);
      expect(await store.listActions('r1')).toEqual([]);
      expect(await store.getAction('r1', 'a1')).toBeUndefined();
      expect(await store.getBatch('r1', 'b1')).toBeUndefined();
      expect((await store.getRun('r1'))?.runId).toBe('r1');
    });

    it('replaces a scope’s forecasts without touching another scope’s', async () => {
      const { store } = await create();
      const forecast = (name: string, kind: 'cost' | 'capacity' = 'cost') => ({
        name,
        kind,
        subject: 'x',
        step: 'day' as const,
        points: [{ timestamp: '2026-11-30', forecast: 10, lower80: 8, upper80: 12 }],
        facts: { threshold: 80, crossesAt: '2026-12-01T00:00:00.000Z', note: null },
      });
      await store.putForecasts('r1', [forecast('cost-total-30d')], 'cost');
      await store.putForecasts('r1', [forecast('capacity-a', 'capacity'), forecast('capacity-b', 'capacity')], 'b1');
      await store.putForecasts('r1', [forecast('capacity-c', 'capacity')], 'b2');
      // A retried batch replaces only its own; the forecast step (default scope 'cost') only the cost ones.
      await store.putForecasts('r1', [forecast('capacity-b', 'capacity')], 'b1');
      await store.putForecasts('r1', [forecast('cost-total-90d')]);
      expect((await store.listForecasts('r1')).map((f) => f.name)).toEqual(['capacity-b', 'capacity-c', 'cost-total-90d']);
      await expect(store.putForecasts('r1', [], 'a#b')).rejects.toThrow(StoreInputError);
    });

    it('stores anomalies per scope, replaces a scope’s, lists every scope’s and clears them with the run’s results', async () => {
      const { store } = await create();
      const metric = (value: number, score: number) => ({
        subject: { kind: 'metric' as const, resourceArn: 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', metric: 'AWS/EC2/CPUUtilization', stat: 'Average' },
        timestamp: '2026-11-27T14:00:00.000Z',
        value,
        score,
        resourceName: 'web-1',
        unit: 'Percent',
        excerpt: { timestamps: [1, 2, 3], values: [40, value, 40] },
      });
      // With its $ impact, which must survive the round trip.
      const cost = {
        subject: { kind: 'cost' as const, service: 'AWS Lambda' },
        timestamp: '2026-11-25T00:00:00.000Z',
        value: 480,
        score: 0.7,
        unit: 'USD',
        cost: { expectedUsd: 120, observedUsd: 480, impactUsd: 360, impactDays: 1, contributors: [{ dimension: 'account' as const, key: '111111111111', expectedUsd: 120, observedUsd: 480, deltaUsd: 360 }] },
      };
      expect(await store.listAnomalies('r1')).toEqual([]);
      await store.putAnomalies('r1', 'b1', [metric(97, 1), metric(95, 0.9), metric(90, 0.6)]);
      await store.putAnomalies('r1', 'cost', [cost]);
      await store.putAnomalies('r1', 'b2', [metric(99, 0.8)]);
      expect(await store.listAnomalies('r1')).toEqual([metric(97, 1), metric(95, 0.9), metric(90, 0.6), metric(99, 0.8), cost]);

      // A retried batch with fewer alerts leaves none of its earlier ones; other scopes stay.
      await store.putAnomalies('r1', 'b1', [metric(96, 0.95)]);
      expect(await store.listAnomalies('r1')).toEqual([metric(96, 0.95), metric(99, 0.8), cost]);
      await store.putAnomalies('r1', 'b2', []);
      expect(await store.listAnomalies('r1')).toEqual([metric(96, 0.95), cost]);
      expect(await store.listAnomalies('r2')).toEqual([]);
      await expect(store.putAnomalies('r1', '', [cost])).rejects.toThrow(StoreInputError);

      await store.putRun(run('r1', '2026-11-29T00:00:00.000Z'));
      await store.clearRunResults('r1');
      expect(await store.listAnomalies('r1')).toEqual([]);
    });

    it('refuses a stored anomaly that does not match its schema, naming its key', async () => {
      const { store, putRawItem } = await create();
      await putRawItem({ pk: 'RUN#r1', sk: 'ANOMALY#b1#000000', kind: 'anomaly', data: JSON.stringify({ subject: { kind: 'metric' }, score: 3 }) });
      await expect(store.listAnomalies('r1')).rejects.toThrow(/RUN#r1 \/ ANOMALY#b1#000000/);
    });

    it('reads a resource’s series and recommendations together', async () => {
      const { store } = await create();
      const r = resource('i-9');
      const rec = { source: 'compute-optimizer' as const, resourceArn: r.arn, finding: 'Optimized', current: {}, options: [] };
      const cpu = series(r.arn, 288, { gapEvery: 5 });
      await store.putResources([r]);
      await store.putSeries([cpu]);
      await store.putRecommendations([rec]);
      expect(await store.getResourceData(r.arn)).toEqual({ series: [cpu], recommendations: [rec] });
      expect(await store.getResourceData('arn:none')).toEqual({ series: [], recommendations: [] });
    });

    it('reports a collection issue until it has not been seen for the issue retention period', async () => {
      let now = Date.UTC(2026, 10, 29);
      const { store } = await create({ now: () => now, issueRetentionDays: 7 });
      const issue = { source: 'compute-optimizer', account: ACCOUNT_A, code: 'OptInRequiredException', message: 'not opted in' };
      await store.putIssues([issue, issue]);
      expect(await store.listIssues()).toEqual([issue]);
      now += 8 * DAY_MS;
      expect(await store.listIssues()).toEqual([]);
    });

    it('stores run summaries, batches, findings and forecasts under the run', async () => {
      const { store } = await create();
      const summary = run('r1', '2026-11-29T23:00:00.000Z');
      await store.putRun(summary);
      expect(await store.getRun('r1')).toEqual(summary);
      expect(await store.getRun('nope')).toBeUndefined();

      const batch = { runId: 'r1', batchId: 'b0001', account: ACCOUNT_A, region: 'us-east-1', resourceArns: ['arn:x'] };
      await store.putBatches([batch]);
      expect(await store.getBatch('r1', 'b0001')).toEqual(batch);
      expect(await store.getBatch('r1', 'b0002')).toBeUndefined();

      await store.putFindings('r1', 'b0001', [finding('f2'), finding('f1')]);
      await store.putFindings('r1', 'b0002', [finding('f3')]);
      expect((await store.listFindings('r1')).map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
      expect(await store.listFindings('r2')).toEqual([]);

      const forecast = {
        name: 'cost-total-30d',
        kind: 'cost' as const,
        subject: 'total',
        step: 'day' as const,
        points: [{ timestamp: '2026-11-30', forecast: 10, lower80: 8, upper80: 12 }],
        facts: { costExplorerMeanUsd: 300, note: null },
      };
      await store.putForecasts('r1', [forecast]);
      expect(await store.listForecasts('r1')).toEqual([forecast]);
    });

    it('returns the run that started last as the latest run', async () => {
      const { store } = await create();
      expect(await store.latestRun()).toBeUndefined();
      await store.putRun(run('b', '2026-11-28T00:00:00.000Z', 'succeeded'));
      await store.putRun(run('a', '2026-11-29T00:00:00.000Z'));
      await store.putRun(run('c', '2026-11-27T00:00:00.000Z', 'succeeded'));
      expect((await store.latestRun())?.runId).toBe('a');
    });

    it('keeps the rank order of actions and replaces the whole list when written again', async () => {
      const { store } = await create();
      const ranked = Array.from({ length: 12 }, (_, i) => action(`act-${String.fromCharCode(122 - i)}`, 100 - i));
      await store.putActions('r1', ranked);
      expect((await store.listActions('r1')).map((a) => a.id)).toEqual(ranked.map((a) => a.id));
      expect(await store.getAction('r1', 'act-x')).toEqual(ranked[2]);

      const replacement = [action('act-new', 5), ranked[0]];
      await store.putActions('r1', replacement);
      expect((await store.listActions('r1')).map((a) => a.id)).toEqual(['act-new', 'act-z']);
      expect(await store.getAction('r1', 'act-x')).toBeUndefined();
      expect(await store.getAction('r1', 'act-z')).toEqual(ranked[0]);
    });

    it('records only the first decision on an action', async () => {
      const { store } = await create();
      const approve = { actionId: 'act-1', decision: 'approved' as const, decidedBy: 'U1', decidedAt: '2026-11-29T23:00:00.000Z' };
      const results = await Promise.all([store.recordDecision(approve), store.recordDecision({ ...approve, decidedBy: 'U2' })]);
      expect(results.filter((r) => r !== undefined).map((r) => r?.version)).toEqual([1]);
      expect(await store.recordDecision({ ...approve, decision: 'dismissed' })).toBeUndefined();
      expect((await store.getDecision('act-1'))?.decision).toBe('approved');
      expect(await store.getDecision('act-2')).toBeUndefined();
    });

    it('accepts a new decision, with the next version, once the previous one is reopened', async () => {
      const { store } = await create();
      const approve = { actionId: 'act-1', decision: 'approved' as const, decidedBy: 'U1', decidedAt: '2026-11-29T23:00:00.000Z' };
      await store.recordDecision(approve);
      expect(await store.updateDecision('act-1', 1, (d) => ({ ...d, reopened: true }))).toBe(true);
      expect(await store.getDecision('act-1')).toBeUndefined();
      expect((await store.recordDecision({ ...approve, decidedBy: 'U2' }))?.version).toBe(2);
      expect((await store.getDecision('act-1'))?.decidedBy).toBe('U2');
    });

    it('changes a decision only at the version given (a stale caller writes nothing)', async () => {
      const { store } = await create();
      const approve = { actionId: 'act-1', decision: 'approved' as const, decidedBy: 'U1', decidedAt: '2026-11-29T23:00:00.000Z' };
      await store.recordDecision(approve);
      await store.updateDecision('act-1', 1, (d) => ({ ...d, reopened: true }));
      await store.recordDecision({ ...approve, decidedBy: 'U2' });
      expect(await store.updateDecision('act-1', 1, (d) => ({ ...d, reopened: true }))).toBe(false);
      expect(await store.updateDecision('act-1', 2, () => undefined)).toBe(false);
      expect(await store.getDecision('act-1')).toMatchObject({ version: 2, decidedBy: 'U2' });
    });

    it('accepts a new decision once a snooze has run out', async () => {
      let now = Date.UTC(2026, 10, 29);
      const { store } = await create({ now: () => now });
      const snooze = {
        actionId: 'act-1',
        decision: 'snoozed' as const,
        decidedBy: 'U1',
        decidedAt: new Date(now).toISOString(),
        snoozedUntil: new Date(now + 7 * DAY_MS).toISOString(),
      };
      expect((await store.recordDecision(snooze))?.version).toBe(1);
      expect(await store.recordDecision({ ...snooze, decision: 'approved' })).toBeUndefined();
      now += 8 * DAY_MS;
      expect(await store.getDecision('act-1')).toBeUndefined();
      expect((await store.recordDecision({ ...snooze, decision: 'approved', decidedAt: new Date(now).toISOString() }))?.version).toBe(2);
      expect((await store.getDecision('act-1'))?.decision).toBe('approved');
    });

    it('keeps a 91-day-old dismissal (decisions never expire), so its action stays suppressed', async () => {
      let now = Date.UTC(2026, 7, 1);
      const { store } = await create({ now: () => now });
      const dismissal = { actionId: 'act-1', decision: 'dismissed' as const, decidedBy: 'U1', decidedAt: new Date(now).toISOString(), reason: 'intended' };
      await store.recordDecision(dismissal);
      now += 91 * DAY_MS;
      expect(await store.getDecision('act-1')).toMatchObject({ decision: 'dismissed', reason: 'intended' });
      expect(await store.recordDecision({ ...dismissal, decision: 'approved', decidedAt: new Date(now).toISOString() })).toBeUndefined();
    });

    it('appends audit records, including two at the same instant, and lists them in time order', async () => {
      const { store } = await create();
      const at = (s: string) => ({ actionId: 'act-1', at: s, actor: 'U1', event: 'approved', detail: { n: s } });
      await store.appendAudit(at('2026-11-29T23:00:02.000Z'));
      await store.appendAudit(at('2026-11-29T23:00:01.000Z'));
      await store.appendAudit(at('2026-11-29T23:00:01.000Z'));
      expect((await store.listAudit('act-1')).map((r) => r.at)).toEqual([
        '2026-11-29T23:00:01.000Z',
        '2026-11-29T23:00:01.000Z',
        '2026-11-29T23:00:02.000Z',
      ]);
    });

    it('treats run data and series older than the retention period as gone', async () => {
      let now = Date.UTC(2026, 10, 29);
      const { store } = await create({ now: () => now, retentionDays: 30 });
      await store.putRun(run('old', '2026-11-29T00:00:00.000Z'));
      await store.putSeries([series('arn:r6', 10)]);
      now += 31 * DAY_MS;
      expect(await store.getRun('old')).toBeUndefined();
      expect(await store.latestRun()).toBeUndefined();
      expect(await store.getSeries('arn:r6')).toEqual([]);
    });

    it('refuses a stored item that does not match its schema, naming its key', async () => {
      const { store, putRawItem } = await create();
      await putRawItem({ pk: 'RUN#bad', sk: 'META', kind: 'run', data: JSON.stringify({ runId: 'bad', status: 'exploded' }) });
      const error = await store.getRun('bad').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreItemInvalidError);
      expect((error as Error).message).toMatch(/RUN#bad \/ META/);
    });
  });
}
