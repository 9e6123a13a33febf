import type { MetricSeries } from '../../types/snapshot.js';

export const MS_PER_DAY = 86_400_000;

/** The points of one series that fall inside the lookback window `(now − lookbackDays, now]`, finite values only. */
export interface WindowedSeries {
  series: MetricSeries;
  /** The series' own arrays when every point is in the window (no copy: the hot path at 10,000 resources). */
  timestamps: readonly number[];
  values: readonly number[];
  /** Points present ÷ points expected at the series' period over the window, capped at 1. */
  coverage: number;
  /** Distinct UTC days with at least one point. */
  daysObserved: number;
}

/**
 * Picks the series of `metricName` for a resource, preferring stats in `statPreference` order (first match wins);
 * returns undefined when the metric is absent, so rules can degrade instead of throwing.
 */
export function findSeries(all: readonly MetricSeries[], metricName: string, statPreference: readonly string[] = []): MetricSeries | undefined {
  const candidates = all.filter((s) => s.metricName === metricName);
  if (candidates.length === 0) return undefined;
  for (const stat of statPreference) {
    const match = candidates.find((s) => s.stat === stat);
    if (match) return match;
  }
  return candidates[0];
}

/** First index whose timestamp is > `bound` in an ascending array (binary search). */
function firstAfter(timestamps: readonly number[], bound: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid] <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Restricts a series to the lookback window and measures how complete it is. Timestamps should be oldest first (the
 * snapshot contract; an unordered series is sorted first), so the window is found by binary search; non-finite values
 * are dropped.
 */
export function windowSeries(input: MetricSeries, now: number, lookbackDays: number): WindowedSeries {
  const series = isAscending(input.timestamps) ? input : sortedByTime(input);
  const start = now - lookbackDays * MS_PER_DAY;
  const from = firstAfter(series.timestamps, start);
  const to = firstAfter(series.timestamps, now);
  const expected = (lookbackDays * 86_400) / series.periodSec;
  if (from === 0 && to === series.values.length && series.values.every(Number.isFinite)) {
    const { timestamps, values } = series;
    return { series, timestamps, values, coverage: Math.min(1, values.length / expected), daysObserved: countUtcDays(timestamps) };
  }
  const timestamps: number[] = [];
  const values: number[] = [];
  let daysObserved = 0;
  let lastDay = Number.NaN;
  for (let i = from; i < to; i++) {
    const v = series.values[i];
    if (!Number.isFinite(v)) continue;
    const t = series.timestamps[i];
    timestamps.push(t);
    values.push(v);
    const day = Math.floor(t / MS_PER_DAY);
    if (day !== lastDay) {
      daysObserved++;
      lastDay = day;
    }
  }
  return { series, timestamps, values, coverage: Math.min(1, values.length / expected), daysObserved };
}

/** Distinct UTC days in ascending timestamps. */
function countUtcDays(timestamps: readonly number[]): number {
  let days = 0;
  let lastDay = Number.NaN;
  for (const t of timestamps) {
    const day = Math.floor(t / MS_PER_DAY);
    if (day !== lastDay) {
      days++;
      lastDay = day;
    }
  }
  return days;
}

function isAscending(timestamps: readonly number[]): boolean {
  for (let i = 1; i < timestamps.length; i++) if (timestamps[i] < timestamps[i - 1]) return false;
  return true;
}

/** A copy of the series with its points in time order. */
function sortedByTime(series: MetricSeries): MetricSeries {
  const order = series.timestamps.map((_, i) => i).sort((a, b) => series.timestamps[a] - series.timestamps[b]);
  return { ...series, timestamps: order.map((i) => series.timestamps[i]), values: order.map((i) => series.values[i]) };
}
