import { quantile } from './quantile.js';

/**
 * Median: the 0.5 quantile, i.e. the middle order statistic, or the mean of the two middle ones
 * when n is even.
 *
 * Example: `median([3, 1, 2]) === 2`; `median([4, 1, 3, 2]) === 2.5`.
 * Does not modify its input. Throws StatsInputError on an empty sample.
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
