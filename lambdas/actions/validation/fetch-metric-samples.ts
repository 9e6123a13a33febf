import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricInput, MetricsPort } from '../executors/executor.js';

/**
 * Reads a set of metric inputs over a window with GetMetricData and returns their values per timestamp, in time
 * order. Pages through NextToken and merges each query's values by Id across pages (a query can continue on the next
 * page with StatusCode PartialData); at most 500 queries per call is never reached (a metric has a handful of inputs).
 */
export interface MetricWindow {
  start: Date;
  end: Date;
  periodSeconds: number;
}

export type MetricRows = { at: number; values: Record<string, number> }[];

export async function fetchMetricRows(metrics: MetricsPort, inputs: Record<string, MetricInput>, window: MetricWindow): Promise<MetricRows> {
  const keys = Object.keys(inputs);
  // Query ids must start with a lower-case letter and use [A-Za-z0-9_].
  const queries: MetricDataQuery[] = keys.map((key, index) => {
    const input = inputs[key];
    return {
      Id: `q${index}`,
      ReturnData: true,
      MetricStat: {
        Metric: { Namespace: input.namespace, MetricName: input.metricName, Dimensions: input.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
        Period: window.periodSeconds,
        Stat: input.stat,
      },
    };
  });
  const byTimestamp = new Map<number, Record<string, number>>();
  let nextToken: string | undefined;
  do {
    const page = await metrics.getMetricData({ MetricDataQueries: queries, StartTime: window.start, EndTime: window.end, ScanBy: 'TimestampAscending', NextToken: nextToken });
    for (const result of page.MetricDataResults ?? []) {
      const key = keys[Number((result.Id ?? '').slice(1))];
      if (key === undefined) continue;
      const values = result.Values ?? [];
      (result.Timestamps ?? []).forEach((timestamp, i) => {
        const at = new Date(timestamp).getTime();
        const row = byTimestamp.get(at) ?? {};
        row[key] = values[i];
        byTimestamp.set(at, row);
      });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return [...byTimestamp.entries()].sort(([a], [b]) => a - b).map(([at, values]) => ({ at, values }));
}

/** Number of whole periods in a window: what a metric published every period would fill. */
export function periodsIn(window: MetricWindow): number {
  return Math.max(0, Math.floor((window.end.getTime() - window.start.getTime()) / (window.periodSeconds * 1000)));
}
