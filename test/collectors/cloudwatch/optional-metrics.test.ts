import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectMetrics } from '../../../lambdas/collectors/cloudwatch/collect-metrics.js';
import { metricSpecsFor } from '../../../lambdas/collectors/cloudwatch/metric-catalogue.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { ACCOUNT, ec2Resource, testContext } from '../helpers/context.js';

const cloudwatch = mockClient(CloudWatchClient);
afterEach(() => cloudwatch.reset());

const answerEveryQuery = (input: GetMetricDataCommandInput) => ({
  MetricDataResults: (input.MetricDataQueries ?? []).map((q) => ({ Id: q.Id, Timestamps: [new Date('2026-11-29T11:50:00Z')], Values: [42], StatusCode: 'Complete' as const })),
});

function loadBalancer(type: 'application' | 'network', state = 'active'): Resource {
  return {
    arn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/${type === 'application' ? 'app' : 'net'}/web/50dc6c495c0c9188`,
    type: 'elb:load-balancer',
    account: ACCOUNT,
    region: 'us-east-1',
    name: 'web',
    tags: {},
    config: { lbType: type, scheme: 'internet-facing', state },
  };
}

describe('collectMetrics: agent and opt-in metrics, new resource types', () => {
  it('queries CWAgent memory only for instances ListMetrics lists, with the exact dimensions the agent used', async () => {
    // ListMetrics shape as in the CloudWatch reference (Namespace, MetricName, Dimensions), paged with NextToken.
    cloudwatch
      .on(ListMetricsCommand, { Namespace: 'CWAgent', NextToken: undefined })
      .resolves({
        Metrics: [
          {
            Namespace: 'CWAgent',
            MetricName: 'mem_used_percent',
            Dimensions: [
              { Name: 'InstanceId', Value: 'i-0000000000000000a' },
              { Name: 'ImageId', Value: 'ami-0abcdef1234567890' },
              { Name: 'InstanceType', Value: 'm5.large' },
            ],
          },
        ],
        NextToken: 'lm-2',
      })
      .on(ListMetricsCommand, { Namespace: 'CWAgent', NextToken: 'lm-2' })
      .resolves({ Metrics: [{ Namespace: 'CWAgent', MetricName: 'mem_used_percent', Dimensions: [{ Name: 'InstanceId', Value: 'i-0000000000000000a' }] }] });
    cloudwatch.on(GetMetricDataCommand).callsFake(answerEveryQuery);
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([ec2Resource('i-0000000000000000a'), ec2Resource('i-0000000000000000b')]);

    const report = await collectMetrics(context);

    expect(cloudwatch.commandCalls(ListMetricsCommand).map((c) => c.args[0].input)).toEqual([
      { Namespace: 'CWAgent', MetricName: 'mem_used_percent', NextToken: undefined },
      { Namespace: 'CWAgent', MetricName: 'mem_used_percent', NextToken: 'lm-2' },
    ]);
    const queries = cloudwatch.commandCalls(GetMetricDataCommand).flatMap((c) => c.args[0].input.MetricDataQueries ?? []);
    const memory = queries.filter((q) => q.MetricStat?.Metric?.Namespace === 'CWAgent');
    expect(memory.map((q) => `${q.MetricStat?.Metric?.MetricName}/${q.MetricStat?.Stat}`)).toEqual(['mem_used_percent/Average', 'mem_used_percent/Maximum']);
    // The smaller of the two dimension sets the instance published under.
    expect(memory[0].MetricStat?.Metric?.Dimensions).toEqual([{ Name: 'InstanceId', Value: 'i-0000000000000000a' }]);
    expect(queries).toHaveLength(2 * 6 + 2);
    expect(report.calls['cloudwatch:ListMetrics']).toBe(2);
    const stored = await context.store.getSeries(`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0000000000000000a`);
    expect(stored.find((s) => s.namespace === 'CWAgent' && s.stat === 'Maximum')).toMatchObject({ metricName: 'mem_used_percent', unit: 'Percent', values: [42] });
  });

  it('still collects the catalogue metrics, with an issue, when ListMetrics is denied', async () => {
    cloudwatch.on(ListMetricsCommand).rejects(Object.assign(new Error('not authorized to perform cloudwatch:ListMetrics'), { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    cloudwatch.on(GetMetricDataCommand).callsFake(answerEveryQuery);
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([ec2Resource('i-0000000000000000c')]);

    const report = await collectMetrics(context);

    expect(report.issues.map((i) => i.code)).toEqual(['AccessDenied']);
    expect(report.itemsWritten.series).toBe(6);
  });

  it('asks ALB, NLB and NAT gateway metrics under their namespaces and dimensions, and skips what publishes nothing', async () => {
    cloudwatch.on(ListMetricsCommand).resolves({ Metrics: [] });
    cloudwatch.on(GetMetricDataCommand).callsFake(answerEveryQuery);
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    const nat = (id: string, state: string): Resource => ({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:natgateway/${id}`,
      type: 'ec2:nat-gateway',
      account: ACCOUNT,
      region: 'us-east-1',
      name: id,
      tags: {},
      config: { state, connectivityType: 'public' },
    });
    const eip: Resource = { arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:elastic-ip/eipalloc-1`, type: 'ec2:elastic-ip', account: ACCOUNT, region: 'us-east-1', name: 'ip', tags: {}, config: { publicIp: '198.51.100.1', allocationId: 'eipalloc-1' } };
    await context.store.putResources([loadBalancer('application'), nat('nat-05dba92075d71c408', 'available'), nat('nat-0deleting', 'deleting'), eip]);

    await collectMetrics(context);

    const queries = cloudwatch.commandCalls(GetMetricDataCommand).flatMap((c) => c.args[0].input.MetricDataQueries ?? []);
    const asked = queries.map((q) => `${q.MetricStat?.Metric?.Namespace}:${q.MetricStat?.Metric?.MetricName}/${q.MetricStat?.Stat}=${q.MetricStat?.Metric?.Dimensions?.map((d) => d.Value).join(',')}`);
    expect(asked.sort()).toEqual([
      'AWS/ApplicationELB:HTTPCode_ELB_5XX_Count/Sum=app/web/50dc6c495c0c9188',
      'AWS/ApplicationELB:HTTPCode_Target_5XX_Count/Sum=app/web/50dc6c495c0c9188',
      'AWS/ApplicationELB:RequestCount/Sum=app/web/50dc6c495c0c9188',
      'AWS/ApplicationELB:TargetResponseTime/p95=app/web/50dc6c495c0c9188',
      'AWS/ApplicationELB:TargetResponseTime/p99=app/web/50dc6c495c0c9188',
      'AWS/NATGateway:ActiveConnectionCount/Maximum=nat-05dba92075d71c408',
      'AWS/NATGateway:BytesInFromDestination/Sum=nat-05dba92075d71c408',
      'AWS/NATGateway:BytesInFromSource/Sum=nat-05dba92075d71c408',
    ]);
    expect(metricSpecsFor(loadBalancer('network')).map((s) => `${s.namespace}:${s.metricName}`)).toEqual(['AWS/NetworkELB:NewFlowCount', 'AWS/NetworkELB:ActiveFlowCount']);
  });
});
