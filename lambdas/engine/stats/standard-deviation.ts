import { variance } from './variance.js';

/**
 * Sample standard deviation: `s = √( Σ(xᵢ − x̄)² / (n − 1) )`.
 *
 * Example: `standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) ≈ 2.138`.
 * Throws StatsInputError on fewer than two values.
 */
export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}
