import { selectInPlace } from '../stats/select-in-place.js';

/**
 * Type-7 quantile of a multiset of `remaining` values, h = (remaining − 1)·q:
 * x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), read from one end of it only. `tail` (ascending) holds the
 * multiset's smallest values when q ≤ ½ or its largest when q > ½, plus the `removed` values (ascending,
 * a sub-multiset of `tail`) that do not belong to it; the walk from that end skips one removed copy per
 * match. The tail must reach past the two order statistics needed, so a tail quantile costs
 * O(tail), not a sort of everything.
 * Example: quantileFromEnd([1, 2, 3, 4, 5], [2, 4], 3, 0.5) === 3.
 */
export function quantileFromEnd(tail: ArrayLike<number>, removed: ArrayLike<number>, remaining: number, q: number): number {
  const h = (remaining - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(remaining - 1, below + 1);
  const fromTop = q > 0.5;
  // Walking from the top, the value of rank r (from below) is the (remaining − 1 − r)-th met.
  const targetBelow = fromTop ? remaining - 1 - below : below;
  const targetAbove = fromTop ? remaining - 1 - above : above;
  const last = Math.max(targetBelow, targetAbove);
  let valueBelow = Number.NaN;
  let valueAbove = Number.NaN;
  let rank = -1;
  let j = fromTop ? removed.length - 1 : 0;
  for (let step = 0; step < tail.length && rank < last; step++) {
    const value = tail[fromTop ? tail.length - 1 - step : step];
    if (fromTop ? j >= 0 && removed[j] === value : j < removed.length && removed[j] === value) {
      j += fromTop ? -1 : 1;
      continue;
    }
    rank++;
    if (rank === targetBelow) valueBelow = value;
    if (rank === targetAbove) valueAbove = value;
  }
  return valueBelow + (h - below) * (valueAbove - valueBelow);
}

/**
 * Type-7 quantile of `values[0..length)` from two selections instead of a sort: O(n) expected.
 * Reorders that prefix in place.
 */
export function quantileBySelection(values: Float64Array, length: number, q: number): number {
  const h = (length - 1) * q;
  const below = Math.floor(h);
  const low = selectInPlace(values, below, length);
  if (below + 1 >= length || h === below) return low;
  // After selecting rank `below`, everything to its right is ≥ it: rank below+1 is their minimum.
  let high = values[below + 1];
  for (let index = below + 2; index < length; index++) if (values[index] < high) high = values[index];
  return low + (h - below) * (high - low);
}
