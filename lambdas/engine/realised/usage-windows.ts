import type { MetricSeries } from '../types/snapshot.js';

/** Points of a series inside `[from, to)`, finite values only. */
export interface WindowPoints {
  timestamps: number[];
  values: number[];
}

/** The two periods compared: the same length of time just before the change and after it settled. */
export interface UsageWindows {
  before: { from: number; to: number };
  after: { from: number; to: number };
}

/** Changes settle for an hour (a resize restarts, a cache warms) before the after-window starts. */
export const SETTLE_MS = 3_600_000;

/**
 * before = [appliedAt − L, appliedAt), after = [appliedAt + SETTLE_MS, now), with L = now − appliedAt − SETTLE_MS, so
 * both windows have the same length and the same mix of weekdays when L is a whole number of weeks.
 */
export function usageWindows(appliedAt: number, now: number): UsageWindows | undefined {
  const length = now - appliedAt - SETTLE_MS;
  if (!(length > 0)) return undefined;
  return { before: { from: appliedAt - length, to: appliedAt }, after: { from: appliedAt + SETTLE_MS, to: now } };
}

export function pointsBetween(series: MetricSeries | undefined, from: number, to: number): WindowPoints {
  const timestamps: number[] = [];
  const values: number[] = [];
  if (!series) return { timestamps, values };
  for (let i = 0; i < series.timestamps.length; i++) {
    const t = series.timestamps[i];
    const v = series.values[i];
    if (t >= from && t < to && Number.isFinite(v)) {
      timestamps.push(t);
      values.push(v);
    }
  }
  return { timestamps, values };
}

/** Share of the window for which a series at `periodSec` has a point (CloudWatch emits EC2 CPU only while running). */
export function coverage(points: WindowPoints, periodSec: number, from: number, to: number): number {
  const expected = (to - from) / (periodSec * 1000);
  return expected > 0 ? Math.min(1, points.values.length / expected) : 0;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
