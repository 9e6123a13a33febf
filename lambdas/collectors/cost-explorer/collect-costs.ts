import type { Expression, GetCostAndUsageCommandInput, GetCostForecastCommandInput } from '@aws-sdk/client-cost-explorer';
import { z } from 'zod';
import { CostForecastSchema, DailyCostSchema, type CostForecast, type DailyCost } from '../../engine/types/snapshot.js';
import { cacheKey } from '../../shared/store/cache-key.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { CostExplorerPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { isoDay, utcDayStart } from './cost-dates.js';
import { CostExplorerShapeError, parseAmount } from './parse-amount.js';

/** Days of daily cost history kept for forecasting and cost anomalies (SPEC §3, §6). */
export const COST_HISTORY_DAYS = 90;
/** Horizon of Cost Explorer's own forecast, compared with ours. */
export const COST_FORECAST_DAYS = 30;
/** Store cache namespace of Cost Explorer answers. */
export const COST_EXPLORER_CACHE = 'cost-explorer';
/**
 * How long an answer is reused. The request names today's date, so the key changes daily anyway; within a
 * day, a second run (a retry, a manual run, a scan) reads the cache instead of paying $0.01 a page again.
 */
export const COST_EXPLORER_CACHE_TTL_SEC = 12 * 3600;

/**
 * Daily unblended and amortised cost by service and account for the last 90 complete days (GetCostAndUsage,
 * DAILY, metrics UnblendedCost + AmortizedCost in one request, grouped by SERVICE and LINKED_ACCOUNT, filtered
 * to the configured accounts, paged with NextPageToken) and Cost Explorer's 30-day forecast with its 80 %
 * interval (GetCostForecast). Cost Explorer is a global API and shows linked accounts' costs only to the
 * management (payer) account, so it is called once, through context.costExplorerAccount (the payer, else the
 * collector's own account; the first account only when neither is known). A requested account absent from the
 * answer is a CollectionIssue (CostDataMissing), not a failure: it may have had no spend. Every request costs
 * $0.01, hence as few as possible: each answer is cached in the store under a hash of its request and calling
 * account for 12 hours (report.cacheHits counts reuses).
 */
export async function collectCosts(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('cost-explorer');
  const home = context.costExplorerAccount ?? context.accounts[0];
  const [homeRegion] = context.regions;
  if (home === undefined || homeRegion === undefined) throw new RangeError('collectCosts needs at least one account and one region');
  const ports = context.portsFor(home, homeRegion);
  const port = countingPort(ports.costExplorer, 'ce', report);
  const today = utcDayStart(context.now);
  const accountFilter: Expression = { Dimensions: { Key: 'LINKED_ACCOUNT', Values: context.accounts } };

  const cached = <S extends z.ZodType>(request: object, schema: S, fetch: () => Promise<z.output<S>>) =>
    cachedAnswer(context, report, `ce:${'Metric' in request ? 'GetCostForecast' : 'GetCostAndUsage'}`, { caller: home, request }, schema, fetch);

  await collectUnit(report, { account: home }, ports, async () => {
    const request: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: isoDay(utcDayStart(today, -COST_HISTORY_DAYS)), End: isoDay(today) },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'AmortizedCost'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      ],
      Filter: accountFilter,
    };
    const costs = await cached(request, z.array(DailyCostSchema), () => dailyCosts(port, request));
    if (costs.length > 0) await context.store.putCosts(costs);
    report.countWritten('dailyCosts', costs.length);
    const missing = accountsWithoutCosts(context.accounts, costs);
    if (missing.length > 0) report.addIssue({ account: home, code: COST_DATA_MISSING, message: missingCostsMessage(missing, home) });
  });

  await collectUnit(report, { account: home }, ports, async () => {
    const request: GetCostForecastCommandInput = {
      TimePeriod: { Start: isoDay(today), End: isoDay(utcDayStart(today, COST_FORECAST_DAYS)) },
      Metric: 'UNBLENDED_COST',
      Granularity: 'DAILY',
      PredictionIntervalLevel: 80,
      Filter: accountFilter,
    };
    const forecast = await cached(request, CostForecastSchema, async () => {
      const output = await port.getCostForecast(request);
      const periods = output.ForecastResultsByTime ?? [];
      return {
        start: isoDay(today),
        end: isoDay(utcDayStart(today, COST_FORECAST_DAYS)),
        meanUsd: parseAmount(output.Total?.Amount, 'GetCostForecast Total.Amount'),
        // Summing per-day bounds gives a conservative (wider) interval for the total than the true 80 %.
        lowerUsd: sumAmounts(periods.map((p) => p.PredictionIntervalLowerBound), 'PredictionIntervalLowerBound'),
        upperUsd: sumAmounts(periods.map((p) => p.PredictionIntervalUpperBound), 'PredictionIntervalUpperBound'),
      } satisfies CostForecast;
    });
    await context.store.putCostForecast(forecast);
    report.countWritten('costForecasts', 1);
  });

  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}

async function dailyCosts(port: CostExplorerPort, request: GetCostAndUsageCommandInput): Promise<DailyCost[]> {
  const costs: DailyCost[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await port.getCostAndUsage({ ...request, NextPageToken: nextPageToken });
    for (const period of page.ResultsByTime ?? []) {
      const date = period.TimePeriod?.Start;
      if (date === undefined) throw new CostExplorerShapeError('GetCostAndUsage returned a period without TimePeriod.Start');
      for (const group of period.Groups ?? []) {
        const [service, account] = group.Keys ?? [];
        if (service === undefined || account === undefined) {
          throw new CostExplorerShapeError(`GetCostAndUsage returned a group without SERVICE and LINKED_ACCOUNT keys on ${date}`);
        }
        const amortised = group.Metrics?.AmortizedCost?.Amount;
        costs.push({
          date,
          service,
          account,
          amountUsd: parseAmount(group.Metrics?.UnblendedCost?.Amount, `UnblendedCost of ${service} on ${date}`),
          ...(amortised === undefined ? {} : { amortisedUsd: parseAmount(amortised, `AmortizedCost of ${service} on ${date}`) }),
        });
      }
    }
    nextPageToken = page.NextPageToken || undefined;
  } while (nextPageToken !== undefined);
  return costs;
}

/** Issue code: requested accounts absent from Cost Explorer's LINKED_ACCOUNT groups. */
export const COST_DATA_MISSING = 'CostDataMissing';

/** The requested accounts no cost line names, in request order. */
export function accountsWithoutCosts(requested: readonly string[], costs: readonly DailyCost[]): string[] {
  const seen = new Set(costs.map((cost) => cost.account));
  return [...new Set(requested)].filter((account) => !seen.has(account));
}

function missingCostsMessage(missing: string[], caller: string): string {
  const plural = missing.length > 1;
  return (
    `no cost data for account${plural ? 's' : ''} ${missing.join(', ')} in the last ${COST_HISTORY_DAYS} days: ` +
    `${plural ? 'they' : 'it'} had no spend, or Cost Explorer was read from account ${caller}, which is not the management account ` +
    '(Cost Explorer shows linked accounts only from the management account)'
  );
}

function sumAmounts(amounts: (string | undefined)[], field: string): number | undefined {
  if (amounts.length === 0 || amounts.some((a) => a === undefined)) return undefined;
  return amounts.reduce((sum, a) => sum + parseAmount(a, field), 0);
}

/**
 * The cached answer of `request` when an unexpired one is stored, else `fetch()`'s, then cached. The key hashes
 * the API name and the whole request (dates, metrics, filter), so any change of query asks AWS again.
 */
export async function cachedAnswer<S extends z.ZodType>(
  context: CollectorContext,
  report: ReportBuilder,
  api: string,
  request: object,
  schema: S,
  fetch: () => Promise<z.output<S>>,
  ttlSec = COST_EXPLORER_CACHE_TTL_SEC,
): Promise<z.output<S>> {
  const key = cacheKey({ api, request });
  const hit = await context.store.getCached(COST_EXPLORER_CACHE, key, schema);
  if (hit !== undefined) {
    report.countCacheHit(api);
    return hit;
  }
  const answer = await fetch();
  await context.store.putCached(COST_EXPLORER_CACHE, key, answer, ttlSec);
  return answer;
}
