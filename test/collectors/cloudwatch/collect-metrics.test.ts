import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand, type GetMetricDataCommandInput, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectMetrics } from '../../../lambdas/collectors/cloudwatch/collect-metrics.js';
import { getMetricDataMerged } from '../../../lambdas/collectors/cloudwatch/merge-metric-pages.js';
import { metricWindow } from '../../../lambdas/collectors/cloudwatch/metric-window.js';
import { loadFixture } from '../helpers/fixtures.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { ACCOUNT, NOW, ec2Resource, testContext } from '../helpers/context.js';

function lambdaResource(name: string): Resource {
  return {
    arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`,
    type: 'lambda:function',
    account: ACCOUNT,
    region: 'us-east-1',
    name,
    tags: {},
    config: { memoryMb: 1024, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs20.x' },
  };
}

const cloudwatch = mockClient(CloudWatchClient);
// No agent or Lambda Insights metrics unless a test lists some.
beforeEach(() => cloudwatch.on(ListMetricsCommand).resolves({ Metrics: [] }));
afterEach(() => cloudwatch.reset());

const t = (iso: string) => new Date(iso);

describe('collectMetrics against the CloudWatch SDK client', () => {
  it('packs 1,201 queries into three GetMetricData calls of 500, 500 and 201 (SPEC §11 batching)', async () => {
    // Prepare: 199 running instances × 6 EC2 metric statistics + 1 function × 7 Lambda statistics = 1,201 queries.
    cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: (input.MetricDataQueries ?? []).map((q) => ({ Id: q.Id, Timestamps: [t('2026-11-29T11:50:00Z')], Values: [1], StatusCode: 'Complete' })),
    }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([
      ...Array.from({ length: 199 }, (_, i) => ec2Resource(`i-${String(i).padStart(17, '0')}`)),
      lambdaResource('orders-api'),
    ]);

    // Act
    const report = await collectMetrics(context);

    // Assess
    const calls = cloudwatch.commandCalls(GetMetricDataCommand);
    expect(calls.map((c) => c.args[0].input.MetricDataQueries?.length)).toEqual([500, 500, 201]);
    expect(report.calls['cloudwatch:GetMetricData']).toBe(3);
    expect(report.itemsWritten.series).toBe(1201);
    expect(report.billable['cloudwatch:metrics']).toBe(1201);
  });

  it('asks for 5-minute statistics over the lookback window ending at the last whole period', async () => {
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([ec2Resource('i-0123456789abcdef0')]);

    await collectMetrics(context);

    const input = cloudwatch.commandCalls(GetMetricDataCommand)[0].args[0].input;
    expect(input.EndTime?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(input.StartTime?.toISOString()).toBe('2026-11-15T12:00:00.000Z');
    expect(input.MetricDataQueries?.map((q) => `${q.MetricStat?.Metric?.MetricName}/${q.MetricStat?.Stat}/${q.MetricStat?.Period}`)).toEqual([
      'CPUUtilization/Average/300',
      'CPUUtilization/Maximum/300',
      'NetworkIn/Sum/300',
      'NetworkOut/Sum/300',
      'DiskReadOps/Sum/300',
      'DiskWriteOps/Sum/300',
    ]);
    expect(input.MetricDataQueries?.[0].MetricStat?.Metric?.Dimensions).toEqual([{ Name: 'InstanceId', Value: 'i-0123456789abcdef0' }]);
  });

  it('stores no series that breaks the snapshot rules (negative CPU): it is an issue naming the metric, resource and value', async () => {
    // GetMetricData result shape as in the CloudWatch API reference: Id, Timestamps, Values, StatusCode.
    cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: (input.MetricDataQueries ?? []).map((q) => ({
        Id: q.Id,
        Timestamps: [t('2026-11-29T11:50:00Z'), t('2026-11-29T11:55:00Z')],
        Values: q.MetricStat?.Metric?.MetricName === 'CPUUtilization' && q.MetricStat.Stat === 'Average' ? [12, -3] : [1, 2],
        StatusCode: 'Complete',
      })),
    }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    const instance = ec2Resource('i-0123456789abcdef0');
    await context.store.putResources([instance]);

    const report = await collectMetrics(context);

    expect(report.itemsWritten.series).toBe(5);
    expect((await context.store.getSeries(instance.arn)).some((s) => s.metricName === 'CPUUtilization' && s.stat === 'Average')).toBe(false);
    expect(report.issues).toEqual([
      {
        source: 'cloudwatch',
        account: ACCOUNT,
        region: 'us-east-1',
        service: 'cloudwatch',
        operation: 'GetMetricData',
        resourcesAffected: 1,
        code: 'InvalidMetricData',
        message: `CPUUtilization Average of ${instance.arn}: CPUUtilization Average: value -3 at 2026-11-29T11:55Z is below 0, the least a Percent metric can be; not stored`,
      },
    ]);
  });

  it('skips resources that publish no metrics (stopped instances)', async () => {
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([ec2Resource('i-00000000000000001', 'us-east-1', 'stopped')]);

    const report = await collectMetrics(context);

    expect(cloudwatch.commandCalls(GetMetricDataCommand)).toHaveLength(0);
    expect(report.calls).toEqual({});
  });

  it('records a Forbidden query and an AccessDenied region as issues and keeps the other region', async () => {
    cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(async (input: GetMetricDataCommandInput) => {
        const dims = input.MetricDataQueries?.[0].MetricStat?.Metric?.Dimensions?.[0].Value;
        if (dims === 'i-eu000000000000000') throw Object.assign(new Error('User is not authorized'), { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
        return {
          MetricDataResults: (input.MetricDataQueries ?? []).map((q, i) =>
            i === 0 ? { Id: q.Id, Timestamps: [], Values: [], StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'no access to AWS/EC2' }] } : { Id: q.Id, Timestamps: [t('2026-11-29T11:55:00Z')], Values: [3], StatusCode: 'Complete' },
          ),
        };
      });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['eu-west-1', 'us-east-1'] });
    await context.store.putResources([ec2Resource('i-eu000000000000000', 'eu-west-1'), ec2Resource('i-us000000000000000')]);

    const report = await collectMetrics(context);

    expect(report.issues.map((i) => `${i.region}:${i.code}`)).toEqual(['eu-west-1:AccessDenied', 'us-east-1:GetMetricDataForbidden']);
    expect(report.itemsWritten.series).toBe(5);
    expect(await context.store.listIssues()).toHaveLength(2);
    const stored = await context.store.getSeries(`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-us000000000000000`);
    expect(stored.map((s) => s.metricName).sort()).toEqual(['CPUUtilization', 'DiskReadOps', 'DiskWriteOps', 'NetworkIn', 'NetworkOut']);
  });
});

describe('getMetricDataMerged', () => {
  const window = metricWindow(NOW, 14);
  const port = createAwsPortsFor({ builders: allAwsAdapters })('111122223333', 'us-east-1').cloudwatch;

  it('merges a PartialData query across NextToken pages by Id and returns it oldest first', async () => {
    // Page 1 (newest first, the API default): m1 complete, m2 cut at the datapoint limit.
    const page1: MetricDataResult[] = [
      { Id: 'm1', Timestamps: [t('2026-11-29T11:55:00Z'), t('2026-11-29T11:50:00Z')], Values: [2, 1], StatusCode: 'Complete' },
      { Id: 'm2', Timestamps: [t('2026-11-29T11:55:00Z'), t('2026-11-29T11:50:00Z')], Values: [20, 19], StatusCode: 'PartialData' },
    ];
    const page2: MetricDataResult[] = [{ Id: 'm2', Timestamps: [t('2026-11-29T11:45:00Z'), t('2026-11-29T11:40:00Z')], Values: [18, 17], StatusCode: 'Complete' }];
    cloudwatch
      .on(GetMetricDataCommand, { NextToken: undefined })
      .resolves({ MetricDataResults: page1, NextToken: 'page-2' })
      .on(GetMetricDataCommand, { NextToken: 'page-2' })
      .resolves({ MetricDataResults: page2 });

    const { results, pages, metricsReturned } = await getMetricDataMerged(port, [{ Id: 'm1' }, { Id: 'm2' }], window);

    expect(pages).toBe(2);
    expect(metricsReturned).toBe(3);
    expect(results.get('m1')).toMatchObject({ values: [1, 2], status: 'Complete' });
    const m2 = results.get('m2');
    expect(m2?.values).toEqual([17, 18, 19, 20]);
    expect(m2?.timestamps).toEqual(['11:40', '11:45', '11:50', '11:55'].map((hm) => Date.parse(`2026-11-29T${hm}:00Z`)));
    expect(m2?.status).toBe('Complete');
    expect(cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input.ScanBy)).toEqual(['TimestampAscending', 'TimestampAscending']);
  });

  it('reads the official documentation example (metric-math result) into one series', async () => {
    const example = loadFixture<{ MetricDataResults: (Omit<MetricDataResult, 'Timestamps'> & { Timestamps: string[] })[] }>('cloudwatch.GetMetricData.1.json');
    cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: example.MetricDataResults.map((r) => ({ ...r, Timestamps: r.Timestamps.map((s) => new Date(s)) })),
    });

    const { results } = await getMetricDataMerged(port, [{ Id: 'm3', Expression: '(m1+m2)/300' }], window);

    expect(results.get('m3')).toMatchObject({ values: [96.85], timestamps: [Date.parse('2024-09-29T22:10:00Z')], status: 'Complete' });
  });

  it('passes response-level messages on instead of dropping them', async () => {
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [], Messages: [{ Code: 'MaxQueryTimeRangeExceed', Value: 'The time range is too long for the period.' }] });

    const { messages } = await getMetricDataMerged(port, [{ Id: 'a' }], window);

    expect(messages).toEqual(['MaxQueryTimeRangeExceed The time range is too long for the period.']);
  });

  it('refuses more than 500 queries per call', async () => {
    const queries = Array.from({ length: 501 }, (_, i) => ({ Id: `q${i}` }));
    await expect(getMetricDataMerged(port, queries, window)).rejects.toThrow(/at most 500 queries/);
  });

  it('stops when the API repeats a NextToken instead of looping forever', async () => {
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [], NextToken: 'same' });
    await expect(getMetricDataMerged(port, [{ Id: 'a' }], window)).rejects.toThrow(/same NextToken twice/);
  });
});
