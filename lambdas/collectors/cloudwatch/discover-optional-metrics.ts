import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { Resource } from '../../engine/types/snapshot.js';
import type { CloudWatchPort } from '../ports.js';
import { optionalMetricFamilies, type OptionalMetricFamily } from './metric-catalogue.js';
import type { PlannedQuery } from './planned-query.js';

/**
 * Queries for the agent and opt-in metrics (CWAgent memory, Lambda Insights) of the resources that publish
 * them: per family with candidate resources, one ListMetrics listing of its probe metric (NextToken pages
 * of up to 500; ListMetrics returns metrics with data in the last two weeks) gives, per resource, the exact
 * dimension set to query. A resource published under several sets (agent reconfigured) is queried under the
 * smallest one, so each metric is asked for once.
 */
export async function discoverOptionalQueries(port: CloudWatchPort, resources: readonly Resource[]): Promise<PlannedQuery[]> {
  const planned: PlannedQuery[] = [];
  for (const metricFamily of optionalMetricFamilies) {
    const candidates = resources.filter((r) => r.type === metricFamily.type);
    if (candidates.length === 0) continue;
    const dimensionsByKey = await listPublished(port, metricFamily);
    for (const resource of candidates) {
      const dimensions = dimensionsByKey.get(metricFamily.keyOf(resource));
      if (dimensions === undefined) continue;
      for (const metric of metricFamily.metrics) planned.push({ resource, metric: { namespace: metricFamily.namespace, ...metric }, dimensions });
    }
  }
  return planned;
}

async function listPublished(port: CloudWatchPort, metricFamily: OptionalMetricFamily): Promise<Map<string, Dimension[]>> {
  const byKey = new Map<string, Dimension[]>();
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await port.listMetrics({ Namespace: metricFamily.namespace, MetricName: metricFamily.probeMetric, NextToken: nextToken });
    for (const metric of page.Metrics ?? []) {
      const dimensions = metric.Dimensions ?? [];
      const key = dimensions.find((d) => d.Name === metricFamily.keyDimension)?.Value;
      if (key === undefined) continue;
      const known = byKey.get(key);
      if (known === undefined || dimensions.length < known.length) byKey.set(key, dimensions);
    }
    nextToken = page.NextToken || undefined;
    if (nextToken !== undefined) {
      if (seenTokens.has(nextToken)) throw new Error('ListMetrics returned the same NextToken twice; stopping to avoid an endless loop');
      seenTokens.add(nextToken);
    }
  } while (nextToken !== undefined);
  return byKey;
}
