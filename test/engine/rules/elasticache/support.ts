// ElastiCache cluster fixtures shared by the ElastiCache rule tests (not a test file itself).
import type { Resource } from '../../../../lambdas/engine/types/snapshot.js';
import { resource, series } from '../fixtures.js';

export function cacheCluster(config: Record<string, unknown> = {}): Resource {
  return resource('elasticache:cluster', 'sessions-001', { engine: 'redis', engineVersion: '7.1.0', nodeType: 'cache.r5.xlarge', numNodes: 1, status: 'available', ...config });
}

export const cacheMetric = (arn: string, metricName: string, fn: (i: number) => number, unit = 'Percent', days = 14) =>
  series(arn, metricName, 'Maximum', fn, { days, namespace: 'AWS/ElastiCache', unit });
