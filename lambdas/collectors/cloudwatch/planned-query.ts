import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { Resource } from '../../engine/types/snapshot.js';
import type { MetricStatSpec } from './metric-catalogue.js';

/** One MetricDataQuery to make: a statistic of a metric of a resource, at exact dimensions. */
export interface PlannedQuery {
  resource: Resource;
  metric: MetricStatSpec;
  dimensions: Dimension[];
}
