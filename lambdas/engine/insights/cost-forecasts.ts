import { forecastSeries, ForecastInputError, type Forecast } from '../forecast/forecast.js';
import type { CostForecast, DailyCost } from '../types/snapshot.js';
import { DAY_MS, dailyCostSeries, type DailyCostSeries } from './daily-cost-series.js';

/** A named forecast (daily cost, capacity) with its 80 % interval and the facts that explain it. */
export interface NamedForecast {
  name: string;
  kind: 'cost' | 'capacity';
  subject: string;
  step: 'day' | 'hour' | '5min';
  points: { timestamp: string; forecast: number; lower80: number; upper80: number }[];
  /** Extra facts: Cost Explorer's own total for comparison, the date a threshold is crossed, ... */
  facts: Record<string, number | string | null>;
}

export const HORIZONS_DAYS = [30, 90] as const;
/** Services forecast individually, by spend; the total covers the rest. */
export const MAX_SERVICES = 10;

export interface CostForecasts {
  forecasts: NamedForecast[];
  /** Forecasts not made, as `name: reason` (too little cost history yet). */
  skipped: string[];
}

/**
 * Daily cost forecasts for 30 and 90 days, for the total and the top services, with 80 % intervals
 * (forecastSeries). The 30-day total is compared with Cost Explorer's own forecast (SPEC §6).
 */
export function forecastDailyCosts(costs: DailyCost[], costExplorer: CostForecast | undefined): CostForecasts {
  const forecasts: NamedForecast[] = [];
  const skipped: string[] = [];
  const names = new Set<string>();
  for (const series of dailyCostSeries(costs, MAX_SERVICES)) {
    for (const horizon of HORIZONS_DAYS) {
      const name = uniqueName(forecastName(series.subject, horizon), names);
      const result = tryForecast(series, horizon);
      if (typeof result === 'string') {
        skipped.push(`${name}: ${result}`);
        continue;
      }
      const facts: NamedForecast['facts'] = {
        horizonDays: horizon,
        model: result.model,
        forecastTotalUsd: roundCents(sum(result.forecast)),
      };
      if (series.subject === 'total' && horizon === 30) Object.assign(facts, compareWithCostExplorer(result, costExplorer));
      forecasts.push({
        name,
        kind: 'cost',
        subject: series.subject,
        step: 'day',
        points: result.timestamps.map((t, i) => ({
          timestamp: new Date(t).toISOString().slice(0, 10),
          forecast: result.forecast[i],
          lower80: result.lower80[i],
          upper80: result.upper80[i],
        })),
        facts,
      });
    }
  }
  return { forecasts, skipped };
}

/** The forecast, or why the series cannot be forecast (too short); other errors propagate. */
function tryForecast(series: DailyCostSeries, horizon: number): Forecast | string {
  try {
    return forecastSeries({ timestamps: series.timestamps, values: series.values }, horizon, { stepMs: DAY_MS });
  } catch (error) {
    if (error instanceof ForecastInputError) return error.message;
    throw error;
  }
}

/**
 * Cost Explorer forecasts a period [start, end) (end exclusive). Our comparable figure is the sum of our
 * daily forecasts on the days inside that period; `forecastDaysInCostExplorerPeriod` says how many of
 * its days we cover, and the difference is (ours − theirs) / theirs × 100.
 */
export function compareWithCostExplorer(ours: Forecast, theirs: CostForecast | undefined): NamedForecast['facts'] {
  if (!theirs) return { costExplorerMeanUsd: null };
  const start = Date.parse(`${theirs.start}T00:00:00Z`);
  const end = Date.parse(`${theirs.end}T00:00:00Z`);
  const inside = ours.timestamps.flatMap((t, i) => (t >= start && t < end ? [ours.forecast[i]] : []));
  const oursUsd = roundCents(sum(inside));
  return {
    costExplorerStart: theirs.start,
    costExplorerEnd: theirs.end,
    costExplorerMeanUsd: theirs.meanUsd,
    costExplorerPeriodDays: Math.round((end - start) / DAY_MS),
    forecastDaysInCostExplorerPeriod: inside.length,
    forecastUsdInCostExplorerPeriod: oursUsd,
    differencePercent: theirs.meanUsd === 0 ? null : roundCents(((oursUsd - theirs.meanUsd) / theirs.meanUsd) * 100),
  };
}

export function forecastName(subject: string, horizonDays: number): string {
  const slug = subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `cost-${slug}-${horizonDays}d`;
}

/** Two services can share a slug ("AWS X" and "AWS-X"): later ones get a numeric suffix so none overwrites another. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const roundCents = (usd: number) => Math.round(usd * 100) / 100;
