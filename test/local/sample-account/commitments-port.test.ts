import { describe, expect, it } from 'vitest';
import { analyseSnapshot } from '../../../lambdas/cli/commands/analyze.js';
import { snapshotFromStore } from '../../../lambdas/cli/io/snapshot-from-store.js';
import { runCollectors } from '../../../lambdas/collectors/run-collectors.js';
import { SAVINGS_PLANS_RULE_ID } from '../../../lambdas/engine/rules/account/savings-plans.js';
import { createSampleCommitmentsPort } from '../../../lambdas/local/sample-account/commitments-port.js';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import type { SampleAccount } from '../../../lambdas/local/sample-account/model.js';
import { createSamplePortsFor } from '../../../lambdas/local/sample-account/sample-ports.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';

const account = generateSampleAccount({ resources: 60 });
const day = (offset: number) => new Date(Math.floor(account.now / 86_400_000) * 86_400_000 + offset * 86_400_000).toISOString().slice(0, 10);
const TimePeriod = { Start: day(-14), End: day(0) };

/** The sample account collected and analysed the way `headroom demo` does; the Savings Plans finding. */
async function savingsPlanFinding(sample: SampleAccount) {
  const store = new MemoryStore({ now: () => sample.now });
  const scope = { accounts: [sample.accountId], regions: sample.regions, collectedAt: sample.now };
  await runCollectors({ portsFor: createSamplePortsFor(sample), store, accounts: scope.accounts, regions: scope.regions, now: sample.now, lookbackDays: 14 });
  const { findings } = analyseSnapshot(await snapshotFromStore(store, scope));
  return findings.find((f) => f.ruleId === SAVINGS_PLANS_RULE_ID);
}

describe('the sample account’s existing commitments', () => {
  it('holds a Compute Savings Plan that Cost Explorer reports as covered spend, fully used', async () => {
    const port = createSampleCommitmentsPort(account);
    const coverage = await port.getSavingsPlansCoverage({ TimePeriod, Granularity: 'DAILY', Metrics: ['SpendCoveredBySavingsPlans'] });
    const covered = (coverage.SavingsPlansCoverages ?? []).reduce((s, d) => s + Number(d.Coverage?.SpendCoveredBySavingsPlans), 0);
    const { hourlyCommitmentUsd, discount } = account.existingSavingsPlan;
    expect(hourlyCommitmentUsd).toBeGreaterThan(0);
    expect(covered).toBeCloseTo((14 * 24 * hourlyCommitmentUsd) / (1 - discount), 4);
    const utilisation = await port.getSavingsPlansUtilization({ TimePeriod, Granularity: 'DAILY' });
    expect(Number(utilisation.Total?.Utilization?.UtilizationPercentage)).toBeCloseTo(100, 6);
  });

  it('answers like Cost Explorer: GroupBy with Granularity is rejected, coverage pages with NextToken', async () => {
    const port = createSampleCommitmentsPort(account);
    await expect(port.getReservationCoverage({ TimePeriod, Granularity: 'DAILY', GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }] })).rejects.toMatchObject({ name: 'ValidationException' });
    const first = await port.getSavingsPlansCoverage({ TimePeriod, Granularity: 'DAILY', MaxResults: 5 });
    expect(first.SavingsPlansCoverages).toHaveLength(5);
    const rest = [];
    for (let token = first.NextToken; token !== undefined; ) {
      const page = await port.getSavingsPlansCoverage({ TimePeriod, Granularity: 'DAILY', MaxResults: 5, NextToken: token });
      rest.push(...(page.SavingsPlansCoverages ?? []));
      token = page.NextToken;
    }
    expect(rest).toHaveLength(9);
    await expect(port.getSavingsPlansCoverage({ TimePeriod: { ...TimePeriod, Start: day(-7) }, Granularity: 'DAILY', NextToken: first.NextToken })).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
  });

  it('makes the demo size its new plan net of the existing one: a smaller commitment than without it', async () => {
    const withPlan = await savingsPlanFinding(account);
    const withoutPlan = await savingsPlanFinding({ ...account, existingSavingsPlan: { ...account.existingSavingsPlan, hourlyCommitmentUsd: 0 } });
    expect(withoutPlan).toBeDefined();
    const existingCovered = account.existingSavingsPlan.hourlyCommitmentUsd / (1 - account.existingSavingsPlan.discount);
    expect(withPlan?.current.coveredOnDemandUsdPerHour).toBeCloseTo(existingCovered, 2);
    expect(withoutPlan?.current.coveredOnDemandUsdPerHour).toBe(0);
    expect(Number(withPlan?.proposed.hourlyCommitmentUsd ?? 0)).toBeLessThan(Number(withoutPlan?.proposed.hourlyCommitmentUsd));
  });
});
