import type { AccountRule } from '../account-rule.js';
import type { Finding } from '../../types/action.js';
import type { Resource } from '../../types/snapshot.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { quantileSorted } from '../../stats/index.js';
import { MS_PER_DAY } from '../support/series-window.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dedupeByResource } from '../../prioritise/dedupe.js';
import { withStableId } from '../../prioritise/stable-id.js';
import { COMPUTE_RESOURCE_TYPES, COMPUTE_SERVICES, COMPUTE_SP_1YR_NO_UPFRONT_DISCOUNT, type ComputeService } from './savings-plans-rates.js';

export const SAVINGS_PLANS_RULE_ID = 'account/savings-plans';
/** Sizing window: the last 30 complete UTC days; at least 14 of them must have cost data. */
const WINDOW_DAYS = 30;
const MIN_DAYS = 14;
/** The daily spend quantile committed to: p10, so the commitment is fully used on ≥ 90 % of days. */
const COMMIT_QUANTILE = 0.1;
/** AWS's smallest commitment is $0.001/hour; below $1/month of savings the purchase is not worth a decision. */
const MIN_MONTHLY_SAVINGS_USD = 1;
const SERVICES: readonly ComputeService[] = ['ec2', 'fargate', 'lambda'];

/**
 * Compute Savings Plan sizing AFTER rightsizing, per account. From the daily unblended cost of the compute services
 * a Compute Savings Plan covers (savings-plans-rates.ts COMPUTE_SERVICES) over the last 30 complete days:
 *
 *   1. baseline: every resource finding is first de-duplicated and combined (prioritise/dedupe.ts — so nothing is
 *      counted twice); the positive savings of the surviving findings on compute resources (EC2 instances, Lambda
 *      functions, ECS services) are taken off each day of their service: savings × 24 / 730 per day (floor 0);
 *   2. H = p10 of the adjusted daily compute spend ÷ 24 — the on-demand spend per hour the plan will cover, exceeded
 *      on ≥ 90 % of days, so the commitment is almost always fully used;
 *   3. d = Σ_s share_s × d_s, the discount weighted by each service's share of the adjusted spend (rates and their
 *      source in savings-plans-rates.ts, chosen conservatively);
 *   4. commitment (what is purchased, $/h at Savings Plans rates) = H × (1 − d); savings/month = H × d × 730
 *      (= commitment × d / (1 − d)).
 *
 * Days without any cost row for the account are missing data, not zero spend; fewer than 14 such days → no finding.
 * Unblended cost already nets out existing plans, so the recommendation is additional commitment. Performance risk 0
 * (billing only); reversible false (a one-year commitment); confidence = min(1, days / 30) × the share of days the
 * commitment is fully used. Resource: `savingsplans:commitment`, arn
 * `arn:aws:savingsplans::<account>:recommendation/compute-1yr`; the id names the plan, not the amount.
 */
export const savingsPlans: AccountRule = {
  id: SAVINGS_PLANS_RULE_ID,
  domain: 'compute',
  summary: 'Size a 1-year no-upfront Compute Savings Plan at the p10 hourly compute spend left after rightsizing.',
  evaluate(input, context) {
    const lastDay = Math.floor(context.now / MS_PER_DAY) * MS_PER_DAY - MS_PER_DAY;
    const firstDay = lastDay - (WINDOW_DAYS - 1) * MS_PER_DAY;
    const spend = new Map<string, Map<number, Record<ComputeService, number>>>();
    for (const cost of input.costs) {
      const day = Date.parse(`${cost.date}T00:00:00Z`);
      if (day < firstDay || day > lastDay) continue;
      const days = spend.get(cost.account) ?? new Map<number, Record<ComputeService, number>>();
      spend.set(cost.account, days);
      const row = days.get(day) ?? { ec2: 0, fargate: 0, lambda: 0 };
      days.set(day, row);
      const service = COMPUTE_SERVICES[cost.service];
      if (service) row[service] += cost.amountUsd;
    }

    const reductions = baselineReductions(input.findings);
    const findings: Finding[] = [];
    for (const account of [...spend.keys()].sort()) {
      const finding = sizeAccount(account, spend.get(account)!, reductions.get(account), context.prices.sources);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** Monthly savings of the de-duplicated compute findings, by account and service. */
function baselineReductions(findings: readonly Finding[]): Map<string, Record<ComputeService, number>> {
  const byAccount = new Map<string, Record<ComputeService, number>>();
  for (const { finding } of dedupeByResource(findings)) {
    const service = COMPUTE_RESOURCE_TYPES[finding.resource.type];
    if (!service || finding.monthlySavingsUsd <= 0) continue;
    const row = byAccount.get(finding.resource.account) ?? { ec2: 0, fargate: 0, lambda: 0 };
    row[service] += finding.monthlySavingsUsd;
    byAccount.set(finding.resource.account, row);
  }
  return byAccount;
}

function sizeAccount(
  account: string,
  days: Map<number, Record<ComputeService, number>>,
  monthlyReduction: Record<ComputeService, number> | undefined,
  priceSources: readonly string[],
): Finding | undefined {
  if (days.size < MIN_DAYS) return undefined;
  const perDay = (service: ComputeService) => ((monthlyReduction?.[service] ?? 0) * 24) / HOURS_PER_MONTH;
  const ordered = [...days.keys()].sort((a, b) => a - b);
  const totals = { ec2: 0, fargate: 0, lambda: 0 };
  const raw: number[] = [];
  const adjusted: number[] = [];
  for (const day of ordered) {
    const row = days.get(day)!;
    let dayTotal = 0;
    for (const s of SERVICES) {
      const after = Math.max(0, row[s] - perDay(s));
      totals[s] += after;
      dayTotal += after;
    }
    raw.push(SERVICES.reduce((sum, s) => sum + row[s], 0));
    adjusted.push(dayTotal);
  }
  const sorted = [...adjusted].sort((a, b) => a - b);
  const coveredHourly = quantileSorted(sorted, COMMIT_QUANTILE) / 24;
  const total = totals.ec2 + totals.fargate + totals.lambda;
  if (coveredHourly <= 0 || total <= 0) return undefined;
  const discount = SERVICES.reduce((d, s) => d + (totals[s] / total) * COMPUTE_SP_1YR_NO_UPFRONT_DISCOUNT[s], 0);
  const savings = coveredHourly * discount * HOURS_PER_MONTH;
  if (savings < MIN_MONTHLY_SAVINGS_USD) return undefined;
  const commitment = coveredHourly * (1 - discount);
  const fullyUsedShare = adjusted.filter((v) => v / 24 >= coveredHourly).length / adjusted.length;

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
    current: { coveredOnDemandUsdPerHour: 0 },
    proposed: { planType: 'Compute', termYears: 1, paymentOption: 'No Upfront', hourlyCommitmentUsd: roundTo(commitment, 3) },
    monthlySavingsUsd: savings,
    performanceRisk: 0,
    confidence: roundTo(Math.min(1, days.size / WINDOW_DAYS) * fullyUsedShare, 2),
    effort: 'low',
    restartRequired: false,
    reversible: false,
    evidence: {
      statistics: {
        daysObserved: days.size,
        windowDays: WINDOW_DAYS,
        coveredOnDemandUsdPerHour: roundTo(coveredHourly, 4),
        hourlyCommitmentUsd: roundTo(commitment, 4),
        discountRate: roundTo(discount, 4),
        rightsizingReductionUsdPerDay: roundTo(SERVICES.reduce((sum, s) => sum + perDay(s), 0), 2),
        ec2SharePercent: roundTo((totals.ec2 / total) * 100, 1),
        fargateSharePercent: roundTo((totals.fargate / total) * 100, 1),
        lambdaSharePercent: roundTo((totals.lambda / total) * 100, 1),
        commitmentFullyUsedDaysPercent: roundTo(fullyUsedShare * 100, 1),
      },
      quantiles: {
        p10: roundTo(quantileSorted(sorted, 0.1), 2),
        p50: roundTo(quantileSorted(sorted, 0.5), 2),
        p90: roundTo(quantileSorted(sorted, 0.9), 2),
        min: roundTo(sorted[0], 2),
        max: roundTo(sorted[sorted.length - 1], 2),
      },
      series: [
        excerpt('ComputeSpendAfterRightsizingUsd', 'Sum', 'USD/day', ordered, adjusted),
        excerpt('ComputeSpendUsd', 'Sum', 'USD/day', ordered, raw),
      ],
      sources: ['cost-explorer', 'savings-plans-pricing-page', ...priceSources],
    },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
  });
  return withStableId(finding, { planType: 'Compute', term: '1yr', payment: 'no-upfront' });
}
