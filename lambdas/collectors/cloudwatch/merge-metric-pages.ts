import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchPort } from '../ports.js';
import type { MetricWindow } from './metric-window.js';

/** One query's values gathered across every page of a GetMetricData call, oldest first. */
export interface MergedMetricResult {
  id: string;
  timestamps: number[];
  values: number[];
  /** Complete once the last page that carried this query said so; Forbidden/InternalError stick. */
  status: string;
  messages: string[];
}

/** GetMetricData accepts at most 500 queries per call (SPEC §11). */
export const MAX_QUERIES_PER_CALL = 500;

/**
 * Runs one GetMetricData call to the end: follows NextToken, merges each query's datapoints by `Id`
 * across pages (a query cut at the 100,800-datapoint page limit comes back `PartialData` and continues
 * on the next page), and returns every series oldest first whatever order the API used (its default
 * is newest first; we ask for TimestampAscending but do not rely on it). `metricsReturned` counts
 * metric results over all pages: CloudWatch bills GetMetricData per metric returned, so a query split
 * across two pages counts twice.
 */
export async function getMetricDataMerged(
  port: CloudWatchPort,
  queries: MetricDataQuery[],
  window: MetricWindow,
): Promise<{ results: Map<string, MergedMetricResult>; pages: number; metricsReturned: number; messages: string[] }> {
  if (queries.length > MAX_QUERIES_PER_CALL) {
    throw new RangeError(`GetMetricData takes at most ${MAX_QUERIES_PER_CALL} queries per call; got ${queries.length}`);
  }
  const merged = new Map<string, MergedMetricResult>();
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  let metricsReturned = 0;
  // Response-level messages (e.g. a query time range too long for the period) are reported, not dropped.
  const messages: string[] = [];
  do {
    pages += 1;
    const page = await port.getMetricData({
      MetricDataQueries: queries,
      StartTime: window.startTime,
      EndTime: window.endTime,
      ScanBy: 'TimestampAscending',
      NextToken: nextToken,
    });
    metricsReturned += page.MetricDataResults?.length ?? 0;
    for (const message of page.Messages ?? []) if (message.Value) messages.push(`${message.Code ?? ''} ${message.Value}`.trim());
    for (const result of page.MetricDataResults ?? []) appendPage(merged, result);
    nextToken = page.NextToken || undefined;
    if (nextToken !== undefined) {
      if (seenTokens.has(nextToken)) throw new Error('GetMetricData returned the same NextToken twice; stopping to avoid an endless loop');
      seenTokens.add(nextToken);
    }
  } while (nextToken !== undefined);
  for (const result of merged.values()) sortOldestFirst(result);
  return { results: merged, pages, metricsReturned, messages };
}

function appendPage(merged: Map<string, MergedMetricResult>, result: MetricDataResult): void {
  if (result.Id === undefined) return;
  let entry = merged.get(result.Id);
  if (entry === undefined) {
    entry = { id: result.Id, timestamps: [], values: [], status: 'Complete', messages: [] };
    merged.set(result.Id, entry);
  }
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  if (timestamps.length !== values.length) {
    throw new Error(`GetMetricData returned ${timestamps.length} timestamps but ${values.length} values for query ${result.Id}`);
  }
  for (let i = 0; i < timestamps.length; i++) {
    entry.timestamps.push(timestamps[i].getTime());
    entry.values.push(values[i]);
  }
  const status = result.StatusCode ?? 'Complete';
  if (entry.status !== 'Forbidden' && entry.status !== 'InternalError') entry.status = status;
  for (const message of result.Messages ?? []) if (message.Value) entry.messages.push(`${message.Code ?? ''} ${message.Value}`.trim());
}

/** Orders a merged series by time and drops repeated timestamps (a page boundary may repeat one). */
export function sortOldestFirst(result: { timestamps: number[]; values: number[] }): void {
  const { timestamps, values } = result;
  let ascending = true;
  for (let i = 1; i < timestamps.length && ascending; i++) ascending = timestamps[i] > timestamps[i - 1];
  if (ascending) return;
  const order = timestamps.map((_, i) => i).sort((a, b) => timestamps[a] - timestamps[b]);
  const sortedTimestamps: number[] = [];
  const sortedValues: number[] = [];
  for (const i of order) {
    if (sortedTimestamps.length > 0 && sortedTimestamps[sortedTimestamps.length - 1] === timestamps[i]) {
      sortedValues[sortedValues.length - 1] = values[i];
      continue;
    }
    sortedTimestamps.push(timestamps[i]);
    sortedValues.push(values[i]);
  }
  result.timestamps = sortedTimestamps;
  result.values = sortedValues;
}
