import type { ResourceSlice } from '../rule.js';
import { findSeries, MS_PER_DAY, windowSeries, type WindowedSeries } from '../support/series-window.js';

/** Trusted Advisor "Amazon RDS Idle DB Instances": no connection in the last 7 days. */
export const IDLE_DAYS = 7;
/** The window must be nearly all observed: a series starting later than this (days) cannot prove 7 idle days. */
const MIN_SPAN_DAYS = IDLE_DAYS - 1;

/**
 * The DatabaseConnections series (AWS/RDS, Maximum per period) of an instance nobody connected to, and its last
 * IDLE_DAYS window: 0 at every point, the points spanning at least MIN_SPAN_DAYS. Undefined when it is not idle or
 * the data cannot show it. Shared by rds/idle-instance and rds/idle-read-replica.
 */
export function idleConnectionWindow(slice: ResourceSlice, now: number): { series: NonNullable<ReturnType<typeof findSeries>>; window: WindowedSeries } | undefined {
  const series = findSeries(slice.series, 'DatabaseConnections', ['Maximum', 'Average', 'Sum']);
  if (!series) return undefined;
  const window = windowSeries(series, now, IDLE_DAYS);
  if (window.values.length === 0) return undefined;
  const spanDays = (window.timestamps[window.timestamps.length - 1] - window.timestamps[0]) / MS_PER_DAY;
  if (spanDays < MIN_SPAN_DAYS || Math.max(...window.values) > 0) return undefined;
  return { series, window };
}
