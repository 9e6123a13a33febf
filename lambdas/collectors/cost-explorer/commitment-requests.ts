import type {
  Expression,
  GetReservationCoverageCommandInput,
  GetSavingsPlansCoverageCommandInput,
  GetSavingsPlansUtilizationCommandInput,
} from '@aws-sdk/client-cost-explorer';
import type { CommitmentCoverage } from '../../engine/types/snapshot.js';
import type { CostExplorerPort } from '../ports.js';
import { isoDay, utcDayStart } from './cost-dates.js';
import { CostExplorerShapeError, parseAmount } from './parse-amount.js';

/** Complete UTC days of existing coverage read: the engine's default lookback, the hours a new plan is sized on. */
export const COMMITMENT_WINDOW_DAYS = 14;
/**
 * The window ends at the latest Monday 00:00 UTC, so its requests (and their cache keys) change once a week, and
 * answers are kept that long: 2 × accounts + 1 requests a week instead of a day. Coverage moves only when a plan or
 * reservation is bought or expires; one bought since shows at the next weekly refresh.
 */
export const COMMITMENT_CACHE_TTL_SEC = 7 * 86_400;
const DAYS_SINCE_MONDAY = (epochMs: number) => (new Date(epochMs).getUTCDay() + 6) % 7;
/** The SERVICE value Cost Explorer gives EC2 instance usage (Reserved Instance coverage defaults to it; named anyway). */
const EC2_COMPUTE = 'Amazon Elastic Compute Cloud - Compute';

/** The window [Monday − 14 days, Monday) every commitment request asks about, Monday the latest at or before today. */
export function commitmentWindow(now: number): { Start: string; End: string } {
  const monday = utcDayStart(now, -DAYS_SINCE_MONDAY(now));
  return { Start: isoDay(utcDayStart(monday, -COMMITMENT_WINDOW_DAYS)), End: isoDay(monday) };
}

/**
 * GetSavingsPlansCoverage for one account (it cannot group by LINKED_ACCOUNT: one request per account, filtered),
 * DAILY, metric SpendCoveredBySavingsPlans, paged with NextToken; the days' covered and uncovered on-demand cost summed.
 */
export function savingsPlansCoverageRequest(account: string, now: number): GetSavingsPlansCoverageCommandInput {
  return {
    TimePeriod: commitmentWindow(now),
    Granularity: 'DAILY',
    Metrics: ['SpendCoveredBySavingsPlans'],
    Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [account] } },
  };
}

export async function savingsPlansCoverage(port: CostExplorerPort, request: GetSavingsPlansCoverageCommandInput): Promise<{ coveredOnDemandUsd: number; uncoveredOnDemandUsd: number }> {
  let covered = 0;
  let uncovered = 0;
  let nextToken: string | undefined;
  do {
    const page = await port.getSavingsPlansCoverage({ ...request, NextToken: nextToken });
    for (const day of page.SavingsPlansCoverages ?? []) {
      const when = day.TimePeriod?.Start ?? '?';
      covered += parseAmount(day.Coverage?.SpendCoveredBySavingsPlans ?? '0', `SpendCoveredBySavingsPlans on ${when}`);
      uncovered += parseAmount(day.Coverage?.OnDemandCost ?? '0', `Savings Plans OnDemandCost on ${when}`);
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return { coveredOnDemandUsd: covered, uncoveredOnDemandUsd: uncovered };
}

/** GetSavingsPlansUtilization for one account, DAILY (no paging, no grouping: the API has neither); its Total is read. */
export function savingsPlansUtilizationRequest(account: string, now: number): GetSavingsPlansUtilizationCommandInput {
  return { TimePeriod: commitmentWindow(now), Granularity: 'DAILY', Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [account] } } };
}

export async function savingsPlansUtilization(port: CostExplorerPort, request: GetSavingsPlansUtilizationCommandInput): Promise<{ commitmentUsd: number; usedCommitmentUsd: number }> {
  const output = await port.getSavingsPlansUtilization(request);
  const utilisation = output.Total?.Utilization;
  if (utilisation === undefined) throw new CostExplorerShapeError('GetSavingsPlansUtilization returned no Total.Utilization');
  return {
    commitmentUsd: parseAmount(utilisation.TotalCommitment ?? '0', 'GetSavingsPlansUtilization Total.Utilization.TotalCommitment'),
    usedCommitmentUsd: parseAmount(utilisation.UsedCommitment ?? '0', 'GetSavingsPlansUtilization Total.Utilization.UsedCommitment'),
  };
}

/**
 * GetReservationCoverage of EC2 for all the accounts in one request, grouped by LINKED_ACCOUNT (with GroupBy set the
 * API takes no Granularity: one period over the window), metrics Hour and Cost, paged with NextPageToken.
 */
export function reservationCoverageRequest(accounts: readonly string[], now: number): GetReservationCoverageCommandInput {
  const filter: Expression = {
    And: [{ Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...accounts] } }, { Dimensions: { Key: 'SERVICE', Values: [EC2_COMPUTE] } }],
  };
  return { TimePeriod: commitmentWindow(now), GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }], Metrics: ['Hour', 'Cost'], Filter: filter };
}

export type ReservationHours = NonNullable<CommitmentCoverage['reservations']>;

export async function reservationCoverage(port: CostExplorerPort, request: GetReservationCoverageCommandInput): Promise<Record<string, ReservationHours>> {
  const byAccount: Record<string, ReservationHours> = {};
  let nextPageToken: string | undefined;
  do {
    const page = await port.getReservationCoverage({ ...request, NextPageToken: nextPageToken });
    for (const period of page.CoveragesByTime ?? []) {
      for (const group of period.Groups ?? []) {
        const account = group.Attributes?.linkedAccount ?? group.Attributes?.LINKED_ACCOUNT;
        if (account === undefined) throw new CostExplorerShapeError('GetReservationCoverage returned a group without its LINKED_ACCOUNT attribute');
        const hours = group.Coverage?.CoverageHours;
        const sum = (byAccount[account] ??= { reservedHours: 0, onDemandHours: 0, onDemandCostUsd: 0 });
        sum.reservedHours += parseAmount(hours?.ReservedHours ?? '0', `ReservedHours of ${account}`);
        sum.onDemandHours += parseAmount(hours?.OnDemandHours ?? '0', `OnDemandHours of ${account}`);
        sum.onDemandCostUsd += parseAmount(group.Coverage?.CoverageCost?.OnDemandCost ?? '0', `OnDemandCost of ${account}`);
      }
    }
    nextPageToken = page.NextPageToken || undefined;
  } while (nextPageToken !== undefined);
  return byAccount;
}
