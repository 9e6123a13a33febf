import type { Expression, GetCostAndUsageCommandInput } from '@aws-sdk/client-cost-explorer';
import type { CostForecast, DailyCost } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { CostExplorerPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { isoDay, utcDayStart } from './cost-dates.js';
import { CostExplorerShapeError, parseAmount } from './parse-amount.js';

/** Days of daily cost history kept for forecasting and cost anomalies (SPEC §3, §6). */
export const COST_HISTORY_DAYS = 90;
/** Horizon of Cost Explorer's own forecast, compared with ours. */
export const COST_FORECAST_DAYS = 30;

/**
 * Daily unblended cost by service and account for the last 90 complete days (GetCostAndUsage,
 * DAILY, grouped by SERVICE and LINKED_ACCOUNT, filtered to the configured accounts, paged with
 * NextPageToken) and Cost Explorer's 30-day forecast with its 80 % interval (GetCostForecast).
 * Cost Explorer is a global API answered by the payer account, so it is called once, through the
 * first account's ports; every call costs $0.01, hence as few calls as possible.
 */
export async function collectCosts(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('cost-explorer');
  const [home] = context.accounts;
  const [homeRegion] = context.regions;
  if (home === undefined || homeRegion === undefined) throw new RangeError('collectCosts needs at least one account and one region');
  const ports = context.portsFor(home, homeRegion);
  const port = countingPort(ports.costExplorer, 'ce', report);
  const today = utcDayStart(context.now);
  const accountFilter: Expression = { Dimensions: { Key: 'LINKED_ACCOUNT', Values: context.accounts } };

  await collectUnit(report, { account: home }, ports, async () => {
    const costs = await dailyCosts(port, {
      TimePeriod: { Start: isoDay(utcDayStart(today, -COST_HISTORY_DAYS)), End: isoDay(today) },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      ],
      Filter: accountFilter,
    });
    if (costs.length > 0) await context.store.putCosts(costs);
    report.countWritten('dailyCosts', costs.length);
  });

  await collectUnit(report, { account: home }, ports, async () => {
    const output = await port.getCostForecast({
      TimePeriod: { Start: isoDay(today), End: isoDay(utcDayStart(today, COST_FORECAST_DAYS)) },
      Metric: 'UNBLENDED_COST',
      Granularity: 'DAILY',
      PredictionIntervalLevel: 80,
      Filter: accountFilter,
    });
    const periods = output.ForecastResultsByTime ?? [];
    const forecast: CostForecast = {
      start: isoDay(today),
      end: isoDay(utcDayStart(today, COST_FORECAST_DAYS)),
      meanUsd: parseAmount(output.Total?.Amount, 'GetCostForecast Total.Amount'),
      // Summing per-day bounds gives a conservative (wider) interval for the total than the true 80 %.
      lowerUsd: sumAmounts(periods.map((p) => p.PredictionIntervalLowerBound), 'PredictionIntervalLowerBound'),
      upperUsd: sumAmounts(periods.map((p) => p.PredictionIntervalUpperBound), 'PredictionIntervalUpperBound'),
    };
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
        costs.push({ date, service, account, amountUsd: parseAmount(group.Metrics?.UnblendedCost?.Amount, `UnblendedCost of ${service} on ${date}`) });
      }
    }
    nextPageToken = page.NextPageToken || undefined;
  } while (nextPageToken !== undefined);
  return costs;
}

function sumAmounts(amounts: (string | undefined)[], field: string): number | undefined {
  if (amounts.length === 0 || amounts.some((a) => a === undefined)) return undefined;
  return amounts.reduce((sum, a) => sum + parseAmount(a, field), 0);
}
