import type { Resource, ResourceType } from '../types/snapshot.js';

/**
 * The one list of CloudWatch metrics Headroom knows: what the CloudWatch collector asks for (per resource type, at
 * which dimension, which statistics), what the anomaly scan reads (`incident`), and each metric's unit, which gives
 * the physical range a snapshot's values are checked against (metric-range.ts). Pure data: the collector turns
 * entries into GetMetricData queries (collectors/cloudwatch/metric-catalogue.ts), the engine reads the rest.
 */

/** How the anomaly scan reads a metric: the statistics it prefers (first collected wins), and whether only a rise is news. */
export interface IncidentRole {
  stats: readonly string[];
  /** Fewer errors, throttles or a shorter latency than usual is not an incident: only alerts above the median count. */
  riseOnly: boolean;
}

/** One metric of a resource type, published at a dimension the resource itself names. */
export interface CatalogueMetric {
  namespace: string;
  metricName: string;
  /** The CloudWatch unit AWS publishes it in (StandardUnit). */
  unit: string;
  /** The statistics collected, each one GetMetricData query (a CloudWatch statistic or an extended one: p95, p99). */
  stats: readonly string[];
  dimensionName: string;
  dimensionValue(resource: Resource): string;
  /** Limits the metric to some resources of the type (ALB vs NLB, provisioned DynamoDB tables, REST vs HTTP APIs). */
  appliesTo?(resource: Resource): boolean;
  /** Present when the anomaly scan reads this metric. */
  incident?: IncidentRole;
  /** A ceiling AWS documents for this metric, tighter than its unit's (metric-range.ts). */
  max?: number;
}

/**
 * Metrics only some resources publish, from an agent or an opt-in feature (CloudWatch agent memory, Lambda
 * Insights), under a dimension set the resource does not tell us (the agent appends ImageId, InstanceType,
 * AutoScalingGroupName as configured; GetMetricData only matches the exact set). One ListMetrics listing of
 * `probeMetric` per region finds which resources publish the family and with which dimensions.
 */
export interface OptionalMetricFamily {
  type: ResourceType;
  namespace: string;
  probeMetric: string;
  /** The dimension that names the resource, and its value for a resource. */
  keyDimension: string;
  keyOf(resource: Resource): string;
  metrics: { metricName: string; stat: string; unit: string; incident?: IncidentRole }[];
}

const lastArnSegment = (resource: Resource): string => resource.arn.split('/').pop() ?? resource.name;
/** ELBv2 metric dimension `LoadBalancer`: the ARN's tail, e.g. app/my-alb/50dc6c495c0c9188. */
const loadBalancerDimension = (resource: Resource): string => resource.arn.split(':loadbalancer/')[1] ?? resource.name;
const nameOf = (resource: Resource): string => resource.name;

type Extra = Pick<CatalogueMetric, 'incident' | 'max'>;

function family(namespace: string, dimensionName: string, dimensionValue: (resource: Resource) => string, appliesTo?: (resource: Resource) => boolean) {
  return (metricName: string, stats: readonly string[], unit: string, extra: Extra = {}): CatalogueMetric => ({
    namespace,
    metricName,
    unit,
    stats,
    dimensionName,
    dimensionValue,
    ...(appliesTo ? { appliesTo } : {}),
    ...extra,
  });
}

const ec2 = family('AWS/EC2', 'InstanceId', lastArnSegment);
const ebs = family('AWS/EBS', 'VolumeId', lastArnSegment);
const lambda = family('AWS/Lambda', 'FunctionName', nameOf);
const rds = family('AWS/RDS', 'DBInstanceIdentifier', nameOf);
const dynamodb = family('AWS/DynamoDB', 'TableName', nameOf);
const provisionedTable = family('AWS/DynamoDB', 'TableName', nameOf, (r) => r.config.billingMode === 'PROVISIONED');
const alb = family('AWS/ApplicationELB', 'LoadBalancer', loadBalancerDimension, (r) => r.config.lbType === 'application');
const nlb = family('AWS/NetworkELB', 'LoadBalancer', loadBalancerDimension, (r) => r.config.lbType === 'network');
const nat = family('AWS/NATGateway', 'NatGatewayId', lastArnSegment);
/** REST APIs publish under `ApiName` (so two REST APIs with one name share their metrics); HTTP and WebSocket APIs under `ApiId`. */
const restApi = family('AWS/ApiGateway', 'ApiName', nameOf, (r) => r.config.protocol === 'REST');
const httpApi = family('AWS/ApiGateway', 'ApiId', lastArnSegment, (r) => r.config.protocol === 'HTTP');
const webSocketApi = family('AWS/ApiGateway', 'ApiId', lastArnSegment, (r) => r.config.protocol === 'WEBSOCKET');

/** Saturation: a change either way is news (CPU falling to zero is an outage as often as a rise is one). */
const saturation = (...stats: string[]): Extra => ({ incident: { stats, riseOnly: false } });
/** Latency, errors and throttles: only a rise is an incident. */
const rising = (...stats: string[]): Extra => ({ incident: { stats, riseOnly: true } });

/** Lambda's longest timeout is 900 s: no invocation's Duration can be longer. */
const LAMBDA_MAX_DURATION_MS = 900_000;

/**
 * What is collected per resource type, each the statistic a rule or the anomaly scan reads (5-minute periods up to a
 * 63-day lookback, hourly beyond):
 * - EC2: CPUUtilization Average (sizing reads a high quantile of the averages) and Maximum (the peak within each
 *   period, as Compute Optimizer reads it); NetworkIn/Out Sum (Trusted Advisor's idle test is on daily bytes);
 *   DiskReadOps/DiskWriteOps Sum (instance-store I/O).
 * - EBS: only the operation counts the EBS rules read (observed IOPS). Latency and queue length matter when a change
 *   is validated, and the apply workflow fetches them then for the one volume; collecting them daily for every volume
 *   would be the largest line of Headroom's own bill (5 more metrics per volume).
 * - Lambda: Duration Average, p99 and Maximum (memory tuning, timeout headroom); Invocations, Errors, Throttles Sum;
 *   ConcurrentExecutions Maximum.
 * - RDS: CPUUtilization Average and Maximum, DatabaseConnections Maximum (idle: none), FreeableMemory Minimum.
 * - DynamoDB: ConsumedRead/WriteCapacityUnits Sum (units/s = Sum / period); for provisioned tables also
 *   ProvisionedRead/WriteCapacityUnits Average (what autoscaling actually set); Read/WriteThrottleEvents Sum, the
 *   throttling a table publishes under `TableName` alone (ThrottledRequests and SystemErrors are published per
 *   `Operation` as well, UserErrors per region only: none of them can be asked for by table name).
 * - ALB: RequestCount Sum, TargetResponseTime p95 and p99, HTTPCode_Target_5XX_Count and HTTPCode_ELB_5XX_Count Sum.
 *   NLB: NewFlowCount Sum, ActiveFlowCount Average.
 * - NAT gateway: BytesInFromSource and BytesInFromDestination Sum (the bytes it processes, one per direction: idle
 *   = none, and the per-GB processing charge), ActiveConnectionCount Maximum.
 * - API Gateway REST (`ApiName`): Latency Average, p95 and p99, Count, 4XXError and 5XXError Sum. HTTP (`ApiId`): the
 *   same under the names Latency, Count, 4xx and 5xx. WebSocket (`ApiId`): MessageCount, ClientError and
 *   ExecutionError Sum, IntegrationLatency p99 (a WebSocket API publishes no Latency or Count).
 *
 * The anomaly scan (`incident`) reads the metrics that signal an incident (saturation, latency, errors, throttles),
 * one statistic each: volume and usage metrics (bytes, operations, invocations, requests, consumed capacity,
 * connections) are left out, since a change in traffic is not an incident by itself and its cost shows up in the
 * cost anomalies.
 */
export const metricCatalogue: Partial<Record<ResourceType, readonly CatalogueMetric[]>> = {
  'ec2:instance': [
    ec2('CPUUtilization', ['Average', 'Maximum'], 'Percent', saturation('Average', 'Maximum')),
    ec2('NetworkIn', ['Sum'], 'Bytes'),
    ec2('NetworkOut', ['Sum'], 'Bytes'),
    ec2('DiskReadOps', ['Sum'], 'Count'),
    ec2('DiskWriteOps', ['Sum'], 'Count'),
  ],
  'ebs:volume': [ebs('VolumeReadOps', ['Sum'], 'Count'), ebs('VolumeWriteOps', ['Sum'], 'Count')],
  'lambda:function': [
    lambda('Duration', ['Average', 'p99', 'Maximum'], 'Milliseconds', { ...rising('Average', 'p99', 'Maximum'), max: LAMBDA_MAX_DURATION_MS }),
    lambda('Invocations', ['Sum'], 'Count'),
    lambda('Errors', ['Sum'], 'Count', rising('Sum')),
    lambda('Throttles', ['Sum'], 'Count', rising('Sum')),
    lambda('ConcurrentExecutions', ['Maximum'], 'Count'),
  ],
  'rds:db-instance': [
    rds('CPUUtilization', ['Average', 'Maximum'], 'Percent', saturation('Average', 'Maximum')),
    rds('DatabaseConnections', ['Maximum'], 'Count'),
    rds('FreeableMemory', ['Minimum'], 'Bytes'),
  ],
  'dynamodb:table': [
    dynamodb('ConsumedReadCapacityUnits', ['Sum'], 'Count'),
    dynamodb('ConsumedWriteCapacityUnits', ['Sum'], 'Count'),
    provisionedTable('ProvisionedReadCapacityUnits', ['Average'], 'Count'),
    provisionedTable('ProvisionedWriteCapacityUnits', ['Average'], 'Count'),
    dynamodb('ReadThrottleEvents', ['Sum'], 'Count', rising('Sum')),
    dynamodb('WriteThrottleEvents', ['Sum'], 'Count', rising('Sum')),
  ],
  'elb:load-balancer': [
    alb('RequestCount', ['Sum'], 'Count'),
    alb('TargetResponseTime', ['p95', 'p99'], 'Seconds', rising('p95', 'p99', 'Average')),
    alb('HTTPCode_Target_5XX_Count', ['Sum'], 'Count', rising('Sum')),
    alb('HTTPCode_ELB_5XX_Count', ['Sum'], 'Count', rising('Sum')),
    nlb('NewFlowCount', ['Sum'], 'Count'),
    nlb('ActiveFlowCount', ['Average'], 'Count'),
  ],
  'ec2:nat-gateway': [
    nat('BytesInFromSource', ['Sum'], 'Bytes'),
    nat('BytesInFromDestination', ['Sum'], 'Bytes'),
    nat('ActiveConnectionCount', ['Maximum'], 'Count'),
  ],
  'apigateway:api': [
    restApi('Latency', ['Average', 'p95', 'p99'], 'Milliseconds', rising('Average', 'p99', 'Maximum')),
    restApi('Count', ['Sum'], 'Count'),
    restApi('4XXError', ['Sum'], 'Count'),
    restApi('5XXError', ['Sum'], 'Count', rising('Sum')),
    httpApi('Latency', ['Average', 'p95', 'p99'], 'Milliseconds', rising('Average', 'p99', 'Maximum')),
    httpApi('Count', ['Sum'], 'Count'),
    httpApi('4xx', ['Sum'], 'Count'),
    httpApi('5xx', ['Sum'], 'Count', rising('Sum')),
    webSocketApi('MessageCount', ['Sum'], 'Count'),
    webSocketApi('ClientError', ['Sum'], 'Count'),
    webSocketApi('ExecutionError', ['Sum'], 'Count', rising('Sum')),
    webSocketApi('IntegrationLatency', ['p99'], 'Milliseconds', rising('p99')),
  ],
};

/**
 * Agent and opt-in metrics, fetched only where ListMetrics shows them:
 * - CWAgent mem_used_percent Average and Maximum (EC2 memory; CPU alone cannot size a memory-bound box), scanned
 *   like CPU;
 * - LambdaInsights memory_utilization and used_memory_max Maximum, cpu_total_time Average (memory tuning from what a
 *   function actually uses).
 */
export const optionalMetricFamilies: readonly OptionalMetricFamily[] = [
  {
    type: 'ec2:instance',
    namespace: 'CWAgent',
    probeMetric: 'mem_used_percent',
    keyDimension: 'InstanceId',
    keyOf: lastArnSegment,
    metrics: [
      { metricName: 'mem_used_percent', stat: 'Average', unit: 'Percent', ...saturation('Average', 'Maximum') },
      { metricName: 'mem_used_percent', stat: 'Maximum', unit: 'Percent', ...saturation('Average', 'Maximum') },
    ],
  },
  {
    type: 'lambda:function',
    namespace: 'LambdaInsights',
    probeMetric: 'memory_utilization',
    keyDimension: 'function_name',
    keyOf: nameOf,
    metrics: [
      { metricName: 'memory_utilization', stat: 'Maximum', unit: 'Percent' },
      { metricName: 'used_memory_max', stat: 'Maximum', unit: 'Megabytes' },
      { metricName: 'cpu_total_time', stat: 'Average', unit: 'Milliseconds' },
    ],
  },
];

/** What Headroom knows of one metric (namespace and name), whatever resource publishes it. */
export interface KnownMetric {
  namespace: string;
  metricName: string;
  unit: string;
  /** Every statistic collected of it. */
  stats: readonly string[];
  incident?: IncidentRole;
  max?: number;
}

const metricKey = (namespace: string, metricName: string): string => `${namespace}/${metricName}`;

function knownMetrics(): Map<string, KnownMetric> {
  const known = new Map<string, KnownMetric>();
  const add = (metric: KnownMetric): void => {
    const key = metricKey(metric.namespace, metric.metricName);
    const seen = known.get(key);
    known.set(key, seen === undefined ? metric : { ...seen, stats: [...new Set([...seen.stats, ...metric.stats])] });
  };
  for (const metrics of Object.values(metricCatalogue)) {
    for (const { namespace, metricName, unit, stats, incident, max } of metrics) add({ namespace, metricName, unit, stats, incident, max });
  }
  for (const optional of optionalMetricFamilies) {
    for (const { metricName, stat, unit, incident } of optional.metrics) add({ namespace: optional.namespace, metricName, unit, stats: [stat], incident });
  }
  return known;
}

const KNOWN = knownMetrics();

/** The catalogue's entry for a metric, or undefined when Headroom does not collect it. */
export function knownMetric(namespace: string, metricName: string): KnownMetric | undefined {
  return KNOWN.get(metricKey(namespace, metricName));
}

/** Every metric the anomaly scan reads, with its preferred statistics. */
export function scannedMetrics(): KnownMetric[] {
  return [...KNOWN.values()].filter((metric) => metric.incident !== undefined);
}
