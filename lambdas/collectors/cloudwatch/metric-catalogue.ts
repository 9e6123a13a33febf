import type { Dimension } from '@aws-sdk/client-cloudwatch';
import { metricCatalogue as engineCatalogue, type CatalogueMetric } from '../../engine/metrics/metric-catalogue.js';
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

export type { OptionalMetricFamily } from '../../engine/metrics/metric-catalogue.js';
export { optionalMetricFamilies } from '../../engine/metrics/metric-catalogue.js';

/** One GetMetricData query per (metric, statistic) of the catalogue (lambdas/engine/metrics/metric-catalogue.ts). */
function specsOf(metric: CatalogueMetric): MetricSpec[] {
  return metric.stats.map((stat) => ({
    namespace: metric.namespace,
    metricName: metric.metricName,
    stat,
    unit: metric.unit,
    dimensions: (resource) => [{ Name: metric.dimensionName, Value: metric.dimensionValue(resource) }],
    ...(metric.appliesTo ? { appliesTo: metric.appliesTo } : {}),
  }));
}

function family(namespace: string, dimensionName: string, valueOf: (resource: Resource) => string, appliesTo: (resource: Resource) => boolean) {
  return (metricName: string, stat: string, unit: string): MetricSpec => ({
    namespace,
    metricName,
    stat,
    unit,
    dimensions: (r) => [{ Name: dimensionName, Value: valueOf(r) }],
    appliesTo,
  });
}

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
 * Metrics the rules of the newer resource types read that the engine catalogue does not list yet (so the anomaly
 * scan does not read them and their values are range-checked by unit alone): RDS ReadIOPS/WriteIOPS Average on io1
 * storage; ECS service CPUUtilization and MemoryUtilization Maximum (the busiest task); ElastiCache CurrConnections
 * Maximum (idle), Redis OSS/Valkey EngineCPUUtilization and DatabaseMemoryUsagePercentage Maximum, Memcached
 * CPUUtilization and BytesUsedForCacheItems Maximum; S3, Kinesis, SQS and Step Functions (storage-data-metrics.ts).
 */
const collectorOnlyMetrics: Partial<Record<ResourceType, MetricSpec[]>> = {
  ...storageDataMetricCatalogue,
  'rds:db-instance': [provisionedIopsDb('ReadIOPS', 'Average', 'Count/Second'), provisionedIopsDb('WriteIOPS', 'Average', 'Count/Second')],
  'ecs:service': [ecsService('CPUUtilization', 'Maximum', 'Percent'), ecsService('MemoryUtilization', 'Maximum', 'Percent')],
  'elasticache:cluster': [
    redisCache('CurrConnections', 'Maximum', 'Count'),
    redisCache('EngineCPUUtilization', 'Maximum', 'Percent'),
    redisCache('DatabaseMemoryUsagePercentage', 'Maximum', 'Percent'),
    memcachedCache('CurrConnections', 'Maximum', 'Count'),
    memcachedCache('CPUUtilization', 'Maximum', 'Percent'),
    memcachedCache('BytesUsedForCacheItems', 'Maximum', 'Bytes'),
  ],
};

/** What the collector fetches per resource type: the engine's metric catalogue, one spec per statistic, then the collector-only metrics. */
export const metricCatalogue: Partial<Record<ResourceType, MetricSpec[]>> = Object.fromEntries(
  [...new Set([...Object.keys(engineCatalogue), ...Object.keys(collectorOnlyMetrics)])].map((type) => [
    type,
    [...(engineCatalogue[type as ResourceType] ?? []).flatMap(specsOf), ...(collectorOnlyMetrics[type as ResourceType] ?? [])],
  ]),
);

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
