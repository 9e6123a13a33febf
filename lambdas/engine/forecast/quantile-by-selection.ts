import { selectInPlace } from '../stats/select-in-place.js';

/**
 * Type-7 quantile of `values[0..length)` (h = (length − 1)·q: x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎))
 * from one selection and a scan instead of a sort: O(n) expected. Reorders that prefix in place.
 * Example: quantileBySelection(Float64Array.of(3, 1, 2), 3, 0.25) === 1.5.
 */
export function quantileBySelection(values: Float64Array, length: number, q: number): number {
  const h = (length - 1) * q;
  const below = Math.floor(h);
  if (below + 1 >= length || h === below) return selectInPlace(values, below, length);
  // Select the rank on the short side's far end, then scan only that short side for its neighbour:
  // after selecting rank j, everything left of j is ≤ it and everything right of it is ≥ it.
  if (q < 0.5) {
    const high = selectInPlace(values, below + 1, length);
    let low = values[0];
    for (let index = 1; index <= below; index++) if (values[index] > low) low = values[index];
    return low + (h - below) * (high - low);
  }
  const low = selectInPlace(values, below, length);
  let high = values[below + 1];
  for (let index = below + 2; index < length; index++) if (values[index] < high) high = values[index];
  return low + (h - below) * (high - low);
}
