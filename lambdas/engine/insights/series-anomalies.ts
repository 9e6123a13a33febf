import { detectAlerts } from '../anomaly/detect.js';
import { kindOfMetric, type SignalKind } from '../anomaly/signal-kind.js';
import type { DailyCost, MetricSeries } from '../types/snapshot.js';
import { dailyCostSeries } from './daily-cost-series.js';
import { MAX_SERVICES } from './cost-forecasts.js';

/** One alert of the detector (SPEC §6: anomalies on cost per service and on performance metrics). */
export interface SeriesAnomaly {
  subject: { kind: 'metric'; resourceArn: string; metric: string; stat: string } | { kind: 'cost'; service: string };
  timestamp: string;
  value: number;
  /** The detector's anomaly score in [0, 1] at that point. */
  score: number;
}

/** The detector's alerts over one series, straight from its arrays (no object per point). */
function alertsOf(
  timestamps: readonly number[],
  values: readonly (number | null)[],
  subject: SeriesAnomaly['subject'],
  kind: SignalKind | undefined,
): SeriesAnomaly[] {
  return detectAlerts(timestamps, values, { kind }).map(({ index, score }) => ({
    subject,
    timestamp: new Date(timestamps[index]).toISOString(),
    value: values[index] as number,
    score,
  }));
}

/**
 * Runs the default-sensitivity detector (the one `headroom detect` exposes) over every metric series (its kind read
 * from the metric's name and unit) and over the daily cost of the total and the top services, and returns its
 * alerts, highest score first.
 */
export function findSeriesAnomalies(input: { series: readonly MetricSeries[]; costs: readonly DailyCost[] }): SeriesAnomaly[] {
  const metricAlerts = input.series.flatMap((s) =>
    alertsOf(
      s.timestamps,
      s.values,
      { kind: 'metric', resourceArn: s.resourceArn, metric: `${s.namespace}/${s.metricName}`, stat: s.stat },
      kindOfMetric(s.metricName, s.unit),
    ),
  );
  const costAlerts = dailyCostSeries([...input.costs], MAX_SERVICES).flatMap((s) => alertsOf(s.timestamps, s.values, { kind: 'cost', service: s.subject }, 'cost'));
  return [...metricAlerts, ...costAlerts].sort((a, b) => b.score - a.score || a.timestamp.localeCompare(b.timestamp));
}
