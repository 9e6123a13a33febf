import { describe, expect, it } from 'vitest';
import { metricSpecsFor, optionalMetricFamilies } from '../../../lambdas/collectors/cloudwatch/metric-catalogue.js';
import { incidentSeries } from '../../../lambdas/engine/insights/reported-anomalies.js';
import { scannedMetrics } from '../../../lambdas/engine/metrics/metric-catalogue.js';
import type { MetricSeries, Resource, ResourceType } from '../../../lambdas/engine/types/snapshot.js';

const ACCOUNT = '111122223333';

function resource(type: ResourceType, arnTail: string, config: Record<string, unknown>): Resource {
  const service = type.split(':')[0];
  return { arn: `arn:aws:${service}:us-east-1:${ACCOUNT}:${arnTail}`, type, account: ACCOUNT, region: 'us-east-1', name: arnTail.split('/').pop() ?? arnTail, tags: {}, config };
}

/** One resource of every kind the collector asks CloudWatch about, each variant that changes the metrics. */
const RESOURCES: Resource[] = [
  resource('ec2:instance', 'instance/i-0abc', { instanceType: 'm5.large', state: 'running', volumeIds: [] }),
  resource('ebs:volume', 'volume/vol-0abc', { volumeType: 'gp3', sizeGiB: 100, state: 'in-use' }),
  resource('lambda:function', 'function:orders', { memoryMb: 512, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs20.x' }),
  resource('rds:db-instance', 'db:orders-db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available' }),
  resource('dynamodb:table', 'table/orders', { billingMode: 'PROVISIONED', readCapacityUnits: 10, writeCapacityUnits: 5 }),
  resource('dynamodb:table', 'table/events', { billingMode: 'PAY_PER_REQUEST' }),
  resource('elb:load-balancer', 'loadbalancer/app/web/50dc6c495c0c9188', { lbType: 'application', scheme: 'internet-facing', state: 'active' }),
  resource('elb:load-balancer', 'loadbalancer/net/edge/50dc6c495c0c9189', { lbType: 'network', scheme: 'internet-facing', state: 'active' }),
  resource('ec2:nat-gateway', 'natgateway/nat-0abc', { state: 'available' }),
  resource('apigateway:api', '/restapis/a1b2c3', { protocol: 'REST', apiId: 'a1b2c3' }),
  resource('apigateway:api', '/apis/h1t2t3', { protocol: 'HTTP', apiId: 'h1t2t3' }),
  resource('apigateway:api', '/apis/w1s2k3', { protocol: 'WEBSOCKET', apiId: 'w1s2k3' }),
];

/** Every series the collector would write for a resource: one per catalogue statistic, plus the optional families. */
function collectedSeries(r: Resource): MetricSeries[] {
  const specs = [
    ...metricSpecsFor(r),
    ...optionalMetricFamilies.filter((f) => f.type === r.type).flatMap((f) => f.metrics.map((m) => ({ namespace: f.namespace, ...m }))),
  ];
  return specs.map((spec) => ({ resourceArn: r.arn, namespace: spec.namespace, metricName: spec.metricName, stat: spec.stat, unit: spec.unit, periodSec: 300, timestamps: [0], values: [1] }));
}

const collected = RESOURCES.flatMap(collectedSeries);
const label = (s: { namespace: string; metricName: string; stat: string }) => `${s.namespace}/${s.metricName} ${s.stat}`;

describe('one metric catalogue for collection and the anomaly scan', () => {
  it('collects every metric the anomaly scan reads, in the statistic it prefers', () => {
    const collectedLabels = new Set(collected.map(label));
    const scanned = scannedMetrics().map((m) => label({ ...m, stat: m.incident?.stats[0] ?? '' }));
    expect(scanned.length).toBeGreaterThan(0);
    expect(scanned.filter((s) => !collectedLabels.has(s))).toEqual([]);
  });

  it('scans the error, throttle and latency metrics it collects: HTTP API 5xx, WebSocket errors, DynamoDB throttles', () => {
    const scanned = new Set(RESOURCES.flatMap((r) => incidentSeries(collectedSeries(r))).map(label));
    for (const expected of [
      'AWS/ApiGateway/5xx Sum',
      'AWS/ApiGateway/5XXError Sum',
      'AWS/ApiGateway/ExecutionError Sum',
      'AWS/DynamoDB/ReadThrottleEvents Sum',
      'AWS/DynamoDB/WriteThrottleEvents Sum',
      'AWS/Lambda/Errors Sum',
      'AWS/Lambda/Throttles Sum',
      'AWS/ApplicationELB/HTTPCode_Target_5XX_Count Sum',
      'AWS/EC2/CPUUtilization Average',
      'CWAgent/mem_used_percent Average',
    ]) {
      expect(scanned, expected).toContain(expected);
    }
  });

  it('scans one statistic per metric and no volume metric', () => {
    const perResource = RESOURCES.map((r) => incidentSeries(collectedSeries(r)).map(label));
    for (const labels of perResource) {
      const metrics = labels.map((l) => l.split(' ')[0]);
      expect(new Set(metrics).size).toBe(metrics.length);
    }
    const all = perResource.flat();
    for (const volume of ['NetworkIn', 'Invocations', 'ConsumedReadCapacityUnits', 'RequestCount', 'Count Sum', 'BytesInFromSource']) {
      expect(all.some((l) => l.includes(`/${volume}`))).toBe(false);
    }
  });
});
