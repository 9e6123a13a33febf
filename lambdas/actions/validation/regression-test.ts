import { mannWhitneyGreater, MIN_SAMPLES } from './mann-whitney-u.js';

/**
 * Did a metric get worse after a change? A regression needs BOTH:
 *  1. statistical evidence — one-sided Mann–Whitney U (after > before) with p < α (default 0.01), and
 *  2. a practically meaningful shift — median(after) − median(before) ≥ max(minAbsoluteEffect,
 *     minRelativeEffect × |median(before)|),
 * so that neither a tiny but consistent shift on a busy metric nor a large shift in noise triggers a
 * rollback. With fewer than MIN_SAMPLES values on either side the test cannot decide and reports
 * `insufficient-data` (not a regression: an idle resource has nothing to regress; the details say so) —
 * except when the metric sets `missingAfterIsRegression` and the baseline had samples but the after-window
 * has none (`missing-after`, a regression: e.g. an EC2 instance that did not come back after its restart).
 */

export const DEFAULT_ALPHA = 0.01;

export interface RegressionCriteria {
  alpha?: number;
  minRelativeEffect: number;
  minAbsoluteEffect: number;
  /** Baseline samples but none after the change counts as a regression (verdict `missing-after`). */
  missingAfterIsRegression?: boolean;
}

export interface RegressionVerdict {
  regressed: boolean;
  verdict: 'regressed' | 'no-regression' | 'insufficient-data' | 'missing-after';
  samplesBefore: number;
  samplesAfter: number;
  medianBefore?: number;
  medianAfter?: number;
  /** median(after) − median(before). */
  shift?: number;
  requiredShift?: number;
  pValue?: number;
  alpha: number;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty sample is undefined.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function detectRegression(before: number[], after: number[], criteria: RegressionCriteria): RegressionVerdict {
  const alpha = criteria.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
  const base = { samplesBefore: before.length, samplesAfter: after.length, alpha };
  if (criteria.missingAfterIsRegression && before.length > 0 && after.length === 0) return { ...base, regressed: true, verdict: 'missing-after' };
  if (before.length < MIN_SAMPLES || after.length < MIN_SAMPLES) {
    return { ...base, regressed: false, verdict: 'insufficient-data' };
  }
  const medianBefore = median(before);
  const medianAfter = median(after);
  const shift = medianAfter - medianBefore;
  const requiredShift = Math.max(criteria.minAbsoluteEffect, criteria.minRelativeEffect * Math.abs(medianBefore));
  const { pValue } = mannWhitneyGreater(before, after);
  const regressed = pValue < alpha && shift >= requiredShift;
  return { ...base, regressed, verdict: regressed ? 'regressed' : 'no-regression', medianBefore, medianAfter, shift, requiredShift, pValue };
}
