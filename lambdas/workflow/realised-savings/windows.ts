import { SETTLE_MS } from '../../engine/realised/usage-windows.js';

export const DAY_MS = 86_400_000;
/** Shorter windows either side are too noisy to call a measurement (a single day's pattern). */
export const MIN_WINDOW_MS = DAY_MS;

/**
 * The end of the after-window to measure with, so both windows (equal length L, usage-windows.ts) lie inside the
 * stored metric series, which cover the collector's lookback before the run (`lookbackDays`):
 *   d = runAt − appliedAt,  L = min(d − settle, lookback − d),  windowEnd = appliedAt + settle + L
 * e.g. applied 7 days before the run with a 14-day lookback: a week either side. Undefined when L < MIN_WINDOW_MS
 * (the series no longer reach far enough back) — configuration-priced models would not need the series, but one rule
 * for all keeps a running-hours model from reading a half-empty before-window as an instance that was off.
 */
export function measurementWindowEnd(appliedAt: number, runAt: number, lookbackDays: number): number | undefined {
  const sinceApplied = runAt - appliedAt;
  const length = Math.min(sinceApplied - SETTLE_MS, lookbackDays * DAY_MS - sinceApplied);
  return length >= MIN_WINDOW_MS ? appliedAt + SETTLE_MS + length : undefined;
}
