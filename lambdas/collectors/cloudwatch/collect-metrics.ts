import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricSeries, Resource } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { metricCatalogue, publishesMetrics, type MetricSpec } from './metric-catalogue.js';
import { getMetricDataMerged, MAX_QUERIES_PER_CALL } from './merge-metric-pages.js';
import { metricWindow, type MetricWindow } from './metric-window.js';

interface PlannedQuery {
  resource: Resource;
  spec: MetricSpec;
}

/**
 * CloudWatch metrics for every inventoried EC2 instance, EBS volume and Lambda function (the
 * inventory collector runs first): one MetricDataQuery per (resource, metric, statistic), packed 500
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
      const planned = planQueries(resources);
      for (let offset = 0; offset < planned.length; offset += MAX_QUERIES_PER_CALL) {
        const batch = planned.slice(offset, offset + MAX_QUERIES_PER_CALL);
        await collectUnit(report, { account, region }, ports, async () => {
          const { results, metricsReturned, messages } = await getMetricDataMerged(port, batch.map((q, i) => toQuery(q, i, window)), window);
          report.countBillable('cloudwatch:metrics', metricsReturned);
          for (const message of messages) report.addIssue({ account, region, code: 'GetMetricDataMessage', message });
          const series: MetricSeries[] = [];
          batch.forEach((query, i) => {
            const result = results.get(queryId(i));
            if (result === undefined) return;
            if (result.status === 'Forbidden' || result.status === 'InternalError' || result.status === 'PartialData') {
              report.addIssue({
                account,
                region,
                code: `GetMetricData${result.status}`,
                message: `${query.spec.metricName} ${query.spec.stat} of ${query.resource.arn}: ${result.messages.join('; ') || result.status}`,
              });
              if (result.status !== 'PartialData') return;
            }
            if (result.timestamps.length === 0) return;
            series.push({
              resourceArn: query.resource.arn,
              namespace: query.spec.namespace,
              metricName: query.spec.metricName,
              stat: query.spec.stat,
              unit: query.spec.unit,
              periodSec: window.periodSec,
              timestamps: result.timestamps,
              values: result.values,
            });
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

function planQueries(resources: Resource[]): PlannedQuery[] {
  return resources.flatMap((resource) => (metricCatalogue[resource.type] ?? []).map((spec) => ({ resource, spec })));
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
        Namespace: query.spec.namespace,
        MetricName: query.spec.metricName,
        Dimensions: query.spec.dimensions(query.resource),
      },
      Period: window.periodSec,
      Stat: query.spec.stat,
    },
    ReturnData: true,
  };
}
