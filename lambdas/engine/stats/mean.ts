import { assertNonEmpty } from './assert-input.js';

/**
 * Arithmetic mean: `mean(x) = (x₁ + … + xₙ) / n`.
 *
 * Example: `mean([1, 2, 3, 6]) === 3`.
 * Throws StatsInputError on an empty sample.
 */
export function mean(values: readonly number[]): number {
  assertNonEmpty(values, 'mean');
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
