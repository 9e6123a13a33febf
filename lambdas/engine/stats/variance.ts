import { StatsInputError } from './assert-input.js';
import { mean } from './mean.js';

/**
 * Sample variance with Bessel's correction: `s² = Σ(xᵢ − x̄)² / (n − 1)`.
 *
 * Example: `variance([2, 4, 4, 4, 5, 5, 7, 9]) === 32 / 7` (≈ 4.571).
 * Throws StatsInputError on fewer than two values.
 */
export function variance(values: readonly number[]): number {
  if (values.length < 2) throw new StatsInputError(`sample variance needs at least two values, got ${values.length}.`);
  const center = mean(values);
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += (value - center) ** 2;
  return sumOfSquares / (values.length - 1);
}
