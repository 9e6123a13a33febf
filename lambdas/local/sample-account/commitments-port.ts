import type { CoverageByTime, Expression, SavingsPlansCoverage, SavingsPlansUtilizationByTime } from '@aws-sdk/client-cost-explorer';
import type { CostExplorerPort } from '../../collectors/ports.js';
import type { DailyCost } from '../../engine/types/snapshot.js';
import type { SampleAccount } from './model.js';
import { decodeToken, encodeToken, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

type CommitmentMethods = Pick<CostExplorerPort, 'getSavingsPlansCoverage' | 'getSavingsPlansUtilization' | 'getReservationCoverage'>;

const DAY_MS = 86_400_000;
/** The services whose usage a Compute Savings Plan covers, as Cost Explorer names them. */
const ELIGIBLE_SERVICES = new Set(['Amazon Elastic Compute Cloud - Compute', 'AWS Lambda', 'Amazon Elastic Container Service', 'AWS Fargate']);
const EC2_COMPUTE = 'Amazon Elastic Compute Cloud - Compute';
/** GetSavingsPlansCoverage's default and maximum page sizes are not published beyond "default 20". */
const DEFAULT_COVERAGE_PAGE = 20;

/**
 * The sample account's existing commitments as Cost Explorer reports them: one Compute Savings Plan of
 * `existingSavingsPlan.hourlyCommitmentUsd` at `discount` and no Reserved Instances. Each day the plan covers
 * min(eligible on-demand spend, 24 × commitment ÷ (1 − discount)) of the day's eligible cost (EC2 compute, Lambda,
 * Fargate); the commitment used is the covered spend × (1 − discount). Behaves like the API: Granularity and GroupBy
 * are exclusive on the coverage calls, GetSavingsPlansCoverage pages with NextToken (MaxResults, default 20),
 * GetReservationCoverage with NextPageToken, and dates are YYYY-MM-DD with an exclusive End before tomorrow.
 */
export function createSampleCommitmentsPort(account: SampleAccount): CommitmentMethods {
  const plan = account.existingSavingsPlan;
  const capacityPerDay = (24 * plan.hourlyCommitmentUsd) / (1 - plan.discount);
  const eligibleByDay = (filter: Expression | undefined) => {
    const days = new Map<string, number>();
    for (const c of account.costs) if (ELIGIBLE_SERVICES.has(c.service) && matchesAccount(filter, c)) days.set(c.date, (days.get(c.date) ?? 0) + c.amountUsd);
    return days;
  };
  const coveredOn = (eligible: number) => Math.min(eligible, capacityPerDay);

  return {
    async getSavingsPlansCoverage(input) {
      if (input.Granularity !== undefined && input.GroupBy !== undefined) throw new SampleServiceError('ValidationException', "Granularity can't be set if GroupBy is set.");
      if (input.GroupBy !== undefined) throw new SampleServiceError('ValidationException', 'The sample account answers GetSavingsPlansCoverage without GroupBy only.');
      if (input.Granularity !== 'DAILY') throw new SampleServiceError('ValidationException', 'The sample account answers DAILY Savings Plans coverage only.');
      const days = daysOf(input.TimePeriod, account.now);
      const eligible = eligibleByDay(input.Filter);
      const all: SavingsPlansCoverage[] = days.map(([start, end]) => {
        const spend = eligible.get(start) ?? 0;
        const covered = coveredOn(spend);
        return {
          Attributes: {},
          TimePeriod: { Start: start, End: end },
          Coverage: {
            SpendCoveredBySavingsPlans: amount(covered),
            OnDemandCost: amount(spend - covered),
            TotalCost: amount(spend),
            CoveragePercentage: amount(spend > 0 ? (covered / spend) * 100 : 0),
          },
        };
      });
      const key = requestKey(input, 'NextToken');
      const offset = decodeToken(input.NextToken, key, 'InvalidNextTokenException');
      const size = input.MaxResults ?? DEFAULT_COVERAGE_PAGE;
      return {
        SavingsPlansCoverages: all.slice(offset, offset + size),
        NextToken: offset + size < all.length ? encodeToken(offset + size, key) : undefined,
        $metadata: responseMetadata(),
      };
    },

    async getSavingsPlansUtilization(input) {
      if (input.Granularity !== 'DAILY' && input.Granularity !== undefined) throw new SampleServiceError('ValidationException', 'The sample account answers DAILY utilisation only.');
      const eligible = eligibleByDay(input.Filter);
      const byTime: SavingsPlansUtilizationByTime[] = daysOf(input.TimePeriod, account.now).map(([start, end]) => {
        const used = coveredOn(eligible.get(start) ?? 0) * (1 - plan.discount);
        return { TimePeriod: { Start: start, End: end }, Utilization: utilisation(24 * plan.hourlyCommitmentUsd, used) };
      });
      const total = (pick: (u: SavingsPlansUtilizationByTime) => string | undefined) => byTime.reduce((sum, u) => sum + Number(pick(u) ?? 0), 0);
      return {
        SavingsPlansUtilizationsByTime: byTime,
        Total: { Utilization: utilisation(total((u) => u.Utilization?.TotalCommitment), total((u) => u.Utilization?.UsedCommitment)) },
        $metadata: responseMetadata(),
      };
    },

    async getReservationCoverage(input) {
      const days = daysOf(input.TimePeriod, account.now);
      const grouped = (input.GroupBy ?? []).map((g) => g.Key);
      if (input.Granularity !== undefined && grouped.length > 0) throw new SampleServiceError('ValidationException', "Granularity can't be set if GroupBy is set.");
      if (grouped.some((k) => k !== 'LINKED_ACCOUNT')) throw new SampleServiceError('ValidationException', 'The sample account groups reservation coverage by LINKED_ACCOUNT only.');
      const ec2 = account.costs.filter((c) => c.service === EC2_COMPUTE && matchesAccount(input.Filter, c) && c.date >= days[0][0] && c.date < days[days.length - 1][1]);
      const onDemandCost = ec2.reduce((sum, c) => sum + c.amountUsd, 0);
      const onDemandHours = onDemandInstances(account) * 24 * days.length;
      const coverage = {
        CoverageHours: { OnDemandHours: amount(onDemandHours), ReservedHours: '0', TotalRunningHours: amount(onDemandHours), CoverageHoursPercentage: '0' },
        CoverageCost: { OnDemandCost: amount(onDemandCost) },
      };
      const period: CoverageByTime = {
        TimePeriod: { Start: days[0][0], End: days[days.length - 1][1] },
        Groups: grouped.length > 0 && ec2.length > 0 ? [{ Attributes: { linkedAccount: account.accountId }, Coverage: coverage }] : [],
        Total: coverage,
      };
      const key = requestKey(input, 'NextPageToken');
      decodeToken(input.NextPageToken, key, 'InvalidNextTokenException');
      return { CoveragesByTime: [period], Total: coverage, $metadata: responseMetadata() };
    },
  };
}

function utilisation(total: number, used: number) {
  return {
    TotalCommitment: amount(total),
    UsedCommitment: amount(used),
    UnusedCommitment: amount(total - used),
    UtilizationPercentage: amount(total > 0 ? (used / total) * 100 : 0),
  };
}

function onDemandInstances(account: SampleAccount): number {
  return account.resources.filter((s) => s.resource.type === 'ec2:instance' && s.resource.config.state === 'running' && s.resource.config.lifecycle !== 'spot').length;
}

function amount(usd: number): string {
  return usd.toFixed(10);
}

/** [Start, End) as UTC days; End may be at most today (exclusive), as Cost Explorer requires. */
function daysOf(period: { Start?: string; End?: string } | undefined, now: number): [string, string][] {
  const parse = (day: string | undefined, field: string) => {
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new SampleServiceError('ValidationException', `TimePeriod.${field} must be a date in YYYY-MM-DD form.`);
    return Date.parse(`${day}T00:00:00Z`);
  };
  const start = parse(period?.Start, 'Start');
  const end = parse(period?.End, 'End');
  if (start >= end) throw new SampleServiceError('ValidationException', 'Start date (inclusive) must be before end date (exclusive).');
  if (end > Math.floor(now / DAY_MS) * DAY_MS + DAY_MS) throw new SampleServiceError('ValidationException', 'End date must not be in the future.');
  const days: [string, string][] = [];
  for (let t = start; t < end; t += DAY_MS) days.push([iso(t), iso(t + DAY_MS)]);
  return days;
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** LINKED_ACCOUNT and SERVICE dimensions, combined with And (what the collector sends). */
function matchesAccount(filter: Expression | undefined, cost: DailyCost): boolean {
  if (filter === undefined) return true;
  if (filter.And) return filter.And.every((f) => matchesAccount(f, cost));
  const dimension = filter.Dimensions;
  if (dimension?.Key === 'LINKED_ACCOUNT') return (dimension.Values ?? []).includes(cost.account);
  if (dimension?.Key === 'SERVICE') return (dimension.Values ?? []).includes(cost.service);
  throw new SampleServiceError('ValidationException', `The sample account filters commitments on LINKED_ACCOUNT and SERVICE only; got ${JSON.stringify(filter)}.`);
}
