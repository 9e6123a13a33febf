import { crossingTime, forecastSeries, ForecastInputError, type Forecast } from '../forecast/forecast.js';
import { DynamoDbConfigSchema, type MetricSeries, type Resource } from '../types/snapshot.js';
import type { NamedForecast } from './cost-forecasts.js';
import { DAY_MS } from './daily-cost-series.js';

export const HOUR_MS = 3_600_000;
/** How far ahead capacity is forecast (SPEC §6: capacity exhaustion date). */
export const CAPACITY_HORIZON_DAYS = 14;
/** CPU utilisation above which EC2 and RDS instances count as out of headroom. */
export const CPU_THRESHOLD_PERCENT = 80;

/** One capacity question: a metric of a resource and the level at which its capacity is exhausted. */
interface CapacityTarget {
  metricName: string;
  /** Stats in order of preference (first present wins). */
  stats: readonly string[];
  threshold: number;
  unit: string;
  /** Converts a collected value to the threshold's unit (DynamoDB: Sum per period → units per second). */
  perValue: (value: number, series: MetricSeries) => number;
}

const asIs = (value: number) => value;
const perSecond = (value: number, series: MetricSeries) => value / series.periodSec;

/**
 * What is forecast per resource type:
 * - EC2 and RDS: CPUUtilization against 80 %. The Average series is preferred to Maximum: exhaustion means a
 *   sustained load, and the hourly mean of 5-minute maxima would flag every bursty instance.
 * - DynamoDB, provisioned without auto scaling: consumed read/write units per second (Sum ÷ period) against the
 *   provisioned units. Tables on demand have no ceiling to cross; auto-scaled ones move their ceiling with the load.
 */
export function capacityTargets(resource: Resource): CapacityTarget[] {
  if (resource.type === 'ec2:instance' || resource.type === 'rds:db-instance') {
    return [{ metricName: 'CPUUtilization', stats: ['Average', 'Maximum'], threshold: CPU_THRESHOLD_PERCENT, unit: 'Percent', perValue: asIs }];
  }
  if (resource.type === 'dynamodb:table') {
    const config = DynamoDbConfigSchema.safeParse(resource.config);
    if (!config.success || config.data.billingMode !== 'PROVISIONED' || config.data.autoScaling) return [];
    const targets: CapacityTarget[] = [];
    const { readCapacityUnits: read, writeCapacityUnits: write } = config.data;
    if (read) targets.push({ metricName: 'ConsumedReadCapacityUnits', stats: ['Sum'], threshold: read, unit: 'units/s', perValue: perSecond });
    if (write) targets.push({ metricName: 'ConsumedWriteCapacityUnits', stats: ['Sum'], threshold: write, unit: 'units/s', perValue: perSecond });
    return targets;
  }
  return [];
}

/**
 * Capacity-exhaustion forecasts of some resources (one analysis batch). For each capacity target
 * (capacityTargets) with a collected series: the points in (now − lookbackDays, now] are averaged per UTC hour
 * (exhaustion is a sustained hour at the ceiling, not a 5-minute burst, and 336 hourly points forecast in
 * well under a millisecond), forecast CAPACITY_HORIZON_DAYS ahead (forecastSeries, 80 % interval), and the
 * first hour whose point forecast reaches the threshold is found (crossingTime; a forecast starting at or
 * above it crosses in the first forecast hour). Returned only when it crosses within the horizon AND no
 * hourly mean of the lookback reached the threshold: a resource that already reaches it (a nightly batch job
 * running at 85 %, a past incident) is at capacity now — the rightsizing rules and the anomaly detector speak to
 * that — and its next daily peak is not news. Series too short to forecast are left out.
 */
export function forecastCapacity(
  slices: readonly { resource: Resource; series: readonly MetricSeries[] }[],
  options: { now: number; lookbackDays: number; horizonDays?: number },
): NamedForecast[] {
  const horizon = (options.horizonDays ?? CAPACITY_HORIZON_DAYS) * 24;
  const names = new Set<string>();
  const forecasts: NamedForecast[] = [];
  for (const { resource, series } of slices) {
    for (const target of capacityTargets(resource)) {
      const chosen = pickSeries(series, target);
      if (!chosen) continue;
      const hourly = hourlyMeans(chosen, target, options.now - options.lookbackDays * DAY_MS, options.now);
      const historyPeak = hourly.values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
      if (historyPeak >= target.threshold) continue;
      const forecast = tryForecast(hourly, horizon);
      if (!forecast) continue;
      const crossesAt = forecast.forecast[0] >= target.threshold ? forecast.timestamps[0] : crossingTime(forecast, target.threshold);
      if (crossesAt === null) continue;
      forecasts.push({
        name: uniqueName(`capacity-${slug(resource.name || resource.arn)}-${slug(target.metricName)}`, names),
        kind: 'capacity',
        subject: resource.name || resource.arn,
        step: 'hour',
        points: forecast.timestamps.map((t, i) => ({
          timestamp: new Date(t).toISOString(),
          forecast: forecast.forecast[i],
          lower80: forecast.lower80[i],
          upper80: forecast.upper80[i],
        })),
        facts: {
          resourceArn: resource.arn,
          resourceType: resource.type,
          metric: `${chosen.namespace}/${chosen.metricName}`,
          stat: chosen.stat,
          threshold: target.threshold,
          thresholdUnit: target.unit,
          crossesAt: new Date(crossesAt).toISOString(),
          daysToCrossing: Math.round(((crossesAt - options.now) / DAY_MS) * 10) / 10,
          lastHourlyMean: round2(hourly.values[hourly.values.length - 1]),
          historyPeakHourlyMean: round2(historyPeak),
          peakForecast: round2(Math.max(...forecast.forecast)),
          model: forecast.model,
        },
      });
    }
  }
  return forecasts;
}

function pickSeries(series: readonly MetricSeries[], target: CapacityTarget): MetricSeries | undefined {
  for (const stat of target.stats) {
    const match = series.find((s) => s.metricName === target.metricName && s.stat === stat);
    if (match) return match;
  }
  return undefined;
}

/** Mean of the series' finite values in (from, to] per UTC hour, in the threshold's unit; hours without data are absent. */
export function hourlyMeans(series: MetricSeries, target: Pick<CapacityTarget, 'perValue'>, from: number, to: number): { timestamps: number[]; values: number[] } {
  const sums = new Map<number, { sum: number; count: number }>();
  for (let i = 0; i < series.timestamps.length; i++) {
    const t = series.timestamps[i];
    const v = series.values[i];
    if (t <= from || t > to || !Number.isFinite(v)) continue;
    const hour = Math.floor(t / HOUR_MS) * HOUR_MS;
    const bucket = sums.get(hour) ?? { sum: 0, count: 0 };
    bucket.sum += target.perValue(v, series);
    bucket.count += 1;
    sums.set(hour, bucket);
  }
  const hours = [...sums.keys()].sort((a, b) => a - b);
  return { timestamps: hours, values: hours.map((h) => sums.get(h)!.sum / sums.get(h)!.count) };
}

/** The forecast, or undefined when the series is too short to forecast; other errors propagate. */
function tryForecast(hourly: { timestamps: number[]; values: number[] }, horizon: number): Forecast | undefined {
  if (hourly.values.length === 0) return undefined;
  try {
    return forecastSeries(hourly, horizon, { stepMs: HOUR_MS });
  } catch (error) {
    if (error instanceof ForecastInputError) return undefined;
    throw error;
  }
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Two resources of a batch can share a name (EC2 Name tags are not unique): later ones get a numeric suffix. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}
