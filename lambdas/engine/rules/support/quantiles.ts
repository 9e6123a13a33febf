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

/** Sorts once and returns the evidence quantiles (type 7, see stats/quantile-sorted.ts) plus the sorted sample. */
export function evidenceQuantiles(values: readonly number[]): { sorted: Float64Array; quantiles: Record<string, number> } {
  const sorted = Float64Array.from(values).sort();
  const quantiles: Record<string, number> = {};
  for (const [key, q] of LEVELS) quantiles[key] = roundTo(quantileSorted(sorted, q));
  return { sorted, quantiles };
}
