import type { Expression, Group, ResultByTime } from '@aws-sdk/client-cost-explorer';
import type { CostExplorerPort } from '../../collectors/ports.js';
import type { DailyCost } from '../../engine/types/snapshot.js';
import { sampleCostForecast } from './costs.js';
import { decodeToken, encodeToken, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

export interface SampleCostExplorerOptions {
  /** Periods (days or months) per GetCostAndUsage page before NextPageToken (default 30). */
  periodsPerPage?: number;
}

const DAY_MS = 86_400_000;
const SUPPORTED_GROUP_KEYS = new Set(['SERVICE', 'LINKED_ACCOUNT']);

/**
 * Cost Explorer over the sample account's 90 days of daily cost, answering like the real API:
 * amounts as decimal strings with `Unit: "USD"`, DAILY or MONTHLY periods with an exclusive End,
 * up to two GroupBy dimensions (SERVICE, LINKED_ACCOUNT here), a LINKED_ACCOUNT or SERVICE filter,
 * NextPageToken paging, and GetCostForecast only from today onwards (DataUnavailableException
 * otherwise) with prediction-interval bounds.
 */
export function createSampleCostExplorerPort(
  costs: DailyCost[],
  now: number,
  options: SampleCostExplorerOptions = {},
): Pick<CostExplorerPort, 'getCostAndUsage' | 'getCostForecast'> {
  return {
    async getCostAndUsage(input) {
      const start = parseDay(input.TimePeriod?.Start, 'TimePeriod.Start');
      const end = parseDay(input.TimePeriod?.End, 'TimePeriod.End');
      if (start >= end) throw new SampleServiceError('ValidationException', 'Start date (inclusive) must be before end date (exclusive).');
      if (input.Granularity !== 'DAILY' && input.Granularity !== 'MONTHLY') {
        throw new SampleServiceError('ValidationException', 'Granularity must be DAILY or MONTHLY in the sample account.');
      }
      const metrics = input.Metrics ?? [];
      if (metrics.length === 0) throw new SampleServiceError('ValidationException', 'Metrics must not be empty.');
      const groupKeys = (input.GroupBy ?? []).map((g) => g.Key ?? '');
      if (groupKeys.length > 2 || groupKeys.some((k) => !SUPPORTED_GROUP_KEYS.has(k))) {
        throw new SampleServiceError('ValidationException', 'GroupBy supports up to two of SERVICE and LINKED_ACCOUNT in the sample account.');
      }
      const periods = periodsBetween(start, end, input.Granularity);
      const key = requestKey(input, 'NextPageToken');
      const offset = decodeToken(input.NextPageToken, key, 'InvalidNextTokenException');
      const size = options.periodsPerPage ?? 30;
      const selected = costs.filter((c) => matches(input.Filter, c));
      const results: ResultByTime[] = periods.slice(offset, offset + size).map(([from, to]) => {
        const inPeriod = selected.filter((c) => c.date >= from && c.date < to);
        const amount = (rows: DailyCost[]) => rows.reduce((sum, c) => sum + c.amountUsd, 0);
        const metricValues = (usd: number) => Object.fromEntries(metrics.map((m) => [m, { Amount: usd.toFixed(10), Unit: 'USD' }]));
        if (groupKeys.length === 0) return { TimePeriod: { Start: from, End: to }, Total: metricValues(amount(inPeriod)), Groups: [], Estimated: to > isoDay(now - DAY_MS) };
        const groups = new Map<string, DailyCost[]>();
        for (const c of inPeriod) {
          const keys = groupKeys.map((k) => (k === 'SERVICE' ? c.service : c.account)).join('\u0000');
          groups.set(keys, [...(groups.get(keys) ?? []), c]);
        }
        const grouped: Group[] = [...groups.entries()].map(([keys, rows]) => ({ Keys: keys.split('\u0000'), Metrics: metricValues(amount(rows)) }));
        return { TimePeriod: { Start: from, End: to }, Total: {}, Groups: grouped, Estimated: to > isoDay(now - DAY_MS) };
      });
      const next = offset + size < periods.length ? encodeToken(offset + size, key) : undefined;
      return {
        ResultsByTime: results,
        GroupDefinitions: input.GroupBy,
        DimensionValueAttributes: [],
        NextPageToken: next,
        $metadata: responseMetadata(),
      };
    },

    async getCostForecast(input) {
      const today = Math.floor(now / DAY_MS) * DAY_MS;
      const start = parseDay(input.TimePeriod?.Start, 'TimePeriod.Start');
      const end = parseDay(input.TimePeriod?.End, 'TimePeriod.End');
      if (start < today) throw new SampleServiceError('DataUnavailableException', 'Forecasts start today or later.');
      if (start >= end) throw new SampleServiceError('ValidationException', 'Start date (inclusive) must be before end date (exclusive).');
      if (input.Metric !== 'UNBLENDED_COST' && input.Metric !== 'BLENDED_COST' && input.Metric !== 'AMORTIZED_COST') {
        throw new SampleServiceError('ValidationException', `Metric ${input.Metric ?? ''} is not supported by the sample account.`);
      }
      const selected = costs.filter((c) => matches(input.Filter, c));
      const days = Math.round((end - today) / DAY_MS);
      const forecast = sampleCostForecast(selected, now, days).daily.filter((d) => d.date >= isoDay(start));
      const periods = periodsBetween(start, end, input.Granularity === 'MONTHLY' ? 'MONTHLY' : 'DAILY');
      const sum = (rows: typeof forecast, pick: (d: (typeof forecast)[number]) => number) => rows.reduce((s, d) => s + pick(d), 0);
      return {
        Total: { Amount: sum(forecast, (d) => d.mean).toFixed(10), Unit: 'USD' },
        ForecastResultsByTime: periods.map(([from, to]) => {
          const rows = forecast.filter((d) => d.date >= from && d.date < to);
          return {
            TimePeriod: { Start: from, End: to },
            MeanValue: sum(rows, (d) => d.mean).toFixed(10),
            PredictionIntervalLowerBound: sum(rows, (d) => d.lower).toFixed(10),
            PredictionIntervalUpperBound: sum(rows, (d) => d.upper).toFixed(10),
          };
        }),
        $metadata: responseMetadata(),
      };
    },
  };
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function parseDay(day: string | undefined, field: string): number {
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new SampleServiceError('ValidationException', `${field} must be a date in YYYY-MM-DD form.`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** [start, end) split into days or calendar months, as YYYY-MM-DD pairs. */
function periodsBetween(start: number, end: number, granularity: 'DAILY' | 'MONTHLY'): [string, string][] {
  const periods: [string, string][] = [];
  let cursor = start;
  while (cursor < end) {
    const date = new Date(cursor);
    const next = granularity === 'DAILY' ? cursor + DAY_MS : Math.min(end, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
    periods.push([isoDay(cursor), isoDay(next)]);
    cursor = next;
  }
  return periods;
}

/** Evaluates the Dimensions part of a Cost Explorer filter (And/Or/Not of LINKED_ACCOUNT and SERVICE). */
function matches(filter: Expression | undefined, cost: DailyCost): boolean {
  if (filter === undefined) return true;
  if (filter.And) return filter.And.every((f) => matches(f, cost));
  if (filter.Or) return filter.Or.some((f) => matches(f, cost));
  if (filter.Not) return !matches(filter.Not, cost);
  const dimension = filter.Dimensions;
  if (dimension?.Key === 'LINKED_ACCOUNT') return (dimension.Values ?? []).includes(cost.account);
  if (dimension?.Key === 'SERVICE') return (dimension.Values ?? []).includes(cost.service);
  throw new SampleServiceError('ValidationException', `The sample account filters on LINKED_ACCOUNT and SERVICE only; got ${JSON.stringify(filter)}.`);
}
