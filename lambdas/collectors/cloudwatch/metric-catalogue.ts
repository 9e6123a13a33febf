import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { Resource, ResourceType } from '../../engine/types/snapshot.js';
import { storageDataMetricCatalogue } from './storage-data-metrics.js';

/** One statistic of one metric, without its dimensions. */
export interface MetricStatSpec {
  namespace: string;
  metricName: string;
  /** A CloudWatch statistic (Average, Maximum, Minimum, Sum) or an extended statistic (p95, p99). */
  stat: string;
  unit: string;
}

/** A metric statistic every resource of a type publishes, at dimensions known from the resource itself. */
export interface MetricSpec extends MetricStatSpec {
  dimensions(resource: Resource): Dimension[];
  /** Limits the spec to some resources of the type (ALB vs NLB metrics, provisioned DynamoDB tables). */
  appliesTo?(resource: Resource): boolean;
}

/**
 * Metrics only some resources publish, from an agent or an opt-in feature (CloudWatch agent memory, Lambda
 * Insights), under a dimension set the resource does not tell us (the agent appends ImageId, InstanceType,
 * AutoScalingGroupName as configured; GetMetricData only matches the exact set). One ListMetrics listing
 * of `probeMetric` per region finds which resources publish the family and with which dimensions; asking
 * GetMetricData blindly would bill $0.01 per 1,000 queries for metrics that do not exist.
 */
export interface OptionalMetricFamily {
  type: ResourceType;
  namespace: string;
  probeMetric: string;
  /** The dimension that names the resource, and its value for a resource. */
  keyDimension: string;
  keyOf(resource: Resource): string;
  metrics: { metricName: string; stat: string; unit: string }[];
}

const lastArnSegment = (resource: Resource): string => resource.arn.split('/').pop() ?? resource.name;
/** ELBv2 metric dimension `LoadBalancer`: the ARN's tail, e.g. app/my-alb/50dc6c495c0c9188. */
const loadBalancerDimension = (resource: Resource): string => resource.arn.split(':loadbalancer/')[1] ?? resource.name;

function family(namespace: string, dimensionName: string, valueOf: (resource: Resource) => string, appliesTo?: (resource: Resource) => boolean) {
  return (metricName: string, stat: string, unit: string): MetricSpec => ({
    namespace,
    metricName,
    stat,
    unit,
    dimensions: (r) => [{ Name: dimensionName, Value: valueOf(r) }],
    ...(appliesTo ? { appliesTo } : {}),
  });
}

const ec2 = family('AWS/EC2', 'InstanceId', lastArnSegment);
const ebs = family('AWS/EBS', 'VolumeId', lastArnSegment);
const lambda = family('AWS/Lambda', 'FunctionName', (r) => r.name);
const rds = family('AWS/RDS', 'DBInstanceIdentifier', (r) => r.name);
const dynamodb = family('AWS/DynamoDB', 'TableName', (r) => r.name);
const provisionedTable = family('AWS/DynamoDB', 'TableName', (r) => r.name, (r) => r.config.billingMode === 'PROVISIONED');
const alb = family('AWS/ApplicationELB', 'LoadBalancer', loadBalancerDimension, (r) => r.config.lbType === 'application');
const nlb = family('AWS/NetworkELB', 'LoadBalancer', loadBalancerDimension, (r) => r.config.lbType === 'network');
const nat = family('AWS/NATGateway', 'NatGatewayId', lastArnSegment);
/** REST APIs publish under `ApiName` (so two REST APIs with one name share their metrics); HTTP and WebSocket APIs under `ApiId`. */
const restApi = family('AWS/ApiGateway', 'ApiName', (r) => r.name, (r) => r.config.protocol === 'REST');
const httpApi = family('AWS/ApiGateway', 'ApiId', lastArnSegment, (r) => r.config.protocol === 'HTTP');
const webSocketApi = family('AWS/ApiGateway', 'ApiId', lastArnSegment, (r) => r.config.protocol === 'WEBSOCKET');
/** Provisioned IOPS (io1) databases only: rds/io1-to-gp3 is the one rule reading IOPS, so others are not billed for them. */
const provisionedIopsDb = family('AWS/RDS', 'DBInstanceIdentifier', (r) => r.name, (r) => r.config.storageType === 'io1');
/** ECS service metrics are published under both ClusterName and ServiceName. */
const ecsService = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/ECS',
  metricName,
  stat,
  unit,
  dimensions: (r) => [
    { Name: 'ClusterName', Value: String(r.config.clusterName) },
    { Name: 'ServiceName', Value: String(r.config.serviceName) },
  ],
});
/** Cluster-level ElastiCache metrics (dimension CacheClusterId alone aggregates the cluster's nodes). */
const redisCache = family('AWS/ElastiCache', 'CacheClusterId', (r) => r.name, (r) => r.config.engine !== 'memcached');
const memcachedCache = family('AWS/ElastiCache', 'CacheClusterId', (r) => r.name, (r) => r.config.engine === 'memcached');

/**
 * What the collector fetches per resource type, each the statistic a rule reads (5-minute periods up to a
 * 63-day lookback, hourly beyond):
 * - EC2: CPUUtilization Average (sizing reads a high quantile of the averages) and Maximum (the peak within
 *   each period, as Compute Optimizer reads it); NetworkIn/Out Sum (Trusted Advisor's idle test is on daily
 *   bytes); DiskReadOps/DiskWriteOps Sum (instance-store I/O).
 * - EBS: VolumeRead/WriteOps Sum (IOPS = ops / period), VolumeRead/WriteBytes Sum (throughput = bytes /
 *   period), VolumeTotalRead/WriteTime Sum (latency = time / ops), VolumeQueueLength Average.
 * - Lambda: Duration Average, p99 and Maximum (memory tuning, timeout headroom); Invocations, Errors,
 *   Throttles Sum; ConcurrentExecutions Maximum.
 * - RDS: CPUUtilization Average and Maximum, DatabaseConnections Maximum (idle: none), FreeableMemory Minimum (the
 *   working set); ReadIOPS and WriteIOPS Average only on io1 storage (rds/io1-to-gp3).
 * - ECS services (ClusterName + ServiceName): CPUUtilization and MemoryUtilization Maximum (the busiest task).
 * - ElastiCache (CacheClusterId): CurrConnections Maximum (idle); Redis OSS and Valkey EngineCPUUtilization and
 *   DatabaseMemoryUsagePercentage Maximum; Memcached CPUUtilization and BytesUsedForCacheItems Maximum.
 * - DynamoDB: ConsumedRead/WriteCapacityUnits Sum (units/s = Sum / period); for provisioned tables also
 *   ProvisionedRead/WriteCapacityUnits Average (what autoscaling actually set).
 * - ALB: RequestCount Sum, TargetResponseTime p95 and p99, HTTPCode_Target_5XX_Count and
 *   HTTPCode_ELB_5XX_Count Sum. NLB: NewFlowCount Sum, ActiveFlowCount Average.
 * - NAT gateway: BytesInFromSource and BytesInFromDestination Sum (the bytes it processes, one per direction: idle
 *   = none, and the per-GB processing charge), ActiveConnectionCount Maximum.
 * - API Gateway REST (`ApiName`): Latency Average, p95 and p99, Count, 4XXError and 5XXError Sum. HTTP (`ApiId`):
 *   the same under the names Latency, Count, 4xx and 5xx. WebSocket (`ApiId`): MessageCount, ClientError and
 *   ExecutionError Sum, IntegrationLatency p99 (a WebSocket API publishes no Latency or Count).
 */
export const metricCatalogue: Partial<Record<ResourceType, MetricSpec[]>> = {
  // S3, Kinesis, SQS, Step Functions: storage-data-metrics.ts.
  ...storageDataMetricCatalogue,
  'ec2:instance': [
    ec2('CPUUtilization', 'Average', 'Percent'),
    ec2('CPUUtilization', 'Maximum', 'Percent'),
    ec2('NetworkIn', 'Sum', 'Bytes'),
    ec2('NetworkOut', 'Sum', 'Bytes'),
    ec2('DiskReadOps', 'Sum', 'Count'),
    ec2('DiskWriteOps', 'Sum', 'Count'),
  ],
  // Only the operation counts the EBS rules read (observed IOPS). Latency and queue length matter when a change is
  // validated, and the apply workflow fetches them then for the one volume; collecting them daily for every volume
  // would be the largest line of Headroom's own bill (5 more metrics per volume).
  'ebs:volume': [ebs('VolumeReadOps', 'Sum', 'Count'), ebs('VolumeWriteOps', 'Sum', 'Count')],
  'lambda:function': [
    lambda('Duration', 'Average', 'Milliseconds'),
    lambda('Duration', 'p99', 'Milliseconds'),
    lambda('Duration', 'Maximum', 'Milliseconds'),
    lambda('Invocations', 'Sum', 'Count'),
    lambda('Errors', 'Sum', 'Count'),
    lambda('Throttles', 'Sum', 'Count'),
    lambda('ConcurrentExecutions', 'Maximum', 'Count'),
  ],
  'rds:db-instance': [
    rds('CPUUtilization', 'Average', 'Percent'),
    rds('CPUUtilization', 'Maximum', 'Percent'),
    rds('DatabaseConnections', 'Maximum', 'Count'),
    rds('FreeableMemory', 'Minimum', 'Bytes'),
    provisionedIopsDb('ReadIOPS', 'Average', 'Count/Second'),
    provisionedIopsDb('WriteIOPS', 'Average', 'Count/Second'),
  ],
  'ecs:service': [ecsService('CPUUtilization', 'Maximum', 'Percent'), ecsService('MemoryUtilization', 'Maximum', 'Percent')],
  'elasticache:cluster': [
    redisCache('CurrConnections', 'Maximum', 'Count'),
    redisCache('EngineCPUUtilization', 'Maximum', 'Percent'),
    redisCache('DatabaseMemoryUsagePercentage', 'Maximum', 'Percent'),
    memcachedCache('CurrConnections', 'Maximum', 'Count'),
    memcachedCache('CPUUtilization', 'Maximum', 'Percent'),
    memcachedCache('BytesUsedForCacheItems', 'Maximum', 'Bytes'),
  ],
  'dynamodb:table': [
    dynamodb('ConsumedReadCapacityUnits', 'Sum', 'Count'),
    dynamodb('ConsumedWriteCapacityUnits', 'Sum', 'Count'),
    provisionedTable('ProvisionedReadCapacityUnits', 'Average', 'Count'),
    provisionedTable('ProvisionedWriteCapacityUnits', 'Average', 'Count'),
  ],
  'elb:load-balancer': [
    alb('RequestCount', 'Sum', 'Count'),
    alb('TargetResponseTime', 'p95', 'Seconds'),
    alb('TargetResponseTime', 'p99', 'Seconds'),
    alb('HTTPCode_Target_5XX_Count', 'Sum', 'Count'),
    alb('HTTPCode_ELB_5XX_Count', 'Sum', 'Count'),
    nlb('NewFlowCount', 'Sum', 'Count'),
    nlb('ActiveFlowCount', 'Average', 'Count'),
  ],
  'ec2:nat-gateway': [
    nat('BytesInFromSource', 'Sum', 'Bytes'),
    nat('BytesInFromDestination', 'Sum', 'Bytes'),
    nat('ActiveConnectionCount', 'Maximum', 'Count'),
  ],
  'apigateway:api': [
    restApi('Latency', 'Average', 'Milliseconds'),
    restApi('Latency', 'p95', 'Milliseconds'),
    restApi('Latency', 'p99', 'Milliseconds'),
    restApi('Count', 'Sum', 'Count'),
    restApi('4XXError', 'Sum', 'Count'),
    restApi('5XXError', 'Sum', 'Count'),
    httpApi('Latency', 'Average', 'Milliseconds'),
    httpApi('Latency', 'p95', 'Milliseconds'),
    httpApi('Latency', 'p99', 'Milliseconds'),
    httpApi('Count', 'Sum', 'Count'),
    httpApi('4xx', 'Sum', 'Count'),
    httpApi('5xx', 'Sum', 'Count'),
    webSocketApi('MessageCount', 'Sum', 'Count'),
    webSocketApi('ClientError', 'Sum', 'Count'),
    webSocketApi('ExecutionError', 'Sum', 'Count'),
    webSocketApi('IntegrationLatency', 'p99', 'Milliseconds'),
  ],
};

/**
 * Agent and opt-in metrics, fetched only where ListMetrics shows them:
 * - CWAgent mem_used_percent Average and Maximum (EC2 memory; CPU alone cannot size a memory-bound box).
 * - LambdaInsights memory_utilization and used_memory_max Maximum, cpu_total_time Average (memory tuning
 *   from what a function actually uses).
 */
export const optionalMetricFamilies: OptionalMetricFamily[] = [
  {
    type: 'ec2:instance',
    namespace: 'CWAgent',
    probeMetric: 'mem_used_percent',
    keyDimension: 'InstanceId',
    keyOf: lastArnSegment,
    metrics: [
      { metricName: 'mem_used_percent', stat: 'Average', unit: 'Percent' },
      { metricName: 'mem_used_percent', stat: 'Maximum', unit: 'Percent' },
    ],
  },
  {
    type: 'lambda:function',
    namespace: 'LambdaInsights',
    probeMetric: 'memory_utilization',
    keyDimension: 'function_name',
    keyOf: (r) => r.name,
    metrics: [
      { metricName: 'memory_utilization', stat: 'Maximum', unit: 'Percent' },
      { metricName: 'used_memory_max', stat: 'Maximum', unit: 'Megabytes' },
      { metricName: 'cpu_total_time', stat: 'Average', unit: 'Milliseconds' },
    ],
  },
];

/** The catalogue's specs that apply to one resource. */
export function metricSpecsFor(resource: Resource): MetricSpec[] {
  return (metricCatalogue[resource.type] ?? []).filter((spec) => spec.appliesTo?.(resource) ?? true);
}

/**
 * Whether a resource publishes metrics worth asking for: stopped instances, unattached volumes, stopped
 * databases, NAT gateways that are not available and load balancers that are not active publish none,
 * so querying them would only cost money ($0.01 per 1,000 metrics requested).
 */
export function publishesMetrics(resource: Resource): boolean {
  switch (resource.type) {
    case 'ec2:instance':
      return resource.config.state === 'running';
    case 'ebs:volume':
      return resource.config.state === 'in-use';
    case 'rds:db-instance':
      return resource.config.status === 'available';
    case 'ec2:nat-gateway':
      return resource.config.state === 'available';
    case 'elb:load-balancer':
      return resource.config.state === 'active' || resource.config.state === 'active_impaired';
    case 'ecs:service':
      return resource.config.status === 'ACTIVE' && Number(resource.config.desiredCount) > 0;
    case 'elasticache:cluster':
      return resource.config.status === 'available';
    default:
      return resource.type in metricCatalogue;
  }
}
