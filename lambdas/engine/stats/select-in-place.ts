import { StatsInputError } from './assert-input.js';

/**
 * k-th smallest element (0-based) of `values[0..length)` by Hoare's quickselect with
 * median-of-three pivots: expected O(n), reorders that prefix of `values` in place.
 *
 * Example: `selectInPlace(Float64Array.of(5, 1, 4, 2, 3), 1) === 2`.
 * For hot loops that already own a scratch buffer; use `quantile`/`median` otherwise.
 * Throws StatsInputError on an empty range or k outside it.
 */
export function selectInPlace(values: Float64Array, k: number, length = values.length): number {
  if (length === 0) throw new StatsInputError('selection from an empty sample is undefined.');
  if (!(k >= 0 && k < length && Number.isInteger(k))) {
    throw new StatsInputError(`rank ${k} is outside a sample of ${length} values.`);
  }
  if (length <= SMALL_SAMPLE) return insertionSelect(values, k, length);
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    // Median-of-three pivot keeps sorted or constant runs from degrading to O(n²).
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/** Below this size insertion sort beats partitioning (fewer branches, no recursion bookkeeping). */
const SMALL_SAMPLE = 16;

function insertionSelect(values: Float64Array, k: number, length: number): number {
  for (let i = 1; i < length; i++) {
    const held = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > held) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = held;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a];
  values[a] = values[b];
  values[b] = held;
}
