import { describe, expect, it } from 'vitest';
import type { Action } from '../../../lambdas/engine/types/action.js';
import { commitmentSection } from '../../../lambdas/notify/format/report-commitments.js';

function planAction(sweep: unknown): Action {
  return {
    id: 'sp-1',
    ruleId: 'account/savings-plans',
    domain: 'compute',
    resource: { arn: 'arn:aws:savingsplans::123456789012:recommendation/compute-1yr', type: 'savingsplans:commitment', account: '123456789012', region: 'global', name: 'Compute Savings Plan (1 year, no upfront)', tags: {} },
    current: { coveredOnDemandUsdPerHour: 6.39 },
    proposed: { planType: 'Compute', termYears: 1, paymentOption: 'No Upfront', hourlyCommitmentUsd: 6.147, commitmentSweep: sweep },
    monthlySavingsUsd: 1130.59,
    performanceRisk: 0,
    confidence: 0.98,
    effort: 'low',
    restartRequired: false,
    reversible: false,
    evidence: { statistics: { forecastLower80UsdPerHour: 8.73, threeYearHourlyCommitmentUsd: 5.18, threeYearMonthlySavingsUsd: 2110.48 }, quantiles: {}, series: [], sources: [] },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
  };
}

describe('the report’s Commitments card', () => {
  it('shows existing coverage, the 1- and 3-year plans, the forecast cap and the sweep with the proposed commitment marked', () => {
    const sweep = Array.from({ length: 40 }, (_, i) => ({ hourlyCommitmentUsd: i * 0.2, netMonthlySavingsUsd: 100 * i - 2 * i * i }));
    sweep[31] = { hourlyCommitmentUsd: 6.147, netMonthlySavingsUsd: 1130.59 };
    const html = commitmentSection([planAction(sweep)]);
    expect(html).toContain('id="commitments"');
    expect(html).toContain('$6.39/h on-demand');
    expect(html).toContain('$8.73/h');
    expect(html).toContain('$2,110/month net');
    const rows = html.split('commitment-sweep')[1].match(/<tr>/g) ?? [];
    expect(rows.length).toBeLessThanOrEqual(14);
    expect(html).toContain('$1,131/month ◀ proposed');
  });

  it('is absent without a Savings Plans action, and says so when an action carries no sweep', () => {
    expect(commitmentSection([])).toBe('');
    expect(commitmentSection([planAction(undefined)])).toContain('carries no commitment sweep');
  });
});
