import { describe, expect, it } from 'vitest';
import { bestCommitment, savingsPlans } from '../../../../lambdas/engine/rules/account/savings-plans.js';
import type { AccountRuleInput } from '../../../../lambdas/engine/rules/account-rule.js';
import type { HourlySpend } from '../../../../lambdas/engine/insights/hourly-compute-spend.js';
import type { Finding } from '../../../../lambdas/engine/types/action.js';
import type { CommitmentCoverage, DailyCost } from '../../../../lambdas/engine/types/snapshot.js';
import { context, NOW } from '../fixtures.js';

const ACCOUNT = '123456789012';
const HOUR = 3_600_000;

/** 14 days of hourly on-demand spend ending at NOW: usd(hourIndex, hourOfDay). */
function hourly(usd: (i: number, hourOfDay: number) => number, days = 14): HourlySpend[] {
  const rows: HourlySpend[] = [];
  const first = NOW - days * 24 * HOUR;
  for (let i = 0; i < days * 24; i++) rows.push({ account: ACCOUNT, hourStart: first + i * HOUR, usd: usd(i, i % 24) });
  return rows.filter((r) => r.usd > 0);
}

function ec2Finding(id: string, ruleId: string, savings: number, arn = 'arn:aws:ec2:us-east-1:123456789012:instance/i-1'): Finding {
  return {
    id,
    ruleId,
    domain: 'compute',
    resource: { arn, type: 'ec2:instance', account: ACCOUNT, region: 'us-east-1', name: 'web', tags: {} },
    current: {},
    proposed: ruleId === 'ec2/idle-instance' ? { state: 'stopped' } : { instanceType: 'm7g.large' },
    monthlySavingsUsd: savings,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: true,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
  };
}

const input = (rows: HourlySpend[], findings: Finding[] = [], costs: DailyCost[] = [], commitments?: CommitmentCoverage[]): AccountRuleInput => ({
  resources: [],
  findings,
  hourlyComputeSpend: rows,
  costs,
  anomalies: [],
  forecasts: [],
  ...(commitments === undefined ? {} : { commitments }),
});

/** 14 days of existing coverage: Savings Plans covering `coveredPerHour` of on-demand spend at `utilisation`. */
function coverage(coveredPerHour: number, utilisation = 1, reservations?: CommitmentCoverage['reservations']): CommitmentCoverage {
  const hours = 14 * 24;
  const used = coveredPerHour * hours * 0.75;
  return {
    account: ACCOUNT,
    start: new Date(NOW - 14 * 86_400_000).toISOString().slice(0, 10),
    end: new Date(NOW).toISOString().slice(0, 10),
    savingsPlans: { coveredOnDemandUsd: coveredPerHour * hours, uncoveredOnDemandUsd: 0, commitmentUsd: used / utilisation, usedCommitmentUsd: used },
    ...(reservations === undefined ? {} : { reservations }),
  };
}

describe('bestCommitment', () => {
  it('commits to a flat spend in full and saves the discount on it', () => {
    const best = bestCommitment(new Array(336).fill(4), 0.25);
    expect(best.commitment).toBeCloseTo(3, 9);
    expect(best.netPerHour).toBeCloseTo(1, 9);
    expect(best.utilisation).toBeCloseTo(1, 9);
  });

  it('never commits above what the hours use: a daytime-only fleet gets no more than its night floor pays back', () => {
    // $10/h for 8 h a day, $0 otherwise: covering $10 costs 7.5 × 24 = 180 a day to save 8 × 10 = 80 — a loss.
    const spend = Array.from({ length: 336 }, (_, i) => (i % 24 < 8 ? 10 : 0));
    expect(bestCommitment(spend, 0.25).netPerHour).toBe(0);
  });
});

describe('account/savings-plans', () => {
  it('sizes on the hourly spend: a flat $4/h account commits $3/h and saves $0.25 × 4 × 730', () => {
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4)), context());
    expect(finding.resource).toMatchObject({ type: 'savingsplans:commitment', arn: `arn:aws:savingsplans::${ACCOUNT}:recommendation/compute-1yr` });
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(3, 3);
    expect(finding.monthlySavingsUsd).toBeCloseTo(4 * 0.25 * 730, 2);
    expect(finding.evidence.statistics.hoursObserved).toBe(336);
    expect(finding.evidence.statistics.commitmentUtilisationPercent).toBe(100);
    expect(finding.reversible).toBe(false);
  });

  it('recommends nothing for spend that a daily p10 ÷ 24 would have over-committed (busy 8 h a day)', () => {
    // Daily total $80 every day: the old daily sizing committed 80/24 × 0.75 = $2.5/h and lost money 16 h a day.
    expect(savingsPlans.evaluate(input(hourly((_, h) => (h < 8 ? 10 : 0))), context())).toEqual([]);
  });

  it('commits to the always-on floor of a base + daytime-peak account, and its net savings are positive', () => {
    const [finding] = savingsPlans.evaluate(input(hourly((_, h) => (h < 8 ? 12 : 2))), context());
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(2 * 0.75, 3);
    expect(finding.monthlySavingsUsd).toBeCloseTo(2 * 0.25 * 730, 2);
  });

  it('sizes after rightsizing: the winning compute finding per resource shrinks every hour, never counted twice', () => {
    const findings = [
      ec2Finding('a', 'ec2/rightsize-instance', 146),
      ec2Finding('b', 'ec2/idle-instance', 365), // wins on i-1: removal beats resize
      ec2Finding('c', 'ec2/rightsize-instance', 73, 'arn:aws:ec2:us-east-1:123456789012:instance/i-2'),
    ];
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4), findings), context());
    // (365 + 73) / 730 = $0.6/h less: 3.4 × 0.25 × 730
    expect(finding.evidence.statistics.rightsizingReductionUsdPerHour).toBeCloseTo(0.6, 4);
    expect(finding.monthlySavingsUsd).toBeCloseTo(3.4 * 0.25 * 730, 1);
  });

  it("weights the discount by Cost Explorer's EC2 and Lambda shares, and reports CE's hourly cost as a cross-check", () => {
    const costs: DailyCost[] = [];
    for (let d = 1; d <= 14; d++) {
      const date = new Date(NOW - d * 86_400_000).toISOString().slice(0, 10);
      costs.push({ date, account: ACCOUNT, service: 'Amazon Elastic Compute Cloud - Compute', amountUsd: 48 });
      costs.push({ date, account: ACCOUNT, service: 'AWS Lambda', amountUsd: 48 });
    }
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4), [], costs), context());
    expect(finding.evidence.statistics.discountRate).toBeCloseTo((0.25 + 0.12) / 2, 4);
    expect(finding.evidence.statistics.costExplorerComputeUsdPerHour).toBeCloseTo(4, 4);
  });

  it('passes accounts with under a week of hours or no spend', () => {
    expect(savingsPlans.evaluate(input(hourly(() => 4, 5)), context())).toEqual([]);
    expect(savingsPlans.evaluate(input([]), context())).toEqual([]);
  });

  it('keeps its id when the commitment changes', () => {
    const [a] = savingsPlans.evaluate(input(hourly(() => 4)), context());
    const [b] = savingsPlans.evaluate(input(hourly(() => 5)), context());
    expect(a.proposed.hourlyCommitmentUsd).not.toBe(b.proposed.hourlyCommitmentUsd);
    expect(a.id).toBe(b.id);
  });

  it('nets out existing Savings Plans: an account already covering $1.5 of a flat $4/h is told to commit only on the $2.5 left', () => {
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4), [], [], [coverage(1.5)]), context());
    expect(finding.current.coveredOnDemandUsdPerHour).toBeCloseTo(1.5, 4);
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(2.5 * 0.75, 3);
    expect(finding.monthlySavingsUsd).toBeCloseTo(2.5 * 0.25 * 730, 1);
    expect(finding.evidence.sources).toContain('cost-explorer-commitments');
  });

  it('counts an under-used plan at its whole capacity (covered ÷ utilisation), and reports the utilisation', () => {
    // $1/h covered at 50 % utilisation: the plans could absorb $2/h, so only $2/h of the flat $4 is left.
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4), [], [], [coverage(1, 0.5)]), context());
    expect(finding.current.existingSavingsPlansUtilisationPercent).toBe(50);
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(2 * 0.75, 3);
  });

  it('recommends nothing to an account whose existing plans already cover its whole floor', () => {
    expect(savingsPlans.evaluate(input(hourly(() => 4), [], [], [coverage(4)]), context())).toEqual([]);
  });

  it("nets out Reserved Instances at the account's mean on-demand hour, and skips an account they cover entirely", () => {
    // 336 reserved hours of 336 + 336 running hours, the on-demand ones costing $1 each: $1/h is covered.
    const [finding] = savingsPlans.evaluate(input(hourly(() => 4), [], [], [coverage(0, 1, { reservedHours: 336, onDemandHours: 336, onDemandCostUsd: 336 })]), context());
    expect(finding.current.reservedInstanceHoursCoveredPercent).toBe(50);
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(3 * 0.75, 3);
    const allReserved = coverage(0, 1, { reservedHours: 672, onDemandHours: 0, onDemandCostUsd: 0 });
    expect(savingsPlans.evaluate(input(hourly(() => 4), [], [], [allReserved]), context())).toEqual([]);
  });

  it('never covers more than the lower 80 % bound of the forecast spend, however much the past hours paid back', () => {
    // A noisy spend around $4/h: the best-paying commitment of the past would cover more than the forecast can promise.
    const noisy = hourly((i) => 4 + 1.5 * Math.sin(i * 2.1) + 0.8 * Math.cos(i * 0.7));
    const [finding] = savingsPlans.evaluate(input(noisy), context());
    const cap = finding.evidence.statistics.forecastLower80UsdPerHour as number;
    expect(cap).toBeGreaterThan(0);
    expect(finding.evidence.statistics.coveredOnDemandUsdPerHour as number).toBeLessThanOrEqual(cap + 1e-4);
    const uncapped = bestCommitment(noisy.map((r) => r.usd), 0.25);
    expect(uncapped.commitment / 0.75).toBeGreaterThan(cap);
  });

  it('sizes the 3-year plan too and shows the sweep of net savings against the commitment', () => {
    const [finding] = savingsPlans.evaluate(input(hourly((_, h) => (h < 8 ? 12 : 2))), context());
    expect(finding.evidence.statistics.threeYearHourlyCommitmentUsd).toBeCloseTo(2 * 0.55, 3);
    expect(finding.evidence.statistics.threeYearMonthlySavingsUsd).toBeCloseTo(2 * 0.45 * 730, 0);
    const sweep = finding.proposed.commitmentSweep as { hourlyCommitmentUsd: number; netMonthlySavingsUsd: number }[];
    expect(sweep.length).toBeGreaterThan(1);
    const best = sweep.reduce((a, b) => (b.netMonthlySavingsUsd > a.netMonthlySavingsUsd ? b : a));
    expect(best.hourlyCommitmentUsd).toBe(finding.proposed.hourlyCommitmentUsd);
    expect(best.netMonthlySavingsUsd).toBeCloseTo(finding.monthlySavingsUsd, 1);
  });
});
