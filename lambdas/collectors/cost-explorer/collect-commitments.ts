import { z } from 'zod';
import { CommitmentCoverageSchema, type CommitmentCoverage } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { cachedAnswer } from './collect-costs.js';
import {
  COMMITMENT_CACHE_TTL_SEC,
  commitmentWindow,
  reservationCoverage,
  reservationCoverageRequest,
  savingsPlansCoverage,
  savingsPlansCoverageRequest,
  savingsPlansUtilization,
  savingsPlansUtilizationRequest,
  type ReservationHours,
} from './commitment-requests.js';

const SavingsPlansShape = CommitmentCoverageSchema.shape.savingsPlans.shape;
const SavingsPlansCoverageSchema = z.object({ coveredOnDemandUsd: SavingsPlansShape.coveredOnDemandUsd, uncoveredOnDemandUsd: SavingsPlansShape.uncoveredOnDemandUsd });
const SavingsPlansUtilisationSchema = z.object({ commitmentUsd: SavingsPlansShape.commitmentUsd, usedCommitmentUsd: SavingsPlansShape.usedCommitmentUsd });
const ReservationsSchema = z.record(z.string(), CommitmentCoverageSchema.shape.reservations.unwrap());

/**
 * The existing commitments of every configured account over 14 complete days ending last Monday (commitment-requests.ts),
 * through the same Cost Explorer account as the costs (context.costExplorerAccount, else the first account):
 * EC2 Reserved Instance coverage of all accounts in one GetReservationCoverage request, then per account one
 * GetSavingsPlansCoverage and one GetSavingsPlansUtilization request (neither groups by account): 2 × accounts + 1
 * requests at $0.01, each answer cached in the store for a week, the life of its window (report.cacheHits).
 * A failing request is a CollectionIssue: without the Reserved Instance answer the accounts are stored without
 * `reservations`; an account whose Savings Plans answers fail is not stored (its coverage is unknown, not zero).
 */
export async function collectCommitments(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('cost-explorer');
  const home = context.costExplorerAccount ?? context.accounts[0];
  const [homeRegion] = context.regions;
  if (home === undefined || homeRegion === undefined) throw new RangeError('collectCommitments needs at least one account and one region');
  const ports = context.portsFor(home, homeRegion);
  const port = countingPort(ports.costExplorer, 'ce', report);
  const cached = <S extends z.ZodType>(api: string, request: object, schema: S, fetch: () => Promise<z.output<S>>) =>
    cachedAnswer(context, report, `ce:${api}`, { caller: home, request }, schema, fetch, COMMITMENT_CACHE_TTL_SEC);

  let reservations: Record<string, ReservationHours> | undefined;
  await collectUnit(report, { account: home }, ports, async () => {
    const request = reservationCoverageRequest(context.accounts, context.now);
    reservations = await cached('GetReservationCoverage', request, ReservationsSchema, () => reservationCoverage(port, request));
  });
  const window = commitmentWindow(context.now);
  const commitments: CommitmentCoverage[] = [];
  for (const account of context.accounts) {
    await collectUnit(report, { account }, ports, async () => {
      const coverageRequest = savingsPlansCoverageRequest(account, context.now);
      const coverage = await cached('GetSavingsPlansCoverage', coverageRequest, SavingsPlansCoverageSchema, () => savingsPlansCoverage(port, coverageRequest));
      const utilisationRequest = savingsPlansUtilizationRequest(account, context.now);
      const utilisation = await cached('GetSavingsPlansUtilization', utilisationRequest, SavingsPlansUtilisationSchema, () =>
        savingsPlansUtilization(port, utilisationRequest),
      );
      const ri = reservations?.[account];
      commitments.push({ account, start: window.Start, end: window.End, savingsPlans: { ...coverage, ...utilisation }, ...(ri === undefined ? {} : { reservations: ri }) });
    });
  }
  if (commitments.length > 0) await context.store.putCommitments(commitments);
  report.countWritten('commitmentCoverage', commitments.length);
  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}
