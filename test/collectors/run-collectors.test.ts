import { describe, expect, it } from 'vitest';
import { runCollectors, type CollectorProgress } from '../../lambdas/collectors/run-collectors.js';
import { generateSampleAccount } from '../../lambdas/local/sample-account/generate.js';
import { metricValue } from '../../lambdas/local/sample-account/metrics.js';
import { createSamplePortsFor, type SamplePortsOptions } from '../../lambdas/local/sample-account/sample-ports.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';

// Enough resources for the second cycle's API tier, which lives in the second region.
const account = generateSampleAccount({ resources: 80 });
const FOREIGN = '999999999999';

async function collect(options: SamplePortsOptions, accounts = [account.accountId]) {
  const store = new MemoryStore({ now: () => account.now });
  const progress: CollectorProgress[] = [];
  const result = await runCollectors({
    portsFor: createSamplePortsFor(account, options),
    store,
    accounts,
    regions: account.regions,
    now: account.now,
    lookbackDays: 14,
    onProgress: (p) => progress.push(p),
  });
  return { store, progress, result };
}

describe('runCollectors over the sample account (the demo path)', () => {
  it('runs inventory, CloudWatch, Cost Explorer and Compute Optimizer in order and stores what the account holds', async () => {
    const { store, progress, result } = await collect({});

    expect(progress.map((p) => `${p.collector}:${p.phase}`)).toEqual([
      'inventory:start', 'inventory:done', 'cloudwatch:start', 'cloudwatch:done',
      'cost-explorer:start', 'cost-explorer:done', 'compute-optimizer:start', 'compute-optimizer:done',
      'pricing:start', 'pricing:done',
    ]);
    // Every resource of the sample account is collected, S3 buckets included.
    const inventoried = (await store.listResources()).filter((r) => r.type !== 'autoscaling:group');
    expect(inventoried.map((r) => r.arn).sort()).toEqual(account.resources.map((r) => r.resource.arn).sort());
    // Auto Scaling groups are known from Compute Optimizer's group recommendations, one resource each.
    const groups = (await store.listResources()).filter((r) => r.type === 'autoscaling:group');
    expect(groups.map((g) => g.name).sort()).toEqual(account.computeOptimizer.autoScalingGroups.map((g) => g.autoScalingGroupName).sort());
    expect(await store.listResources({ region: 'eu-west-1' })).not.toHaveLength(0);

    const costs = await store.listCosts();
    expect(costs).toHaveLength(account.costs.length);
    const expected = account.costs.find((c) => c.service === 'AWS Lambda');
    expect(costs.find((c) => c.date === expected?.date && c.service === 'AWS Lambda')?.amountUsd).toBeCloseTo(expected?.amountUsd ?? NaN, 6);
    expect((await store.getCostForecast())?.meanUsd).toBeCloseTo(account.costForecast.meanUsd, 4);

    expect(result.total.issues).toEqual([expect.objectContaining({ source: 'compute-optimizer', region: 'eu-west-1', code: 'OptInRequiredException' })]);
    expect(result.reports['compute-optimizer']?.itemsWritten.recommendations).toBe(
      account.computeOptimizer.ec2.length + account.computeOptimizer.ebs.length + account.computeOptimizer.lambda.length + account.computeOptimizer.autoScalingGroups.length,
    );
    expect(result.total.calls['cloudwatch:GetMetricData']).toBeGreaterThan(1);
    // The sample account has no Price List: the pricing collector asks nothing (the engine's bundled catalogue applies).
    expect(result.reports.pricing?.calls).toEqual({});
  });

  it('returns the collection’s API calls by service and operation and stores them with the run', async () => {
    const store = new MemoryStore({ now: () => account.now });
    const result = await runCollectors({
      portsFor: createSamplePortsFor(account),
      store,
      accounts: [account.accountId],
      regions: ['us-east-1'],
      now: account.now,
      lookbackDays: 14,
      runId: 'run-7',
      only: ['cost-explorer', 'compute-optimizer'],
      apiCalls: () => ({ 'ce:GetCostAndUsage': { calls: 3, attempts: 5, throttled: 2 } }),
    });

    expect(Object.keys(result.reports)).toEqual(['cost-explorer', 'compute-optimizer']);
    expect(result.apiCalls['ce:GetCostAndUsage']).toEqual({ calls: result.total.calls['ce:GetCostAndUsage'], attempts: 5, throttled: 2 });
    expect(result.apiCalls['compute-optimizer:GetEC2InstanceRecommendations']).toEqual({ calls: 1, attempts: 1, throttled: 0 });
    expect(await store.getRunApiCalls('run-7')).toEqual(result.apiCalls);
  });

  it('stores series oldest first with the values the sample account publishes', async () => {
    const { store } = await collect({});
    const instance = account.resources.find((r) => r.resource.type === 'ec2:instance' && r.resource.config.state === 'running' && r.resource.region === 'us-east-1');
    const series = await store.getSeries(instance?.resource.arn ?? '');
    // At least these (the CloudWatch catalogue may ask more, e.g. CWAgent memory where the sample publishes it).
    expect(series.map((s) => `${s.metricName}/${s.stat}`)).toEqual(expect.arrayContaining(['CPUUtilization/Average', 'CPUUtilization/Maximum', 'NetworkIn/Sum', 'NetworkOut/Sum']));
    const cpu = series.find((s) => s.metricName === 'CPUUtilization' && s.stat === 'Average');
    expect(cpu?.timestamps).toHaveLength(4032);
    expect(cpu?.timestamps.every((t, i, all) => i === 0 || t > all[i - 1])).toBe(true);
    const context = { seed: account.seed, now: account.now, incidentsByArn: new Map() };
    const at = cpu?.timestamps[100] ?? 0;
    expect(cpu?.values[100]).toBeCloseTo(metricValue(instance!, 'CPUUtilization', 'Average', at, 300, context) ?? NaN, 3);

    const table = account.resources.find((r) => r.resource.type === 'dynamodb:table');
    const tableSeries = await store.getSeries(table?.resource.arn ?? '');
    expect(tableSeries.map((s) => s.metricName)).toEqual(expect.arrayContaining(['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits']));
  });

  it('collects the same data whatever the page sizes (pagination and PartialData merging are lossless)', async () => {
    const small = await collect({ maxPageSize: 5, datapointsPerPage: 9_000, periodsPerPage: 7 });
    const large = await collect({});
    expect(small.result.total.calls['cloudwatch:GetMetricData']).toBeGreaterThan(large.result.total.calls['cloudwatch:GetMetricData'] ?? 0);
    expect(small.result.total.calls['ec2:DescribeVolumes']).toBeGreaterThan(large.result.total.calls['ec2:DescribeVolumes'] ?? 0);
    expect(small.result.total.itemsWritten).toEqual(large.result.total.itemsWritten);
    for (const resource of (await large.store.listResources()).slice(0, 12)) {
      expect(await small.store.getSeries(resource.arn)).toEqual(await large.store.getSeries(resource.arn));
    }
    expect(await small.store.listCosts()).toEqual(await large.store.listCosts());
  });

  it('records a denied account (no member role) as issues and still collects the reachable one', async () => {
    const { store, result } = await collect({}, [account.accountId, FOREIGN]);
    const foreignIssues = result.total.issues.filter((i) => i.account === FOREIGN);
    expect(foreignIssues.length).toBeGreaterThan(0);
    expect(new Set(foreignIssues.map((i) => i.code))).toEqual(new Set(['UnauthorizedOperation', 'AccessDeniedException', 'AccessDenied']));
    expect((await store.listResources({ account: account.accountId })).length).toBeGreaterThan(0);
    expect(await store.listResources({ account: FOREIGN })).toHaveLength(0);
  });
});
