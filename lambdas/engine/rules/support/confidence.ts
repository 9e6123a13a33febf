/**
 * Confidence of a metric-based finding, in [0, 1]:
 *
 *   confidence = coverage × min(1, daysObserved / lookbackDays)
 *
 * `coverage` is the fraction of expected data points present; the day term penalises short histories that miss
 * weekly cycles. Example: full 5-minute data for 7 of 14 days → 0.5 × 0.5 = 0.25; complete 14 days → 1.
 * Rounded to 2 decimals.
 */
export function dataConfidence(coverage: number, daysObserved: number, lookbackDays: number): number {
  const value = Math.min(1, Math.max(0, coverage)) * Math.min(1, daysObserved / lookbackDays);
  return Math.round(value * 100) / 100;
}
