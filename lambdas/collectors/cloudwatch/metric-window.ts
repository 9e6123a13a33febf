/** Seconds per CloudWatch retention tier: 1-minute data 15 days, 5-minute 63 days, 1-hour 455 days. */
const FIVE_MINUTES = 300;
const ONE_HOUR = 3600;
const DAY_MS = 86_400_000;
/** GetMetricData answers a 5-minute query only while its StartTime is at most 63 days ago (1-hour: 455 days). */
const FIVE_MINUTE_RETENTION_MS = 63 * DAY_MS;
const ONE_HOUR_RETENTION_MS = 455 * DAY_MS;

/** The time range and period of one collection. */
export interface MetricWindow {
  startTime: Date;
  endTime: Date;
  periodSec: number;
}

/**
 * The collection window ending at the last complete period before `now` and reaching `lookbackDays`
 * back: end = floor(now / period) × period, start = end − lookbackDays × 86,400 s (both aligned so
 * repeated collections line up). Period: 5 minutes when the START is at most 63 days before `now`,
 * otherwise 1 hour. It is the start's age that counts, not lookbackDays: end is rounded down, so a
 * 63-day lookback starts more than 63 days ago, where CloudWatch returns no 5-minute data at all.
 * Likewise an hourly start more than 455 days ago (only near the 455-day maximum) is moved forward by the
 * excess whole hours, since CloudWatch would return nothing for that window.
 */
export function metricWindow(now: number, lookbackDays: number): MetricWindow {
  if (!(lookbackDays > 0 && lookbackDays <= 455)) {
    throw new RangeError(`lookbackDays must be in (0, 455] (CloudWatch keeps hourly data 455 days); got ${lookbackDays}`);
  }
  const fine = alignedWindow(now, lookbackDays, FIVE_MINUTES);
  if (now - fine.startTime.getTime() <= FIVE_MINUTE_RETENTION_MS) return fine;
  const coarse = alignedWindow(now, lookbackDays, ONE_HOUR);
  if (now - coarse.startTime.getTime() > ONE_HOUR_RETENTION_MS) {
    // Shift the window forward by whole hours so its start stays within hourly retention.
    const excessHours = Math.ceil((now - coarse.startTime.getTime() - ONE_HOUR_RETENTION_MS) / (ONE_HOUR * 1000));
    const start = coarse.startTime.getTime() + excessHours * ONE_HOUR * 1000;
    return { startTime: new Date(start), endTime: coarse.endTime, periodSec: ONE_HOUR };
  }
  return coarse;
}

function alignedWindow(now: number, lookbackDays: number, periodSec: number): MetricWindow {
  const periodMs = periodSec * 1000;
  const end = Math.floor(now / periodMs) * periodMs;
  return { startTime: new Date(end - lookbackDays * DAY_MS), endTime: new Date(end), periodSec };
}
