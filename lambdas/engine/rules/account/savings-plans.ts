import type { AccountRule } from '../account-rule.js';
import type { Finding } from '../../types/action.js';
import type { DailyCost, Resource } from '../../types/snapshot.js';
import { toMicroUsd, type HourlySpend } from '../../insights/hourly-compute-spend.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { quantileSorted } from '../../stats/index.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dedupeByResource } from '../../prioritise/dedupe.js';
import { withStableId } from '../../prioritise/stable-id.js';
import { forecastSeries, ForecastInputError } from '../../forecast/forecast.js';
import { COMPUTE_RESOURCE_TYPES, COMPUTE_SERVICES, COMPUTE_SP_TERMS, type ComputeService } from './savings-plans-rates.js';
import { existingCoverageByAccount, type ExistingCoverage } from './existing-coverage.js';

export const SAVINGS_PLANS_RULE_ID = 'account/savings-plans';
const MS_PER_HOUR = 3_600_000;
/** At least a week of hours between the first and last hour with spend, so the weekly shape is seen. */
const MIN_HOURS = 7 * 24;
/** Commitments tried: the on-demand spend quantiles 0, 1, …, 50 % (above the median a plan is idle most hours). */
const CANDIDATE_QUANTILES = Array.from({ length: 51 }, (_, i) => i / 100);
/** AWS's smallest commitment is $0.001/hour; below $1/month of net savings the purchase is not worth a decision. */
const MIN_MONTHLY_SAVINGS_USD = 1;
/** Hours ahead the spend left to cover is forecast, for the cap on the commitment: one week, the weekly shape. */
const FORECAST_HOURS = 7 * 24;

/**
 * Compute Savings Plan sizing AFTER rightsizing, per account, hour by hour (a plan's commitment is used or wasted each
 * hour; a daily total hides the nights and weekends it would be wasted in). Input: the on-demand compute spend per
 * account per UTC hour derived from the resources (insights/hourly-compute-spend.ts — EC2 on-demand hours and Lambda
 * duration; Spot excluded), over the hours from the account's first to its last hour with spend (hours between without
 * a row are zero spend; ≥ 168 hours needed).
 *
 *   1. baseline: every resource finding is de-duplicated and combined first (prioritise/dedupe.ts, nothing counted
 *      twice); the positive savings of the surviving findings on compute resources (rightsizing, idle, removal) are
 *      spend that will no longer happen, and what existing Savings Plans and Reserved Instances absorb (K, on-demand
 *      $/h: existing-coverage.ts) is spend a new plan cannot cover: s_h = max(0, spend_h − Σ monthlySavings ÷ 730 − K);
 *      an account whose Reserved Instances cover every EC2 hour gets no finding;
 *   2. cap: the mean over the next 168 hours of the 80 % forecast interval's lower bound of s (forecast/forecast.ts);
 *      no finding when s cannot be forecast;
 *   3. per term T (1 and 3 years), d_T = the no-upfront discount (savings-plans-rates.ts), weighted by the EC2 and
 *      Lambda shares of the account's Cost Explorer compute cost over the same hours (EC2's rate when there is none);
 *   4. for a commitment C ($/h of Savings Plans charges) the plan covers C ÷ (1 − d) of on-demand spend an hour, and
 *      an hour costs C + max(0, s_h − C ÷ (1 − d)) instead of s_h: net_h(C) = s_h − C − max(0, s_h − C ÷ (1 − d));
 *   5. C is the candidate maximising Σ_h net_h(C) among C_q = quantile_q(s) × (1 − d), q = 0, 0.01, …, 0.5, and
 *      cap × (1 − d), keeping only those with C ÷ (1 − d) ≤ cap (never more covered spend than the lower bound);
 *   6. the finding proposes the 1-year plan (monthly savings = mean_h net_h(C) × 730; none unless above $1); the
 *      3-year plan's commitment and savings are in the evidence, and the sweep (every candidate's net monthly
 *      savings) in proposed.commitmentSweep for the report.
 *
 * Evidence: the hourly series (downsampled), hours observed, the commitment's utilisation Σ min(s_h, C/(1−d)) ÷
 * (N × C/(1−d)), the share of hours it is fully used, and Cost Explorer's mean hourly compute cost over the window as
 * a cross-check (it includes Spot and Fargate, so it is expected to be higher). Performance risk 0 (billing only);
 * reversible false (a one-year commitment); confidence = min(1, hours ÷ (lookbackDays × 24)) × utilisation. Resource:
 * `savingsplans:commitment`, arn `arn:aws:savingsplans::<account>:recommendation/compute-1yr`; the id names the plan,
 * not the amount.
 */
export const savingsPlans: AccountRule = {
  id: SAVINGS_PLANS_RULE_ID,
  domain: 'compute',
  summary: 'Size a 1-year no-upfront Compute Savings Plan on the hourly on-demand compute spend left after rightsizing, at the commitment that saves most.',
  evaluate(input, context) {
    const byAccount = new Map<string, HourlySpend[]>();
    for (const row of input.hourlyComputeSpend) {
      const rows = byAccount.get(row.account);
      if (rows) rows.push(row);
      else byAccount.set(row.account, [row]);
    }
    const reductions = baselineReductions(input.findings);
    const coverage = existingCoverageByAccount(input.commitments ?? []);
    const findings: Finding[] = [];
    for (const account of [...byAccount.keys()].sort()) {
      const reduction = { rightsizingUsdPerMonth: reductions.get(account) ?? 0, existing: coverage.get(account) };
      const finding = sizeAccount(account, byAccount.get(account)!, reduction, input.costs, context.lookbackDays, context.prices.sources);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** Monthly savings of the de-duplicated compute findings, by account. */
function baselineReductions(findings: readonly Finding[]): Map<string, number> {
  const byAccount = new Map<string, number>();
  for (const { finding } of dedupeByResource(findings)) {
    if (!COMPUTE_RESOURCE_TYPES[finding.resource.type] || finding.monthlySavingsUsd <= 0) continue;
    byAccount.set(finding.resource.account, (byAccount.get(finding.resource.account) ?? 0) + finding.monthlySavingsUsd);
  }
  return byAccount;
}

export interface SizedCommitment {
  commitment: number;
  netPerHour: number;
  utilisation: number;
  fullyUsedShare: number;
  /** Every candidate tried, ascending: commitment $/h and its mean net savings per hour. */
  sweep: { commitment: number; netPerHour: number }[];
}

/**
 * The commitment that maximises net savings over the hours, with its statistics; candidates covering more than
 * `maxCoveredPerHour` of on-demand spend are not considered (the cap itself is a candidate).
 */
export function bestCommitment(spend: readonly number[], discount: number, maxCoveredPerHour = Infinity): SizedCommitment {
  const sorted = [...spend].sort((a, b) => a - b);
  let best: SizedCommitment = { commitment: 0, netPerHour: 0, utilisation: 0, fullyUsedShare: 0, sweep: [] };
  const candidates = CANDIDATE_QUANTILES.map((q) => quantileSorted(sorted, q)).filter((covered) => covered <= maxCoveredPerHour);
  if (Number.isFinite(maxCoveredPerHour)) candidates.push(maxCoveredPerHour);
  const sweep: SizedCommitment['sweep'] = [];
  for (const coveredSpend of [...new Set(candidates)].sort((a, b) => a - b)) {
    const commitment = coveredSpend * (1 - discount);
    if (commitment <= 0) continue;
    const covered = commitment / (1 - discount);
    let net = 0;
    let used = 0;
    let fullyUsed = 0;
    for (const s of spend) {
      net += s - commitment - Math.max(0, s - covered);
      used += Math.min(s, covered);
      if (s >= covered) fullyUsed++;
    }
    const netPerHour = net / spend.length;
    sweep.push({ commitment, netPerHour });
    if (netPerHour > best.netPerHour) best = { commitment, netPerHour, utilisation: used / (covered * spend.length), fullyUsedShare: fullyUsed / spend.length, sweep };
  }
  return { ...best, sweep };
}

/**
 * The mean lower bound of the 80 % forecast interval of `spend` (hourly, from `first`) over the next week; undefined
 * when the series cannot be forecast.
 */
function forecastLowerBound(spend: readonly number[], first: number): number | undefined {
  try {
    const forecast = forecastSeries({ timestamps: spend.map((_, i) => first + i * MS_PER_HOUR), values: [...spend] }, FORECAST_HOURS, { stepMs: MS_PER_HOUR });
    return forecast.lower80.reduce((a, b) => a + b, 0) / forecast.lower80.length;
  } catch (error) {
    if (error instanceof ForecastInputError) return undefined;
    throw error;
  }
}

/** EC2/Lambda-weighted discount from Cost Explorer's compute cost in [from, to); EC2's rate when there is none. */
function weightedDiscount(
  costs: readonly DailyCost[],
  account: string,
  from: number,
  to: number,
  rates: Readonly<Record<ComputeService, number>>,
): { discount: number; costExplorerUsdPerHour?: number } {
  const totals = { ec2: 0, lambda: 0, all: 0 };
  const days = new Set<string>();
  for (const cost of costs) {
    if (cost.account !== account) continue;
    const day = Date.parse(`${cost.date}T00:00:00Z`);
    if (day + 24 * MS_PER_HOUR <= from || day >= to) continue;
    const service = COMPUTE_SERVICES[cost.service];
    if (!service) continue;
    days.add(cost.date);
    totals.all += cost.amountUsd;
    if (service === 'ec2' || service === 'lambda') totals[service] += cost.amountUsd;
  }
  const both = totals.ec2 + totals.lambda;
  const discount = both > 0 ? (totals.ec2 * rates.ec2 + totals.lambda * rates.lambda) / both : rates.ec2;
  return days.size > 0 ? { discount, costExplorerUsdPerHour: totals.all / (days.size * 24) } : { discount };
}

function sizeAccount(
  account: string,
  rows: readonly HourlySpend[],
  reduction: { rightsizingUsdPerMonth: number; existing: ExistingCoverage | undefined },
  costs: readonly DailyCost[],
  lookbackDays: number,
  priceSources: readonly string[],
): Finding | undefined {
  const { existing } = reduction;
  if (existing?.fullyReserved) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    first = Math.min(first, r.hourStart);
    last = Math.max(last, r.hourStart);
  }
  const hours = Math.round((last - first) / MS_PER_HOUR) + 1;
  if (hours < MIN_HOURS) return undefined;
  // Rows are whole micro-dollars (hourlyComputeSpend): summed as integers, so any grouping of batches gives one total.
  const micro = new Array<number>(hours).fill(0);
  for (const r of rows) micro[Math.round((r.hourStart - first) / MS_PER_HOUR)] += toMicroUsd(r.usd);
  const raw = micro.map((m) => m / 1_000_000);
  const reductionPerHour = reduction.rightsizingUsdPerMonth / HOURS_PER_MONTH;
  const existingPerHour = (existing?.savingsPlansUsdPerHour ?? 0) + (existing?.reservationsUsdPerHour ?? 0);
  const adjusted = raw.map((s) => Math.max(0, s - reductionPerHour - existingPerHour));
  const cap = forecastLowerBound(adjusted, first);
  if (cap === undefined || !(cap > 0)) return undefined;
  const [oneYear, threeYear] = COMPUTE_SP_TERMS.map(({ termYears, rates }) => {
    const { discount, costExplorerUsdPerHour } = weightedDiscount(costs, account, first, last + MS_PER_HOUR, rates);
    return { termYears, discount, costExplorerUsdPerHour, best: bestCommitment(adjusted, discount, cap) };
  });
  const { discount, costExplorerUsdPerHour, best } = oneYear;
  const savings = best.netPerHour * HOURS_PER_MONTH;
  if (savings <= MIN_MONTHLY_SAVINGS_USD) return undefined;
  const sorted = [...adjusted].sort((a, b) => a - b);
  const timestamps = raw.map((_, i) => first + i * MS_PER_HOUR);

  const resource: Resource = {
    arn: `arn:aws:savingsplans::${account}:recommendation/compute-1yr`,
    type: 'savingsplans:commitment',
    account,
    region: 'global',
    name: 'Compute Savings Plan (1 year, no upfront)',
    tags: {},
    config: {},
  };
  const finding = buildFinding({
    ruleId: SAVINGS_PLANS_RULE_ID,
    domain: 'compute',
    resource,
    current: {
      coveredOnDemandUsdPerHour: roundTo(existingPerHour, 4),
      existingSavingsPlansCommitmentUsdPerHour: roundTo(existing?.commitmentUsdPerHour ?? 0, 4),
      ...(existing?.utilisation === undefined ? {} : { existingSavingsPlansUtilisationPercent: roundTo(existing.utilisation * 100, 1) }),
      ...(existing?.reservedHoursShare === undefined ? {} : { reservedInstanceHoursCoveredPercent: roundTo(existing.reservedHoursShare * 100, 1) }),
    },
    proposed: {
      planType: 'Compute',
      termYears: 1,
      paymentOption: 'No Upfront',
      hourlyCommitmentUsd: roundTo(best.commitment, 3),
      commitmentSweep: best.sweep.map((c) => ({ hourlyCommitmentUsd: roundTo(c.commitment, 3), netMonthlySavingsUsd: roundTo(c.netPerHour * HOURS_PER_MONTH, 2) })),
    },
    monthlySavingsUsd: savings,
    performanceRisk: 0,
    confidence: roundTo(Math.min(1, hours / (lookbackDays * 24)) * best.utilisation, 2),
    effort: 'low',
    restartRequired: false,
    reversible: false,
    evidence: {
      statistics: {
        hoursObserved: hours,
        coveredOnDemandUsdPerHour: roundTo(best.commitment / (1 - discount), 4),
        hourlyCommitmentUsd: roundTo(best.commitment, 4),
        discountRate: roundTo(discount, 4),
        commitmentUtilisationPercent: roundTo(best.utilisation * 100, 1),
        commitmentFullyUsedHoursPercent: roundTo(best.fullyUsedShare * 100, 1),
        rightsizingReductionUsdPerHour: roundTo(reductionPerHour, 4),
        existingCoverageUsdPerHour: roundTo(existingPerHour, 4),
        forecastLower80UsdPerHour: roundTo(cap, 4),
        threeYearHourlyCommitmentUsd: roundTo(threeYear.best.commitment, 4),
        threeYearMonthlySavingsUsd: roundTo(threeYear.best.netPerHour * HOURS_PER_MONTH, 2),
        threeYearDiscountRate: roundTo(threeYear.discount, 4),
        meanOnDemandUsdPerHour: roundTo(raw.reduce((a, b) => a + b, 0) / hours, 4),
        ...(costExplorerUsdPerHour === undefined ? {} : { costExplorerComputeUsdPerHour: roundTo(costExplorerUsdPerHour, 4) }),
      },
      quantiles: {
        p10: roundTo(quantileSorted(sorted, 0.1), 4),
        p50: roundTo(quantileSorted(sorted, 0.5), 4),
        p90: roundTo(quantileSorted(sorted, 0.9), 4),
        min: roundTo(sorted[0], 4),
        max: roundTo(sorted[sorted.length - 1], 4),
      },
      series: [
        excerpt('OnDemandComputeSpendLeftToCoverUsd', 'Sum', 'USD/hour', timestamps, adjusted),
        excerpt('OnDemandComputeSpendUsd', 'Sum', 'USD/hour', timestamps, raw),
      ],
      sources: ['cloudwatch', 'resource-config', 'savings-plans-pricing-page', ...(existing === undefined ? [] : ['cost-explorer-commitments']), ...priceSources],
    },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
  });
  return withStableId(finding, { planType: 'Compute', term: '1yr', payment: 'no-upfront' });
}
