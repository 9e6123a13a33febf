import { median } from './median.js';

/**
 * Median absolute deviation, unscaled: `MAD(x) = median(|xᵢ − median(x)|)`.
 * Multiply by 1.4826 (see MAD_TO_SIGMA) to estimate the standard deviation of normal data.
 *
 * Example: `mad([1, 1, 2, 2, 4, 6, 9]) === 1` (median 2, deviations 1 1 0 0 2 4 7).
 * Robust: up to half the sample can be outliers without moving it far.
 * Throws StatsInputError on an empty sample.
 */
export function mad(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

/** `1 / Φ⁻¹(0.75)`: scales MAD to a consistent estimator of σ for normally distributed data. */
export const MAD_TO_SIGMA = 1.482602218505602;
