import type { Dimension, Metric, MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchPort } from '../../collectors/ports.js';
import { metricValue, publishedMetrics, type MetricContext } from './metrics.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

/** GetMetricData's documented limits. */
export const GET_METRIC_DATA_MAX_QUERIES = 500;
export const GET_METRIC_DATA_MAX_DATAPOINTS = 100_800;
const DAY_MS = 86_400_000;
/** ListMetrics returns up to 500 metrics a page, and only metrics with datapoints in the last two weeks. */
const LIST_METRICS_PAGE = 500;
const LIST_METRICS_RECENT_MS = 14 * DAY_MS;

/** How long CloudWatch keeps data at each period: < 60 s 3 h, 60 s 15 days, 300 s 63 days, 3600 s 455 days. */
function retentionMs(periodSec: number): number {
  if (periodSec < 60) return 3 * 3_600_000;
  if (periodSec < 300) return 15 * DAY_MS;
  if (periodSec < 3600) return 63 * DAY_MS;
  return 455 * DAY_MS;
}

export interface SampleCloudWatchOptions {
  /** Datapoints per response before paginating (default and maximum 100,800, as in the real API). */
  datapointsPerPage?: number;
}

interface ComputedResult {
  id: string;
  label?: string;
  /**
   * Epoch ms: Dates are made only for the page being sent (a request's results can hold millions of points).
   * Shared between the results on one grid (see GridTimestamps): never modified.
   */
  timestamps: readonly number[];
  values: number[];
  status: MetricDataResult['StatusCode'];
  messages: MetricDataResult['Messages'];
}

/**
 * GetMetricData over one region of the sample account, with the real API's behaviours: at most 500
 * queries; at most 100,800 datapoints per response (or MaxDatapoints), the rest behind NextToken, a
 * query cut at a page boundary marked `PartialData` and continued on the next page; newest first
 * unless ScanBy is TimestampAscending; period-aligned timestamps; no datapoints where the resource
 * published none; no datapoints at all for a query whose StartTime is older than its period's retention
 * (1-minute 15 days, 5-minute 63 days, 1-hour 455 days). Metric math is not evaluated (the query comes
 * back InternalError with a message).
 */
export function createSampleCloudWatchPort(samples: SampleResource[], context: MetricContext, options: SampleCloudWatchOptions = {}): CloudWatchPort {
  const index = new Map<string, SampleResource>();
  const listed: Metric[] = [];
  for (const sample of samples) {
    const recent = sample.createdAt < context.now && (sample.details.stoppedAt ?? Infinity) > context.now - LIST_METRICS_RECENT_MS;
    for (const metric of publishedMetrics(sample, context.seed)) {
      index.set(metricKey(metric.namespace, metric.metricName, metric.dimensions), sample);
      if (recent) listed.push({ Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: metric.dimensions });
    }
  }
  // The computed results of the request being paged, so later pages do not recompute them.
  let cache: { key: string; results: ComputedResult[]; total: number } | undefined;
  const grids = new GridTimestamps();

  return {
    /** ListMetrics: Namespace, MetricName and Dimensions (name, optional value) filters; NextToken pages of 500. */
    async listMetrics(input) {
      const key = requestKey(input, 'NextToken');
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      const size = LIST_METRICS_PAGE;
      const matching = listed.filter(
        (m) =>
          (input.Namespace === undefined || m.Namespace === input.Namespace) &&
          (input.MetricName === undefined || m.MetricName === input.MetricName) &&
          (input.Dimensions ?? []).every((filter) => (m.Dimensions ?? []).some((d) => d.Name === filter.Name && (filter.Value === undefined || d.Value === filter.Value))),
      );
      const page = matching.slice(offset, offset + size);
      const next = offset + size < matching.length ? encodeToken(offset + size, key) : undefined;
      return { Metrics: page, NextToken: next, $metadata: responseMetadata() };
    },

    async getMetricData(input) {
      const queries = input.MetricDataQueries ?? [];
      validate(queries, input.StartTime, input.EndTime);
      const key = requestKey(input, 'NextToken');
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      if (cache?.key !== key) {
        const results = queries.map((q) => compute(q, input.StartTime as Date, input.EndTime as Date, input.ScanBy === 'TimestampAscending', index, context, grids));
        cache = { key, results, total: results.reduce((n, r) => n + r.values.length, 0) };
      }
      const limit = Math.min(input.MaxDatapoints ?? GET_METRIC_DATA_MAX_DATAPOINTS, options.datapointsPerPage ?? GET_METRIC_DATA_MAX_DATAPOINTS, GET_METRIC_DATA_MAX_DATAPOINTS);
      const page: MetricDataResult[] = [];
      let position = 0;
      let taken = 0;
      let emittedAll = true;
      for (const result of cache.results) {
        const start = position;
        const end = position + result.values.length;
        position = end;
        // Already sent on earlier pages (an empty result sits at its position and is sent once).
        if (end < offset || (end === offset && result.values.length > 0)) continue;
        if (taken >= limit) {
          emittedAll = false;
          break;
        }
        const from = Math.max(0, offset - start);
        const count = Math.min(result.values.length - from, limit - taken);
        taken += count;
        const cut = from + count < result.values.length;
        page.push({
          Id: result.id,
          Label: result.label,
          Timestamps: result.timestamps.slice(from, from + count).map((t) => new Date(t)),
          Values: result.values.slice(from, from + count),
          StatusCode: cut ? 'PartialData' : result.status,
          Messages: result.messages,
        });
        if (cut) {
          emittedAll = false;
          break;
        }
      }
      const nextToken = emittedAll ? undefined : encodeToken(offset + taken, key);
      if (nextToken === undefined) cache = undefined;
      return { MetricDataResults: page, NextToken: nextToken, Messages: [], $metadata: responseMetadata() };
    },
  };
}

/** CloudWatch matches a query's dimensions as an exact set (order does not matter). */
function metricKey(namespace: string, metricName: string, dimensions: Dimension[]): string {
  const set = dimensions.map((d) => `${d.Name ?? ''}=${d.Value ?? ''}`).sort();
  return `${namespace}|${metricName}|${set.join(',')}`;
}

function validate(queries: MetricDataQuery[], start: Date | undefined, end: Date | undefined): void {
  if (queries.length === 0) throw new SampleServiceError('ValidationError', 'The parameter MetricDataQueries is required.');
  if (queries.length > GET_METRIC_DATA_MAX_QUERIES) {
    throw new SampleServiceError('ValidationError', `The collection MetricDataQueries must not have a size greater than ${GET_METRIC_DATA_MAX_QUERIES}.`);
  }
  if (!(start instanceof Date) || !(end instanceof Date) || start.getTime() >= end.getTime()) {
    throw new SampleServiceError('InvalidParameterValue', 'The parameter StartTime must be earlier than EndTime.');
  }
  const ids = new Set<string>();
  for (const query of queries) {
    if (query.Id === undefined || !/^[a-z][a-zA-Z0-9_]*$/.test(query.Id)) {
      throw new SampleServiceError('ValidationError', `The value ${query.Id ?? ''} for parameter MetricDataQueries.member.Id is invalid.`);
    }
    if (ids.has(query.Id)) throw new SampleServiceError('ValidationError', `The value ${query.Id} for parameter MetricDataQueries.member.Id is duplicated.`);
    ids.add(query.Id);
    const period = query.MetricStat?.Period;
    if (query.MetricStat !== undefined && (period === undefined || period <= 0 || (period >= 60 && period % 60 !== 0))) {
      throw new SampleServiceError('InvalidParameterValue', `The parameter MetricDataQueries.member.MetricStat.Period must be a multiple of 60; got ${period}.`);
    }
  }
}

function compute(
  query: MetricDataQuery,
  start: Date,
  end: Date,
  ascending: boolean,
  index: Map<string, SampleResource>,
  context: MetricContext,
  grids: GridTimestamps,
): ComputedResult {
  const id = query.Id as string;
  const empty = (status: ComputedResult['status'], message?: string): ComputedResult => ({
    id,
    label: query.Label,
    timestamps: [],
    values: [],
    status,
    messages: message ? [{ Code: status, Value: message }] : [],
  });
  if (query.ReturnData === false) return empty('Complete');
  const stat = query.MetricStat;
  if (stat === undefined) return empty('InternalError', 'the sample account does not evaluate metric math expressions');
  const sample = index.get(metricKey(stat.Metric?.Namespace ?? '', stat.Metric?.MetricName ?? '', stat.Metric?.Dimensions ?? []));
  if (sample === undefined || stat.Stat === undefined) return { ...empty('Complete'), label: query.Label ?? stat.Metric?.MetricName };
  // Like GetMetricData: a StartTime older than the period's retention gets no datapoints at all (not a trimmed series).
  if (context.now - start.getTime() > retentionMs(stat.Period as number)) return { ...empty('Complete'), label: query.Label ?? stat.Metric?.MetricName };
  const periodMs = (stat.Period as number) * 1000;
  const first = Math.ceil(start.getTime() / periodMs) * periodMs;
  const stop = Math.min(end.getTime(), context.now);
  const grid = grids.of(first, periodMs, stop);
  // A series with a datapoint in every slot (most of them) shares the grid's timestamps; one with gaps gets its own.
  let own: number[] | undefined;
  const values: number[] = [];
  for (let slot = 0; slot < grid.length; slot++) {
    const value = metricValue(sample, stat.Metric?.MetricName ?? '', stat.Stat, grid[slot], stat.Period as number, context);
    if (value === undefined) {
      own ??= grid.slice(0, slot);
      continue;
    }
    own?.push(grid[slot]);
    values.push(value);
  }
  let timestamps = own ?? grid;
  if (!ascending) {
    timestamps = own?.reverse() ?? grids.descending(grid);
    values.reverse();
  }
  return { id, label: query.Label ?? stat.Metric?.MetricName, timestamps, values, status: 'Complete', messages: [] };
}

/**
 * The timestamp grids of one port's requests, each built once and shared, read-only, by every series on it: a
 * request of 500 queries over one window would otherwise build 500 equal arrays (at 10,000 resources that is
 * ~110 M timestamps allocated and thrown away per collection).
 */
class GridTimestamps {
  private readonly ascending = new Map<string, readonly number[]>();
  private readonly reversed = new WeakMap<readonly number[], readonly number[]>();

  /** first, first + periodMs, … while < stop. */
  of(first: number, periodMs: number, stop: number): readonly number[] {
    const key = `${first}:${periodMs}:${stop}`;
    let grid = this.ascending.get(key);
    if (grid === undefined) {
      const built: number[] = [];
      for (let t = first; t < stop; t += periodMs) built.push(t);
      grid = built;
      this.ascending.set(key, grid);
    }
    return grid;
  }

  /** The same grid newest first. */
  descending(grid: readonly number[]): readonly number[] {
    let reversed = this.reversed.get(grid);
    if (reversed === undefined) {
      reversed = [...grid].reverse();
      this.reversed.set(grid, reversed);
    }
    return reversed;
  }
}
