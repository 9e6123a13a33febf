import type { MetricSeries } from '../../types/snapshot.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';

/**
 * Days since a volume last did any I/O, from CloudWatch's VolumeReadOps and VolumeWriteOps (Sum per period), or
 * undefined when neither series was collected (the usual case: the collector does not query unattached volumes).
 *
 *   idleDays = (now − last timestamp with read or write ops > 0) ÷ 1 day
 *            = lookbackDays when no point of the lookback has any I/O (all zero, or no points at all)
 *
 * EBS reports these metrics only while a volume is attached (Amazon EBS User Guide, "CloudWatch metrics for Amazon
 * EBS"), so a collected series that ends early or holds only zeros means the volume was detached or unused since:
 * either way nothing has read or written it for `idleDays`. Unlike the creation time, this dates the detachment.
 */
export function volumeIdleDays(series: readonly MetricSeries[], now: number, lookbackDays: number): number | undefined {
  const collected = [findSeries(series, 'VolumeReadOps', ['Sum']), findSeries(series, 'VolumeWriteOps', ['Sum'])].filter(
    (s): s is MetricSeries => s !== undefined,
  );
  if (collected.length === 0) return undefined;
  let lastActive = Number.NEGATIVE_INFINITY;
  for (const s of collected) {
    const w = windowSeries(s, now, lookbackDays);
    for (let i = w.values.length - 1; i >= 0 && w.timestamps[i] > lastActive; i--) {
      if (w.values[i] > 0) {
        lastActive = w.timestamps[i];
        break;
      }
    }
  }
  return Number.isFinite(lastActive) ? (now - lastActive) / MS_PER_DAY : lookbackDays;
}
