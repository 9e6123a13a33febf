/** Seconds per CloudWatch retention tier: 1-minute data 15 days, 5-minute 63 days, 1-hour 455 days. */
const FIVE_MINUTES = 300;
const ONE_HOUR = 3600;
const DAY_MS = 86_400_000;

/** The time range and period of one collection. */
export interface MetricWindow {
  startTime: Date;
  endTime: Date;
  periodSec: number;
}

/**
 * The collection window ending at the last complete period before `now` and reaching `lookbackDays`
 * back. Period: 5 minutes while CloudWatch still keeps 5-minute data (63 days), otherwise 1 hour
 * (kept 455 days). Both ends are aligned to the period so repeated collections line up:
 * end = floor(now / period) × period, start = end − lookbackDays × 86,400 s.
 */
export function metricWindow(now: number, lookbackDays: number): MetricWindow {
  if (!(lookbackDays > 0 && lookbackDays <= 455)) {
    throw new RangeError(`lookbackDays must be in (0, 455] (CloudWatch keeps hourly data 455 days); got ${lookbackDays}`);
  }
  const periodSec = lookbackDays <= 63 ? FIVE_MINUTES : ONE_HOUR;
  const periodMs = periodSec * 1000;
  const end = Math.floor(now / periodMs) * periodMs;
  return { startTime: new Date(end - lookbackDays * DAY_MS), endTime: new Date(end), periodSec };
}
