import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { seriesDefect } from '../../engine/types/snapshot-series-checks.js';
import type { MetricSeries, Resource } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { discoverOptionalQueries } from './discover-optional-metrics.js';
import { metricSpecsFor, publishesMetrics } from './metric-catalogue.js';
import { getMetricDataMerged, MAX_QUERIES_PER_CALL } from './merge-metric-pages.js';
import { metricWindow, type MetricWindow } from './metric-window.js';
import type { PlannedQuery } from './planned-query.js';

/**
 * CloudWatch metrics for every inventoried resource the catalogue covers (the inventory collector runs
 * first), plus the agent/opt-in metrics ListMetrics shows some of them publish (discover-optional-metrics.ts;
 * a denied ListMetrics is an issue, the catalogue metrics are still collected): one MetricDataQuery per
 * (resource, metric, statistic), packed 500
 * to a GetMetricData call, each call paged to the end and merged by query Id, written to the store
 * as engine MetricSeries (oldest first, epoch ms). `billable['cloudwatch:metrics']` counts the metric results returned
 * over all pages, the unit CloudWatch bills GetMetricData by ($0.01 per 1,000).
 */
export async function collectMetrics(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('cloudwatch');
  const window = metricWindow(context.now, context.lookbackDays);
  for (const account of context.accounts) {
    for (const region of context.regions) {
      const ports = context.portsFor(account, region);
      const port = countingPort(ports.cloudwatch, 'cloudwatch', report);
      const resources = (await context.store.listResources({ account, region })).filter(publishesMetrics);
      if (resources.length === 0) continue;
      const planned = planQueries(resources);
      await collectUnit(report, { account, region }, ports, async () => {
        planned.push(...(await discoverOptionalQueries(port, resources)));
      });
      for (let offset = 0; offset < planned.length; offset += MAX_QUERIES_PER_CALL) {
        const batch = planned.slice(offset, offset + MAX_QUERIES_PER_CALL);
        const affected = new Set(batch.map((q) => q.resource.arn)).size;
        await collectUnit(report, { account, region, resourcesAffected: affected }, ports, async () => {
          const { results, metricsReturned, messages } = await getMetricDataMerged(port, batch.map((q, i) => toQuery(q, i, window)), window);
          report.countBillable('cloudwatch:metrics', metricsReturned);
          for (const message of messages) report.addIssue({ account, region, ...GET_METRIC_DATA, code: 'GetMetricDataMessage', message });
          const series: MetricSeries[] = [];
          batch.forEach((query, i) => {
            const result = results.get(queryId(i));
            if (result === undefined) return;
            if (result.status === 'Forbidden' || result.status === 'InternalError' || result.status === 'PartialData') {
              report.addIssue({
                account,
                region,
                ...GET_METRIC_DATA,
                resourcesAffected: 1,
                code: `GetMetricData${result.status}`,
                message: `${query.metric.metricName} ${query.metric.stat} of ${query.resource.arn}: ${result.messages.join('; ') || result.status}`,
              });
              if (result.status !== 'PartialData') return;
            }
            if (result.timestamps.length === 0) return;
            const collected: MetricSeries = {
              resourceArn: query.resource.arn,
              namespace: query.metric.namespace,
              metricName: query.metric.metricName,
              stat: query.metric.stat,
              unit: query.metric.unit,
              periodSec: window.periodSec,
              timestamps: result.timestamps,
              values: result.values,
            };
            // The snapshot's rules (snapshot-series-checks.ts) at the edge: a series that breaks one is reported and
            // not stored, so the analysis neither turns it into money nor fails on reading it back.
            const defect = seriesDefect(collected);
            if (defect !== undefined) {
              report.addIssue({ account, region, ...GET_METRIC_DATA, resourcesAffected: 1, code: 'InvalidMetricData', message: `${query.metric.metricName} ${query.metric.stat} of ${query.resource.arn}: ${defect.message}; not stored` });
              return;
            }
            series.push(collected);
          });
          if (series.length > 0) await context.store.putSeries(series);
          report.countWritten('series', series.length);
        });
      }
    }
  }
  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}

/** The API the collector's own issues are about. */
const GET_METRIC_DATA = { service: 'cloudwatch', operation: 'GetMetricData' } as const;

function planQueries(resources: Resource[]): PlannedQuery[] {
  return resources.flatMap((resource) => metricSpecsFor(resource).map((spec) => ({ resource, metric: spec, dimensions: spec.dimensions(resource) })));
}

/** Query ids must match ^[a-z][a-zA-Z0-9_]*$ and be unique within one call. */
function queryId(index: number): string {
  return `q${index}`;
}

function toQuery(query: PlannedQuery, index: number, window: MetricWindow): MetricDataQuery {
  return {
    Id: queryId(index),
    MetricStat: {
      Metric: {
        Namespace: query.metric.namespace,
        MetricName: query.metric.metricName,
        Dimensions: query.dimensions,
      },
      Period: window.periodSec,
      Stat: query.metric.stat,
    },
    ReturnData: true,
  };
}
