import { quantileSorted } from './quantile-sorted.js';

/**
 * Quantile of a sample in any order (type 7 linear interpolation, see quantileSorted):
 * `h = (n − 1)·q`, `Q(q) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)` over the sorted sample.
 *
 * Example: `quantile([4, 1, 3, 2], 0.5) === 2.5`; `quantile([10, 0], 0.9) === 9`.
 * Does not modify its input (sorts a copy). Throws StatsInputError on an empty sample or q outside [0, 1].
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, q);
}
