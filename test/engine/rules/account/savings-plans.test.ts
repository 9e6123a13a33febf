import { describe, expect, it } from 'vitest';
import { savingsPlans } from '../../../../lambdas/engine/rules/account/savings-plans.js';
import type { AccountRuleInput } from '../../../../lambdas/engine/rules/account-rule.js';
import type { Finding } from '../../../../lambdas/engine/types/action.js';
import type { DailyCost } from '../../../../lambdas/engine/types/snapshot.js';
import { context, DAY_MS, NOW } from '../fixtures.js';

const ACCOUNT = '123456789012';

/** `days` complete days before NOW of compute cost: `ec2(dayIndex)` and `lambda(dayIndex)` USD. */
function costs(days: number, ec2: (d: number) => number, lambda: (d: number) => number = () => 0): DailyCost[] {
  const rows: DailyCost[] = [];
  for (let d = 1; d <= days; d++) {
    const date = new Date(NOW - d * DAY_MS).toISOString().slice(0, 10);
    rows.push({ date, account: ACCOUNT, service: 'Amazon Elastic Compute Cloud - Compute', amountUsd: ec2(d) });
    rows.push({ date, account: ACCOUNT, service: 'AWS Lambda', amountUsd: lambda(d) });
    rows.push({ date, account: ACCOUNT, service: 'Amazon Simple Storage Service', amountUsd: 50 });
  }
  return rows;
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

const input = (rows: DailyCost[], findings: Finding[] = []): AccountRuleInput => ({ resources: [], findings, costs: rows, anomalies: [], forecasts: [] });

describe('account/savings-plans', () => {
  it('commits to the hourly on-demand compute spend at the p10 day and saves the discount on it', () => {
    const [finding] = savingsPlans.evaluate(input(costs(30, () => 96)), context());
    const covered = 96 / 24;
    expect(finding.resource).toMatchObject({ type: 'savingsplans:commitment', arn: `arn:aws:savingsplans::${ACCOUNT}:recommendation/compute-1yr` });
    expect(finding.evidence.statistics.coveredOnDemandUsdPerHour).toBeCloseTo(covered, 4);
    expect(finding.proposed.hourlyCommitmentUsd).toBeCloseTo(covered * 0.75, 3);
    expect(finding.monthlySavingsUsd).toBeCloseTo(covered * 0.25 * 730, 2);
    expect(finding.reversible).toBe(false);
  });

  it('sizes at a low quantile, so a few cheap days set the commitment rather than the average', () => {
    const [finding] = savingsPlans.evaluate(input(costs(30, (d) => (d <= 3 ? 48 : 96))), context());
    // p10 of 30 days with three at $48: h = 2.9, between the 3rd and 4th order statistics → 48 + 0.9 × 48.
    expect(finding.evidence.quantiles.p10).toBeCloseTo(48 + 0.9 * 48, 2);
    expect(finding.evidence.statistics.commitmentFullyUsedDaysPercent).toBe(90);
  });

  it('sizes after rightsizing: the winning compute finding per resource shrinks the baseline, never counted twice', () => {
    const before = savingsPlans.evaluate(input(costs(30, () => 96)), context())[0];
    const findings = [ec2Finding('idle', 'ec2/idle-instance', 73), ec2Finding('rs', 'ec2/rightsize-instance', 50)];
    const after = savingsPlans.evaluate(input(costs(30, () => 96), findings), context())[0];
    // Only the idle stop ($73/month) counts: 73 × 24 / 730 = $2.40 a day less.
    expect(after.evidence.statistics.rightsizingReductionUsdPerDay).toBeCloseTo(2.4, 2);
    expect(after.evidence.statistics.coveredOnDemandUsdPerHour).toBeCloseTo((96 - 2.4) / 24, 4);
    expect(after.monthlySavingsUsd).toBeLessThan(before.monthlySavingsUsd);
    expect(after.id).toBe(before.id);
  });

  it('weights the discount by service: Lambda spend earns 12 %, EC2 25 %', () => {
    const [finding] = savingsPlans.evaluate(input(costs(30, () => 50, () => 50)), context());
    expect(finding.evidence.statistics.discountRate).toBeCloseTo(0.185, 4);
  });

  it('passes accounts with fewer than 14 days of cost or no compute spend', () => {
    expect(savingsPlans.evaluate(input(costs(10, () => 96)), context())).toEqual([]);
    expect(savingsPlans.evaluate(input(costs(30, () => 0)), context())).toEqual([]);
  });
});
