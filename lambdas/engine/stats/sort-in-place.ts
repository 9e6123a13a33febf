/** Ranges this short are finished by insertion sort, which beats partitioning on a few elements. */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts `values[0..length)` ascending in place (no NaN expected): quicksort with median-of-three pivots
 * and insertion sort for short ranges, recursing into the smaller side so the stack stays O(log n).
 * Exists because Float64Array.prototype.sort is several times slower in Node 20 on the few-thousand-
 * element arrays the forecaster sorts per series. Returns `values` for chaining.
 * Example: sortInPlace(Float64Array.of(3, 1, 2)) → [1, 2, 3].
 */
export function sortInPlace(values: Float64Array, length = values.length): Float64Array {
  sortRange(values, 0, length - 1);
  return values;
}

function sortRange(values: Float64Array, low: number, high: number): void {
  while (high - low > INSERTION_SORT_MAX) {
    const middle = (low + high) >>> 1;
    if (values[middle] < values[low]) swap(values, middle, low);
    if (values[high] < values[low]) swap(values, high, low);
    if (values[high] < values[middle]) swap(values, high, middle);
    const pivot = values[middle];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (j - low < high - i) {
      sortRange(values, low, j);
      low = i;
    } else {
      sortRange(values, i, high);
      high = j;
    }
  }
  for (let i = low + 1; i <= high; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= low && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a];
  values[a] = values[b];
  values[b] = held;
}
