import { expectedUnit, MAX_MAGNITUDE, metricRange } from '../metrics/metric-range.js';

/**
 * The rules every metric series obeys before the engine sees it (docs/snapshot-validation.md): its unit is the
 * metric's, its timestamps are whole epoch milliseconds in strictly increasing order, and every value is finite and
 * inside the metric's physical range (metric-range.ts). A series that breaks one is rejected with the rule and the
 * offending point; it is never repaired into something the engine would turn into money.
 */

/** Why a series is rejected: a clause naming the rule, and where in the series (relative path). */
export interface SeriesDefect {
  path: (string | number)[];
  message: string;
}

interface SeriesPoints {
  namespace: string;
  metricName: string;
  stat: string;
  unit?: string;
  timestamps: readonly number[];
  values: readonly number[];
}

/** Epoch milliseconds as an ISO time for a message, or the raw number when it is not a time. */
function when(t: number): string {
  return Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString().replace(':00.000Z', 'Z') : String(t);
}

/**
 * The first defect of a series, or undefined. `timestampsOnGrid`: the timestamps were generated from a grid (the
 * compact form), so their order needs no check.
 */
export function seriesDefect(series: SeriesPoints, options: { timestampsOnGrid?: boolean } = {}): SeriesDefect | undefined {
  const { namespace, metricName, stat, timestamps, values } = series;
  const unit = expectedUnit(namespace, metricName);
  if (unit !== undefined && series.unit !== undefined && series.unit !== unit) {
    return { path: ['unit'], message: `${namespace} ${metricName} is published in ${unit}, not ${series.unit}` };
  }
  if (!options.timestampsOnGrid) {
    for (let i = 0; i < timestamps.length; i++) {
      const t = timestamps[i];
      if (!Number.isSafeInteger(t) || t < 0) return { path: ['timestamps', i], message: `timestamp ${t} is not a whole number of epoch milliseconds` };
      if (i > 0 && t <= timestamps[i - 1]) {
        return { path: ['timestamps', i], message: `${when(t)} is not after the point before it (${when(timestamps[i - 1])}): timestamps must be strictly increasing` };
      }
    }
  }
  const range = metricRange(namespace, metricName, series.unit);
  const i = firstOutside(values, range.min, range.max);
  if (i >= 0) {
    const v = values[i];
    const at = `${metricName} ${stat}: value ${v} at ${when(timestamps[i])}`;
    if (!Number.isFinite(v)) return { path: ['values', i], message: `${at} is not a finite number` };
    const bound = v < range.min ? `below ${range.min}, the least` : `above ${range.max === MAX_MAGNITUDE ? '2^53 - 1' : range.max}, the most`;
    return { path: ['values', i], message: `${at} is ${bound} ${range.of} can be` };
  }
  return undefined;
}

/** The index of the first value outside [min, max] (NaN is outside), or -1: the hot loop, kept small for the JIT. */
function firstOutside(values: readonly number[], min: number, max: number): number {
  for (let i = 0, n = values.length; i < n; i++) {
    const v = values[i];
    if (!(v >= min && v <= max)) return i;
  }
  return -1;
}
