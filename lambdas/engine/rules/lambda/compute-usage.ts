import type { MetricSeries } from '../../types/snapshot.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { findSeries, windowSeries, type WindowedSeries } from '../support/series-window.js';

/** A function's observed compute over the lookback, scaled to a 730-hour month. */
export interface LambdaComputeUsage {
  duration: WindowedSeries;
  invocations: WindowedSeries;
  totalInvocations: number;
  invocationsPerMonth: number;
  /** Billed milliseconds a month: Σ Duration(Average)ᵢ × Invocationsᵢ over periods present in both, scaled. */
  durationMsPerMonth: number;
  /** Hours the window actually covers (first datapoint → now, capped at the lookback). */
  spanHours: number;
}

/**
 * Monthly invocations and billed duration of a Lambda function from its Duration (Average) and Invocations (Sum)
 * series in the lookback window, matched by timestamp:
 *
 *   durationMs/month = Σᵢ avgDurationᵢ × invocationsᵢ × 730 / spanHours
 *
 * where spanHours runs from the first datapoint to `now` (one period added), capped at the lookback: Lambda publishes
 * nothing for a period without invocations, so gaps are idleness, not missing data. Undefined without both series or
 * without invocations. GB-seconds follow as durationMs/1000 × memoryMb/1024.
 */
export function lambdaComputeUsage(series: readonly MetricSeries[], now: number, lookbackDays: number): LambdaComputeUsage | undefined {
  const durationSeries = findSeries(series, 'Duration', ['Average']);
  const invocationSeries = findSeries(series, 'Invocations', ['Sum']);
  if (!durationSeries || durationSeries.stat !== 'Average' || !invocationSeries) return undefined;
  const duration = windowSeries(durationSeries, now, lookbackDays);
  const invocations = windowSeries(invocationSeries, now, lookbackDays);
  const totalInvocations = invocations.values.reduce((a, b) => a + b, 0);
  if (duration.values.length === 0 || totalInvocations <= 0) return undefined;

  let billedMs = 0;
  let j = 0;
  for (let i = 0; i < duration.timestamps.length; i++) {
    const t = duration.timestamps[i];
    while (j < invocations.timestamps.length && invocations.timestamps[j] < t) j++;
    if (j < invocations.timestamps.length && invocations.timestamps[j] === t) billedMs += duration.values[i] * invocations.values[j];
  }
  const firstSeen = Math.min(invocations.timestamps[0] ?? now, duration.timestamps[0] ?? now);
  const spanHours = Math.max(1, Math.min(lookbackDays * 24, (now - firstSeen) / 3_600_000 + invocationSeries.periodSec / 3600));
  const scale = HOURS_PER_MONTH / spanHours;
  return {
    duration,
    invocations,
    totalInvocations,
    invocationsPerMonth: totalInvocations * scale,
    durationMsPerMonth: billedMs * scale,
    spanHours,
  };
}
