import type { Dimension } from '@aws-sdk/client-cloudwatch';
import { metricCatalogue as engineCatalogue, type CatalogueMetric } from '../../engine/metrics/metric-catalogue.js';
import type { Resource, ResourceType } from '../../engine/types/snapshot.js';

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

/** What the collector fetches per resource type: the engine's metric catalogue, one spec per statistic. */
export const metricCatalogue: Partial<Record<ResourceType, MetricSpec[]>> = Object.fromEntries(
  Object.entries(engineCatalogue).map(([type, metrics]) => [type, metrics.flatMap(specsOf)]),
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
    default:
      return resource.type in metricCatalogue;
  }
}
