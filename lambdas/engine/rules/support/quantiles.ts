import { assertNonEmpty } from '../../stats/assert-input.js';
import { selectInPlace } from '../../stats/select-in-place.js';
import { roundTo } from './money.js';

/** The quantile levels rules use and report as evidence, keyed as in Evidence.quantiles. */
export const EVIDENCE_LEVELS = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, 'p99.5': 0.995, max: 1 } as const;
export type EvidenceLevel = keyof typeof EVIDENCE_LEVELS;

let lastInput: readonly number[] | undefined;
let lastResult: Record<EvidenceLevel, number> | undefined;

/**
 * The evidence quantiles of a sample (type 7, the same definition as stats/quantile.ts:
 * `h = (n − 1)·q`, `Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)`), unrounded, without sorting the whole sample:
 * one quickselect splits off the top 10 % (sorted: p90 … max read from it), a second places the median's two order
 * statistics. ≈ 2× faster than a full sort of a 14-day 5-minute series, which is the engine's hot path.
 * Remembers the last input (rules on one resource often ask about the same series). Throws on an empty sample.
 *
 * Example: `exactQuantiles([1, 2, 3, 4]).p50 === 2.5`, `.max === 4`.
 */
export function exactQuantiles(values: readonly number[]): Record<EvidenceLevel, number> {
  if (values === lastInput && lastResult) return lastResult;
  assertNonEmpty(values, 'quantile');
  const n = values.length;
  const a = new Float64Array(values);
  const top = Math.floor((n - 1) * 0.9);
  selectInPlace(a, top, n);
  a.subarray(top).sort();
  const mid = Math.floor((n - 1) * 0.5);
  if (mid < top) selectInPlace(a, mid, top);
  // The order statistic after the median: the smallest element right of it.
  let afterMid = a[Math.min(mid + 1, n - 1)];
  if (mid + 1 < top) for (let i = mid + 1; i < top; i++) if (a[i] < afterMid) afterMid = a[i];
  const at = (q: number): number => {
    const h = (n - 1) * q;
    const lower = Math.floor(h);
    const upper = Math.min(lower + 1, n - 1);
    const lo = a[lower];
    const hi = lower === mid && upper !== lower ? afterMid : a[upper];
    return lo + (h - lower) * (hi - lo);
  };
  const result = {} as Record<EvidenceLevel, number>;
  for (const [key, q] of Object.entries(EVIDENCE_LEVELS) as Array<[EvidenceLevel, number]>) result[key] = at(q);
  lastInput = values;
  lastResult = result;
  return result;
}

/** exactQuantiles rounded to 3 decimals, as Evidence.quantiles. */
export function evidenceQuantiles(values: readonly number[]): { exact: Record<EvidenceLevel, number>; quantiles: Record<string, number> } {
  const exact = exactQuantiles(values);
  const quantiles: Record<string, number> = {};
  for (const key of Object.keys(exact) as EvidenceLevel[]) quantiles[key] = roundTo(exact[key]);
  return { exact, quantiles };
}
