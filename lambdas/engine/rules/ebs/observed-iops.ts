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
  const byTime = new Map<number, number>();
  for (const w of present) {
    const period = w.series.periodSec;
    w.timestamps.forEach((t, i) => byTime.set(t, (byTime.get(t) ?? 0) + w.values[i] / period));
  }
  if (byTime.size === 0) return undefined;
  const timestamps = [...byTime.keys()].sort((a, b) => a - b);
  const iops = timestamps.map((t) => byTime.get(t) ?? 0);
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
