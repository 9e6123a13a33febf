import type { MetricSeries } from '../../types/snapshot.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { evidenceQuantiles } from '../support/quantiles.js';

export interface ObservedIops {
  timestamps: number[];
  /** (read ops + write ops) ÷ period seconds at each timestamp. */
  iops: number[];
  p995Iops: number;
  quantiles: Record<string, number>;
  coverage: number;
  daysObserved: number;
}

/**
 * A volume's IOPS over the lookback from CloudWatch's VolumeReadOps and VolumeWriteOps (Sum per period):
 * IOPS(t) = (readOps(t) + writeOps(t)) / periodSec, a missing side counting as 0. Undefined when neither is collected.
 */
export function observedIops(series: readonly MetricSeries[], now: number, lookbackDays: number): ObservedIops | undefined {
  const reads = findSeries(series, 'VolumeReadOps', ['Sum']);
  const writes = findSeries(series, 'VolumeWriteOps', ['Sum']);
  const present = [reads, writes].filter((s): s is MetricSeries => s !== undefined).map((s) => windowSeries(s, now, lookbackDays));
  if (present.length === 0) return undefined;
  const { timestamps, iops } = present.length === 1 ? perSecond(present[0]) : mergePerSecond(present[0], present[1]);
  if (timestamps.length === 0) return undefined;
  const { exact, quantiles } = evidenceQuantiles(iops);
  return {
    timestamps,
    iops,
    p995Iops: exact['p99.5'],
    quantiles,
    coverage: Math.max(...present.map((w) => w.coverage)),
    daysObserved: Math.max(...present.map((w) => w.daysObserved)),
  };
}

type Windowed = ReturnType<typeof windowSeries>;

function perSecond(w: Windowed): { timestamps: number[]; iops: number[] } {
  const period = w.series.periodSec;
  return { timestamps: [...w.timestamps], iops: w.values.map((v) => v / period) };
}

/**
 * Sums two ascending windows per timestamp (a merge of two sorted lists: linear, no per-point map — this runs for
 * every attached volume), each side divided by its own period; a timestamp only one side has keeps that side alone.
 */
function mergePerSecond(a: Windowed, b: Windowed): { timestamps: number[]; iops: number[] } {
  const timestamps: number[] = [];
  const iops: number[] = [];
  const pa = a.series.periodSec;
  const pb = b.series.periodSec;
  let i = 0;
  let j = 0;
  while (i < a.timestamps.length || j < b.timestamps.length) {
    const ta = i < a.timestamps.length ? a.timestamps[i] : Infinity;
    const tb = j < b.timestamps.length ? b.timestamps[j] : Infinity;
    if (ta === tb) {
      timestamps.push(ta);
      iops.push(a.values[i++] / pa + b.values[j++] / pb);
    } else if (ta < tb) {
      timestamps.push(ta);
      iops.push(a.values[i++] / pa);
    } else {
      timestamps.push(tb);
      iops.push(b.values[j++] / pb);
    }
  }
  return { timestamps, iops };
}
