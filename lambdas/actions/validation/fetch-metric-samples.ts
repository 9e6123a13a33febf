import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricsPort, ValidationMetric } from '../executors/executor.js';

/**
 * Reads one validation metric over a window with GetMetricData and returns its combined value per
 * timestamp. Pages through NextToken and merges each query's values by Id across pages (a query can
 * continue on the next page with StatusCode PartialData); at most 500 queries per call is never
 * reached (a metric has a handful of inputs).
 */
export interface MetricWindow {
  start: Date;
  end: Date;
  periodSeconds: number;
}

export async function fetchMetricSamples(metrics: MetricsPort, metric: ValidationMetric, window: MetricWindow): Promise<number[]> {
  const keys = Object.keys(metric.inputs);
  // Query ids must start with a lower-case letter and use [A-Za-z0-9_].
  const queries: MetricDataQuery[] = keys.map((key, index) => {
    const input = metric.inputs[key];
    return {
      Id: `q${index}`,
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: input.namespace,
          MetricName: input.metricName,
          Dimensions: input.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
        },
        Period: window.periodSeconds,
        Stat: input.stat,
      },
    };
  });
  const byTimestamp = new Map<number, Record<string, number>>();
  let nextToken: string | undefined;
  do {
    const page = await metrics.getMetricData({
      MetricDataQueries: queries,
      StartTime: window.start,
      EndTime: window.end,
      ScanBy: 'TimestampAscending',
      NextToken: nextToken,
    });
    for (const result of page.MetricDataResults ?? []) {
      const key = keys[Number((result.Id ?? '').slice(1))];
      if (key === undefined) continue;
      const timestamps = result.Timestamps ?? [];
      const values = result.Values ?? [];
      timestamps.forEach((timestamp, i) => {
        const at = new Date(timestamp).getTime();
        const row = byTimestamp.get(at) ?? {};
        row[key] = values[i];
        byTimestamp.set(at, row);
      });
    }
    nextToken = page.NextToken;
  } while (nextToken);

  return [...byTimestamp.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => metric.combine(row))
    .filter((value): value is number => value !== undefined && Number.isFinite(value));
}
