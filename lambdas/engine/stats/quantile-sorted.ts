import { assertNonEmpty, StatsInputError } from './assert-input.js';

/**
 * Quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R, NumPy and Excel's PERCENTILE.INC):
 * `h = (n − 1)·q`, `Q(q) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)` (0-based order statistics).
 *
 * Example: `quantileSorted([1, 2, 3, 4], 0.5) === 2.5`; `quantileSorted([1, 2, 3, 4], 0.25) === 1.75`.
 * The caller guarantees the order (no check: this is the hot path for callers that sort once).
 * Throws StatsInputError on an empty sample or q outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  assertNonEmpty(sorted as readonly number[], 'quantile');
  if (!(q >= 0 && q <= 1)) throw new StatsInputError(`quantile level must be within [0, 1], got ${q}.`);
  const h = (sorted.length - 1) * q;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}
