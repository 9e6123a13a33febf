import { knownMetric } from '../metrics/metric-catalogue.js';
import { median } from '../stats/index.js';
import type { DailyCost, MetricSeries, Resource } from '../types/snapshot.js';
import { DAY_MS, dailyCostSeries } from './daily-cost-series.js';
import { MAX_SERVICES } from './cost-forecasts.js';
import { costImpact, type CostImpact } from './cost-impact.js';
import { findSeriesAnomalies, type SeriesAnomaly } from './series-anomalies.js';

/** The series around an anomaly, for its chart: oldest first, at most MAX_EXCERPT_POINTS points. */
export interface AnomalyExcerpt {
  timestamps: number[];
  values: number[];
}

/** A detector alert as a run reports it: the alert plus what a reader needs to place it. */
export interface ReportedAnomaly extends SeriesAnomaly {
  /** Name and type of the resource (metric anomalies). */
  resourceName?: string;
  resourceType?: string;
  /** Unit of the value: the metric's CloudWatch unit, or 'USD' for daily cost. */
  unit?: string;
  /** Only on the highest-scoring anomalies of each scope (EXCERPTS_PER_SCOPE), which are the ones charted. */
  excerpt?: AnomalyExcerpt;
  /** Cost anomalies: expected vs observed $, the $ impact so far and the ranked contributors (cost-impact.ts). */
  cost?: CostImpact;
}

/**
 * The detector needs a day of a series before its seasonal view knows the daily cycle: alerts in a series' first
 * day are mostly the first daily peak being new to it, not incidents (on the 200-resource sample account, 227
 * of 247 metric alerts fell in that first day). They are not reported.
 */
export const SETTLE_MS = DAY_MS;
/**
 * Cost anomalies are reported for the last 14 days only: the cost history is 90 days, and the analysis runs
 * daily, so without a window a month-old spike would be announced again in every run.
 */
export const COST_ANOMALY_WINDOW_DAYS = 14;
/**
 * The series of one resource whose anomalies are reported: for each metric the catalogue marks as an incident signal
 * (lambdas/engine/metrics/metric-catalogue.ts: saturation, latency, errors, throttles, by namespace and name), the
 * series of the first preferred statistic that was collected (none of them: no series; one statistic per metric, so
 * one incident is reported once). Scanning one series per signal instead of every collected statistic is also what
 * keeps a 10,000-resource analysis within its time budget: the detector is linear in points.
 */
export function incidentSeries(series: readonly MetricSeries[]): MetricSeries[] {
  const chosen = new Map<string, { series: MetricSeries; rank: number }>();
  for (const s of series) {
    const rank = knownMetric(s.namespace, s.metricName)?.incident?.stats.indexOf(s.stat) ?? -1;
    if (rank < 0) continue;
    const key = `${s.namespace}/${s.metricName}`;
    const best = chosen.get(key);
    if (best === undefined || rank < best.rank) chosen.set(key, { series: s, rank });
  }
  return [...chosen.values()].map((c) => c.series);
}

/** Whether only a rise of the series' metric is news (errors, throttles, latency): see IncidentRole. */
function riseOnly(series: MetricSeries): boolean {
  return knownMetric(series.namespace, series.metricName)?.incident?.riseOnly ?? false;
}
/** Anomalies per scope (batch, cost) that carry a series excerpt; the report charts the top few of the run. */
export const EXCERPTS_PER_SCOPE = 5;
export const MAX_EXCERPT_POINTS = 144;
/** Excerpt window of a metric anomaly: two days before it (two daily cycles of context) and one after. */
const METRIC_EXCERPT = { beforeMs: 2 * DAY_MS, afterMs: DAY_MS } as const;
/** Excerpt window of a cost anomaly: eight weeks of daily cost before it and two after. */
const COST_EXCERPT = { beforeMs: 56 * DAY_MS, afterMs: 14 * DAY_MS } as const;

/**
 * Metric anomalies of some resources (one analysis batch): the default-sensitivity detector over each incident
 * series (incidentSeries), keeping alerts in the lookback window (now − lookbackDays, now], after the series' first
 * day (SETTLE_MS) and, for rise-only metrics, above the series' median. Highest score first; the top
 * EXCERPTS_PER_SCOPE carry an excerpt of their series.
 */
export function metricAnomalies(
  slices: readonly { resource: Resource; series: readonly MetricSeries[] }[],
  options: { now: number; lookbackDays: number },
): ReportedAnomaly[] {
  const from = options.now - options.lookbackDays * DAY_MS;
  const found: { anomaly: ReportedAnomaly; series: MetricSeries }[] = [];
  for (const { resource, series } of slices) {
    for (const s of incidentSeries(series)) {
      if (s.timestamps.length === 0) continue;
      const alerts = findSeriesAnomalies({ series: [s], costs: [] });
      if (alerts.length === 0) continue;
      let first = Number.POSITIVE_INFINITY;
      for (const t of s.timestamps) if (t < first) first = t;
      const settled = first + SETTLE_MS;
      // The median sorts the whole series: computed only for the few series that alert at all.
      const floor = riseOnly(s) ? median(s.values) : Number.NEGATIVE_INFINITY;
      for (const alert of alerts) {
        const t = Date.parse(alert.timestamp);
        if (t <= from || t > options.now || t < settled || alert.value <= floor) continue;
        found.push({ anomaly: { ...alert, resourceName: resource.name, resourceType: resource.type, ...(s.unit ? { unit: s.unit } : {}) }, series: s });
      }
    }
  }
  return withExcerpts(found, METRIC_EXCERPT);
}

/**
 * Cost anomalies: the detector over the daily cost of the total and the top services (as findSeriesAnomalies
 * builds them), keeping alerts of the last `windowDays` days before `now` (COST_ANOMALY_WINDOW_DAYS by default),
 * each with its $ impact and contributors (costImpact).
 */
export function costAnomalies(costs: readonly DailyCost[], options: { now: number; windowDays?: number }): ReportedAnomaly[] {
  const from = options.now - (options.windowDays ?? COST_ANOMALY_WINDOW_DAYS) * DAY_MS;
  const bySubject = new Map(dailyCostSeries([...costs], MAX_SERVICES).map((s) => [s.subject, s]));
  const found = findSeriesAnomalies({ series: [], costs }).flatMap((alert) => {
    const t = Date.parse(alert.timestamp);
    const service = alert.subject.kind === 'cost' ? alert.subject.service : undefined;
    const subject = service === undefined ? undefined : bySubject.get(service);
    if (t <= from || t > options.now || service === undefined || !subject) return [];
    const series = { timestamps: subject.timestamps, values: subject.values.map((v) => v ?? Number.NaN) };
    return [{ anomaly: { ...alert, unit: 'USD', cost: costImpact(costs, { service, timestamp: alert.timestamp }) }, series }];
  });
  return withExcerpts(found, COST_EXCERPT);
}

/**
 * Sorts by score, the newest first among equal scores (the detector's score saturates at 1, so ties are common and
 * the recent incident is the one to show), and attaches excerpts to the first EXCERPTS_PER_SCOPE.
 */
function withExcerpts(
  found: { anomaly: ReportedAnomaly; series: { timestamps: readonly number[]; values: readonly number[] } }[],
  window: { beforeMs: number; afterMs: number },
): ReportedAnomaly[] {
  found.sort((a, b) => b.anomaly.score - a.anomaly.score || b.anomaly.timestamp.localeCompare(a.anomaly.timestamp));
  return found.map(({ anomaly, series }, rank) =>
    rank < EXCERPTS_PER_SCOPE ? { ...anomaly, excerpt: excerptAround(series, Date.parse(anomaly.timestamp), window) } : anomaly,
  );
}

/**
 * The finite points of a series in [t − beforeMs, t + afterMs]. Beyond MAX_EXCERPT_POINTS they are averaged in
 * equal consecutive buckets (first timestamp, mean value); the bucket holding t keeps the anomalous point's own
 * value instead of its mean, so the chart shows the value the table reports.
 * Example: 864 five-minute points (3 days) → 144 buckets of 6 points (half-hour means).
 */
export function excerptAround(
  series: { timestamps: readonly number[]; values: readonly number[] },
  t: number,
  window: { beforeMs: number; afterMs: number },
  maxPoints = MAX_EXCERPT_POINTS,
): AnomalyExcerpt {
  const points: [number, number][] = [];
  for (let i = 0; i < series.timestamps.length; i++) {
    const ts = series.timestamps[i];
    const v = series.values[i];
    if (ts >= t - window.beforeMs && ts <= t + window.afterMs && Number.isFinite(v)) points.push([ts, v]);
  }
  points.sort((a, b) => a[0] - b[0]);
  if (points.length <= maxPoints) return { timestamps: points.map((p) => p[0]), values: points.map((p) => p[1]) };
  const excerpt: AnomalyExcerpt = { timestamps: [], values: [] };
  const size = points.length / maxPoints;
  for (let b = 0; b < maxPoints; b++) {
    const bucket = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (bucket.length === 0) continue;
    const own = bucket.find((p) => p[0] === t);
    excerpt.timestamps.push(own ? t : bucket[0][0]);
    excerpt.values.push(own ? own[1] : bucket.reduce((sum, p) => sum + p[1], 0) / bucket.length);
  }
  return excerpt;
}
