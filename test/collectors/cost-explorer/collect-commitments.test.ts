import { CostExplorerClient, GetReservationCoverageCommand, GetSavingsPlansCoverageCommand, GetSavingsPlansUtilizationCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectCommitments } from '../../../lambdas/collectors/cost-explorer/collect-commitments.js';
import { ACCOUNT, testContext } from '../helpers/context.js';

const ce = mockClient(CostExplorerClient);
afterEach(() => ce.reset());

const OTHER = '444455556666';

/** One day of GetSavingsPlansCoverage (SavingsPlansCoverage: Attributes, Coverage, TimePeriod; amounts as strings). */
const coverageDay = (start: string, end: string, covered: string, onDemand: string) => ({
  Attributes: {},
  Coverage: { SpendCoveredBySavingsPlans: covered, OnDemandCost: onDemand, TotalCost: String(Number(covered) + Number(onDemand)), CoveragePercentage: '50' },
  TimePeriod: { Start: start, End: end },
});

/** GetSavingsPlansUtilization's Total (SavingsPlansUtilizationAggregates; Utilization is required). */
const utilisationTotal = (total: string, used: string) => ({
  Total: { Utilization: { TotalCommitment: total, UsedCommitment: used, UnusedCommitment: String(Number(total) - Number(used)), UtilizationPercentage: '90' } },
  SavingsPlansUtilizationsByTime: [],
});

/** A ReservationCoverageGroup of one linked account (Coverage: CoverageHours, CoverageCost). */
const reservationGroup = (account: string, reserved: string, onDemand: string, cost: string) => ({
  Attributes: { linkedAccount: account },
  Coverage: {
    CoverageHours: { ReservedHours: reserved, OnDemandHours: onDemand, TotalRunningHours: String(Number(reserved) + Number(onDemand)), CoverageHoursPercentage: '50' },
    CoverageCost: { OnDemandCost: cost },
  },
});

function mockAll(): void {
  ce.on(GetSavingsPlansCoverageCommand, { NextToken: undefined })
    .resolves({ SavingsPlansCoverages: [coverageDay('2026-11-09', '2026-11-10', '24.0000000000', '10')], NextToken: 'sp-2' })
    .on(GetSavingsPlansCoverageCommand, { NextToken: 'sp-2' })
    .resolves({ SavingsPlansCoverages: [coverageDay('2026-11-10', '2026-11-11', '26', '12.5')] });
  ce.on(GetSavingsPlansUtilizationCommand).resolves(utilisationTotal('420', '378'));
  ce.on(GetReservationCoverageCommand, { NextPageToken: undefined })
    .resolves({ CoveragesByTime: [{ TimePeriod: { Start: '2026-11-09', End: '2026-11-23' }, Groups: [reservationGroup(ACCOUNT, '100', '236', '23.6')] }], NextPageToken: 'ri-2' })
    .on(GetReservationCoverageCommand, { NextPageToken: 'ri-2' })
    .resolves({ CoveragesByTime: [{ TimePeriod: { Start: '2026-11-09', End: '2026-11-23' }, Groups: [reservationGroup(OTHER, '0', '50', '5')] }] });
}

describe('collectCommitments', () => {
  it('reads Savings Plans coverage (NextToken pages) and utilisation per account, and Reserved Instance coverage grouped by account (NextPageToken pages)', async () => {
    mockAll();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectCommitments(context);

    expect(await context.store.listCommitments()).toEqual([
      {
        account: ACCOUNT,
        start: '2026-11-09',
        end: '2026-11-23',
        savingsPlans: { coveredOnDemandUsd: 50, uncoveredOnDemandUsd: 22.5, commitmentUsd: 420, usedCommitmentUsd: 378 },
        reservations: { reservedHours: 100, onDemandHours: 236, onDemandCostUsd: 23.6 },
      },
    ]);
    expect(report.calls).toEqual({ 'ce:GetReservationCoverage': 2, 'ce:GetSavingsPlansCoverage': 2, 'ce:GetSavingsPlansUtilization': 1 });
    // NOW is Sunday 2026-11-29: the window is the 14 days before the latest Monday, 2026-11-23.
    expect(ce.commandCalls(GetSavingsPlansCoverageCommand)[0].args[0].input).toEqual({
      TimePeriod: { Start: '2026-11-09', End: '2026-11-23' },
      Granularity: 'DAILY',
      Metrics: ['SpendCoveredBySavingsPlans'],
      Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [ACCOUNT] } },
    });
    const ri = ce.commandCalls(GetReservationCoverageCommand)[0].args[0].input;
    // GroupBy and Granularity are exclusive in GetReservationCoverage.
    expect(ri.Granularity).toBeUndefined();
    expect(ri).toMatchObject({ GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }], Metrics: ['Hour', 'Cost'] });
  });

  it('answers from the store cache for the rest of the week, and asks again once a new Monday starts a new window', async () => {
    mockAll();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await collectCommitments(context);
    const second = await collectCommitments(context);
    expect(second.calls).toEqual({});
    expect(second.cacheHits).toEqual({ 'ce:GetReservationCoverage': 1, 'ce:GetSavingsPlansCoverage': 1, 'ce:GetSavingsPlansUtilization': 1 });
    const monday = await collectCommitments({ ...context, now: context.now + 86_400_000 });
    expect(monday.calls).toEqual({ 'ce:GetReservationCoverage': 2, 'ce:GetSavingsPlansCoverage': 2, 'ce:GetSavingsPlansUtilization': 1 });
  });

  it('records a denied Reserved Instance request as an issue and still stores the Savings Plans coverage', async () => {
    mockAll();
    ce.on(GetReservationCoverageCommand).rejects(Object.assign(new Error('not authorized to perform ce:GetReservationCoverage'), { name: 'AccessDeniedException', $fault: 'client', $metadata: {} }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectCommitments(context);

    expect(report.issues).toEqual([expect.objectContaining({ code: 'AccessDeniedException', account: ACCOUNT })]);
    const [stored] = await context.store.listCommitments();
    expect(stored.savingsPlans.coveredOnDemandUsd).toBe(50);
    expect(stored.reservations).toBeUndefined();
  });

  it('stores no coverage for an account whose Savings Plans answer fails: unknown is not zero', async () => {
    mockAll();
    ce.on(GetSavingsPlansUtilizationCommand).rejects(Object.assign(new Error('Data is not available'), { name: 'DataUnavailableException', $fault: 'client', $metadata: {} }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectCommitments(context);

    expect(report.issues.map((i) => i.code)).toEqual(['DataUnavailableException']);
    expect(await context.store.listCommitments()).toEqual([]);
  });

  it('fails with a shape error naming the field when an amount is not a decimal string', async () => {
    mockAll();
    ce.on(GetSavingsPlansUtilizationCommand).resolves({ Total: { Utilization: { TotalCommitment: 'n/a', UsedCommitment: '1' } } });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await expect(collectCommitments(context)).rejects.toThrow(/TotalCommitment/);
  });
});
