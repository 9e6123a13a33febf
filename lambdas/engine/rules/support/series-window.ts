import type { MetricSeries } from '../../types/snapshot.js';

export const MS_PER_DAY = 86_400_000;

/** The points of one series that fall inside the lookback window `(now − lookbackDays, now]`, finite values only. */
export interface WindowedSeries {
  series: MetricSeries;
  timestamps: number[];
  values: number[];
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

/** Restricts a series to the lookback window and measures how complete it is. */
export function windowSeries(series: MetricSeries, now: number, lookbackDays: number): WindowedSeries {
  const start = now - lookbackDays * MS_PER_DAY;
  const timestamps: number[] = [];
  const values: number[] = [];
  const days = new Set<number>();
  for (let i = 0; i < series.timestamps.length; i++) {
    const t = series.timestamps[i];
    const v = series.values[i];
    if (t <= start || t > now || !Number.isFinite(v)) continue;
    timestamps.push(t);
    values.push(v);
    days.add(Math.floor(t / MS_PER_DAY));
  }
  const expected = (lookbackDays * 86_400) / series.periodSec;
  return { series, timestamps, values, coverage: Math.min(1, values.length / expected), daysObserved: days.size };
}
