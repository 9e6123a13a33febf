import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { metricValue } from '../../../lambdas/local/sample-account/metrics.js';
import { createSamplePortsFor } from '../../../lambdas/local/sample-account/sample-ports.js';

const account = generateSampleAccount({ resources: 60 });
const portsFor = createSamplePortsFor(account);
const cloudwatch = portsFor(account.accountId, 'us-east-1').cloudwatch;
const instances = account.resources.filter((r) => r.resource.type === 'ec2:instance' && r.resource.config.state === 'running');
const DAY = 86_400_000;

function cpuQuery(id: string, instanceArn: string, period = 300): MetricDataQuery {
  return {
    Id: id,
    MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: instanceArn.split('/').pop() }] }, Period: period, Stat: 'Average' },
  };
}

describe('sample CloudWatch port (GetMetricData)', () => {
  it('returns newest first by default and oldest first with ScanBy TimestampAscending', async () => {
    const request = { MetricDataQueries: [cpuQuery('a', instances[0].resource.arn)], StartTime: new Date(account.now - DAY), EndTime: new Date(account.now) };
    const newest = (await cloudwatch.getMetricData(request)).MetricDataResults?.[0];
    const oldest = (await cloudwatch.getMetricData({ ...request, ScanBy: 'TimestampAscending' })).MetricDataResults?.[0];
    expect(newest?.Timestamps).toHaveLength(288);
    expect(newest?.Timestamps?.[0].getTime()).toBe(account.now - 300_000);
    expect(oldest?.Timestamps?.[0].getTime()).toBe(account.now - DAY);
    expect([...(newest?.Values ?? [])].reverse()).toEqual(oldest?.Values);
  });

  it('gives series on one grid the same values and timestamps as computing each slot alone, in either order', async () => {
    // Series on one grid share its timestamps inside the port; a function without invocations in some slots (or an
    // instance stopped or launched in the window) has gaps and gets its own.
    const incidentsByArn = new Map<string, typeof account.incidents>();
    for (const incident of account.incidents) if (incident.resourceArn) incidentsByArn.set(incident.resourceArn, [...(incidentsByArn.get(incident.resourceArn) ?? []), incident]);
    const context = { seed: account.seed, now: account.now, incidentsByArn };
    const candidates = account.resources.flatMap((sample, i) => {
      const metric = sample.resource.type === 'lambda:function' ? (['AWS/Lambda', 'Invocations', 'Sum', 'FunctionName', sample.resource.name] as const)
        : sample.resource.type === 'ec2:instance' ? (['AWS/EC2', 'CPUUtilization', 'Average', 'InstanceId', sample.resource.arn.split('/').pop() ?? ''] as const) : undefined;
      if (metric === undefined) return [];
      const [namespace, metricName, stat, dimension, value] = metric;
      const timestamps: number[] = [];
      const values: number[] = [];
      for (let t = account.now - 3 * DAY; t < account.now; t += 300_000) {
        const v = metricValue(sample, metricName, stat, t, 300, context);
        if (v === undefined) continue;
        timestamps.push(t);
        values.push(v);
      }
      const query: MetricDataQuery = { Id: `q${i}`, MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: [{ Name: dimension, Value: value }] }, Period: 300, Stat: stat } };
      return [{ query, expected: { timestamps, values } }];
    });
    const full = candidates.filter((c) => c.expected.values.length === 864).slice(0, 3);
    const gappy = candidates.filter((c) => c.expected.values.length > 0 && c.expected.values.length < 864).slice(0, 3);
    expect(full.length).toBeGreaterThan(1);
    expect(gappy.length).toBeGreaterThan(0);
    const chosen = [...full, ...gappy, ...full];
    const expected = chosen.map((c) => c.expected);
    const request = { MetricDataQueries: chosen.map((c, i) => ({ ...c.query, Id: `q${i}` })), StartTime: new Date(account.now - 3 * DAY), EndTime: new Date(account.now) };

    const read = async (ascending: boolean) =>
      ((await cloudwatch.getMetricData({ ...request, ...(ascending ? { ScanBy: 'TimestampAscending' as const } : {}) })).MetricDataResults ?? []).map((r) => ({
        timestamps: (r.Timestamps ?? []).map((d) => d.getTime()),
        values: r.Values ?? [],
      }));
    const oldestFirst = await read(true);
    const newestFirst = await read(false);
    expect(oldestFirst).toEqual(expected);
    expect(newestFirst).toEqual(expected.map((e) => ({ timestamps: [...e.timestamps].reverse(), values: [...e.values].reverse() })));
    // Reading newest first did not reverse the shared grid in place.
    expect(await read(true)).toEqual(expected);
  });

  it('pages at 100,800 datapoints, marks the cut query PartialData and continues it on the next page', async () => {
    // 30 queries × 4,031 points (14 days less one period) = 120,930 points > 100,800: 25 queries fit,
    // the 26th is cut after 25 points.
    const queries = Array.from({ length: 30 }, (_, i) => cpuQuery(`q${i}`, instances[i % instances.length].resource.arn));
    const request = { MetricDataQueries: queries, StartTime: new Date(account.now - 14 * DAY + 300_000), EndTime: new Date(account.now) };

    const first = await cloudwatch.getMetricData(request);
    const firstPoints = (first.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
    expect(firstPoints).toBe(100_800);
    expect(first.NextToken).toBeDefined();
    const cut = first.MetricDataResults?.at(-1);
    expect(cut).toMatchObject({ Id: 'q25', StatusCode: 'PartialData' });
    expect(cut?.Values).toHaveLength(25);
    expect(first.MetricDataResults?.slice(0, -1).every((r) => r.StatusCode === 'Complete')).toBe(true);

    const second = await cloudwatch.getMetricData({ ...request, NextToken: first.NextToken });
    expect(second.NextToken).toBeUndefined();
    expect(second.MetricDataResults?.[0].Id).toBe('q25');
    expect((cut?.Values?.length ?? 0) + (second.MetricDataResults?.[0].Values?.length ?? 0)).toBe(4031);
    expect(second.MetricDataResults?.map((r) => r.Id)).toEqual(['q25', 'q26', 'q27', 'q28', 'q29']);
  });

  it('honours the real limits: 500 queries, valid ids, a token only for its own request', async () => {
    const start = new Date(account.now - DAY);
    const end = new Date(account.now);
    const many = Array.from({ length: 501 }, (_, i) => cpuQuery(`q${i}`, instances[0].resource.arn));
    await expect(cloudwatch.getMetricData({ MetricDataQueries: many, StartTime: start, EndTime: end })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(cloudwatch.getMetricData({ MetricDataQueries: [cpuQuery('Bad-Id', instances[0].resource.arn)], StartTime: start, EndTime: end })).rejects.toMatchObject({ name: 'ValidationError' });
    const queries = Array.from({ length: 30 }, (_, i) => cpuQuery(`q${i}`, instances[0].resource.arn));
    const page = await cloudwatch.getMetricData({ MetricDataQueries: queries, StartTime: new Date(account.now - 14 * DAY), EndTime: end });
    await expect(cloudwatch.getMetricData({ MetricDataQueries: queries.slice(1), StartTime: new Date(account.now - 14 * DAY), EndTime: end, NextToken: page.NextToken })).rejects.toMatchObject({
      name: 'InvalidNextToken',
    });
  });

  it('keeps 5-minute data 63 days only, and answers unknown metrics with an empty Complete result', async () => {
    const old = await cloudwatch.getMetricData({
      MetricDataQueries: [cpuQuery('fine', instances[0].resource.arn, 300), cpuQuery('hourly', instances[0].resource.arn, 3600), { ...cpuQuery('none', 'i-00000000000000000') }],
      StartTime: new Date(account.now - 80 * DAY),
      EndTime: new Date(account.now - 70 * DAY),
    });
    const byId = new Map(old.MetricDataResults?.map((r) => [r.Id, r]));
    expect(byId.get('fine')?.Values).toHaveLength(0);
    expect(byId.get('hourly')?.Values).toHaveLength(240);
    expect(byId.get('none')).toMatchObject({ Values: [], StatusCode: 'Complete' });
  });

  it('returns no datapoints, rather than a trimmed series, when a query starts beyond its period’s retention', async () => {
    const ask = (startDaysAgo: number, period: number) =>
      cloudwatch.getMetricData({ MetricDataQueries: [cpuQuery('q', instances[0].resource.arn, period)], StartTime: new Date(account.now - startDaysAgo * DAY), EndTime: new Date(account.now - DAY) });
    expect((await ask(64, 300)).MetricDataResults?.[0]).toMatchObject({ Values: [], StatusCode: 'Complete' });
    expect((await ask(62, 300)).MetricDataResults?.[0].Values?.length).toBeGreaterThan(0);
    expect((await ask(16, 60)).MetricDataResults?.[0].Values).toEqual([]);
    expect((await ask(14, 60)).MetricDataResults?.[0].Values?.length).toBeGreaterThan(0);
    expect((await ask(456, 3600)).MetricDataResults?.[0].Values).toEqual([]);
  });
});

