import { MS_PER_DAY, type WindowedSeries } from './series-window.js';

/**
 * Days a windowed series spans, for rates per day: from its first point to `now`, plus one period (the first point
 * covers its own period), at most the lookback. Counting distinct UTC days instead would count a partial first day
 * whole (15 "days" in a 14-day window that does not start at midnight).
 *
 *   spanDays = min(lookbackDays, (now − first timestamp) ÷ 1 day + periodSec ÷ 86,400);   0 without points
 */
export function spanDays(window: WindowedSeries, now: number, lookbackDays: number): number {
  if (window.timestamps.length === 0) return 0;
  return Math.min(lookbackDays, (now - window.timestamps[0]) / MS_PER_DAY + window.series.periodSec / 86_400);
}
