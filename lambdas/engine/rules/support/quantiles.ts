import { quantileSorted } from '../../stats/index.js';
import { roundTo } from './money.js';

/** The quantile levels reported as evidence, keyed as in Evidence.quantiles. */
const LEVELS: ReadonlyArray<[string, number]> = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
  ['p99.5', 0.995],
  ['max', 1],
];

let lastInput: readonly number[] | undefined;
let lastSorted: Float64Array | undefined;

/**
 * An ascending Float64Array copy (the array-like constructor is much faster than Float64Array.from's iterator).
 * Remembers the last input: rules on one resource often sort the same series (CPU for rightsizing and idleness), and
 * windowSeries hands out the series' own array when it is wholly in the window. Callers must not mutate the result.
 */
export function sortedCopy(values: readonly number[]): Float64Array {
  if (values === lastInput && lastSorted && lastSorted.length === values.length) return lastSorted;
  const sorted = new Float64Array(values).sort();
  lastInput = values;
  lastSorted = sorted;
  return sorted;
}

/** Sorts once and returns the evidence quantiles (type 7, see stats/quantile-sorted.ts) plus the sorted sample. */
export function evidenceQuantiles(values: readonly number[]): { sorted: Float64Array; quantiles: Record<string, number> } {
  const sorted = sortedCopy(values);
  const quantiles: Record<string, number> = {};
  for (const [key, q] of LEVELS) quantiles[key] = roundTo(quantileSorted(sorted, q));
  return { sorted, quantiles };
}
