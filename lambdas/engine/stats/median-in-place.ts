import { selectInPlace } from './select-in-place.js';

/**
 * Median of `values[0..length)` without allocating: the middle order statistic, or the mean of the
 * two middle ones when the length is even (same value as `median`). Reorders that prefix in place.
 *
 * Example: `medianInPlace(Float64Array.of(4, 1, 3, 2)) === 2.5`.
 * Throws StatsInputError on an empty range.
 */
export function medianInPlace(values: Float64Array, length = values.length): number {
  const upperMiddle = length >> 1;
  const upper = selectInPlace(values, upperMiddle, length);
  if (length % 2 === 1) return upper;
  // After selection every element left of upperMiddle is ≤ upper: the lower middle is their maximum.
  let lower = values[0];
  for (let index = 1; index < upperMiddle; index++) if (values[index] > lower) lower = values[index];
  return (lower + upper) / 2;
}
