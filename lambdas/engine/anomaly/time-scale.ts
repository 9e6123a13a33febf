/** Values whose intervals are sampled to find a series' step (the detector only collects them until then). */
export const STEP_SAMPLE = 10;

const HOUR_MS = 3_600_000;

/**
 * The nominal step of a series: the median of the positive intervals between its first `STEP_SAMPLE` timestamps
 * (repeated timestamps and the odd gap do not move a median). 5 minutes when no interval is positive.
 */
export function nominalStepMs(timestamps: readonly number[]): number {
  const intervals: number[] = [];
  for (let i = 1; i < timestamps.length; i++) {
    const interval = timestamps[i] - timestamps[i - 1];
    if (interval > 0) intervals.push(interval);
  }
  if (intervals.length === 0) return 300_000;
  intervals.sort((a, b) => a - b);
  return intervals[Math.floor(intervals.length / 2)];
}

/**
 * Converts a duration to a number of observations at the series' step, clamped to [minimum, maximum]:
 *   n = clamp(round(hours · 3600 s / step), minimum, maximum)
 * Example: 14 days at 5 minutes = 4032; at 1 minute = 20160; 6 hours at 1 hour = 6.
 */
export function observationsIn(hours: number, stepMs: number, minimum: number, maximum = Number.POSITIVE_INFINITY): number {
  return Math.min(maximum, Math.max(minimum, Math.round((hours * HOUR_MS) / stepMs)));
}
