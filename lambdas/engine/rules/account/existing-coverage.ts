import type { CommitmentCoverage } from '../../types/snapshot.js';

const MS_PER_HOUR = 3_600_000;

/** What an account's existing commitments absorb, as on-demand USD per hour (docs/commitments.md "Existing coverage"). */
export interface ExistingCoverage {
  /** On-demand spend per hour the existing Savings Plans can cover. */
  savingsPlansUsdPerHour: number;
  /** On-demand spend per hour the EC2 Reserved Instances cover. */
  reservationsUsdPerHour: number;
  /** Existing Savings Plans commitment per hour, and the share of it that was used (undefined: no plans). */
  commitmentUsdPerHour: number;
  utilisation?: number;
  /** Share of EC2 running hours covered by Reserved Instances (undefined: no EC2 hours reported). */
  reservedHoursShare?: number;
  /** Reserved Instances cover every EC2 hour and no on-demand hour prices them: nothing is left to size a plan on. */
  fullyReserved: boolean;
}

/**
 * Existing coverage of each account from Cost Explorer's commitment reports over hours H = days of [start, end) × 24:
 *
 *   Savings Plans: K_sp = covered ÷ H × total ÷ used  (covered = SpendCoveredBySavingsPlans, total/used commitment).
 *     With a uniform discount d_e, covered = used ÷ (1 − d_e), so K_sp = total ÷ H ÷ (1 − d_e): the plans' whole
 *     capacity in on-demand dollars, including the part idle hours left unused. No used commitment: K_sp = 0 (the
 *     plans apply to none of this account's usage).
 *   Reserved Instances: K_ri = reservedHours ÷ H × onDemandCost ÷ onDemandHours (reserved hours priced at the mean
 *     on-demand hour of the same account's EC2). Reserved hours but no on-demand hour to price them: fullyReserved.
 */
export function existingCoverageByAccount(commitments: readonly CommitmentCoverage[]): Map<string, ExistingCoverage> {
  const byAccount = new Map<string, ExistingCoverage>();
  for (const c of commitments) {
    const hours = (Date.parse(`${c.end}T00:00:00Z`) - Date.parse(`${c.start}T00:00:00Z`)) / MS_PER_HOUR;
    if (!(hours > 0)) continue;
    const sp = c.savingsPlans;
    const savingsPlansUsdPerHour = sp.usedCommitmentUsd > 0 ? (sp.coveredOnDemandUsd / hours) * (sp.commitmentUsd / sp.usedCommitmentUsd) : 0;
    const ri = c.reservations;
    const running = ri === undefined ? 0 : ri.reservedHours + ri.onDemandHours;
    const reservationsUsdPerHour = ri !== undefined && ri.onDemandHours > 0 ? (ri.reservedHours / hours) * (ri.onDemandCostUsd / ri.onDemandHours) : 0;
    byAccount.set(c.account, {
      savingsPlansUsdPerHour,
      reservationsUsdPerHour,
      commitmentUsdPerHour: sp.commitmentUsd / hours,
      ...(sp.commitmentUsd > 0 ? { utilisation: sp.usedCommitmentUsd / sp.commitmentUsd } : {}),
      ...(running > 0 ? { reservedHoursShare: ri!.reservedHours / running } : {}),
      fullyReserved: ri !== undefined && ri.reservedHours > 0 && ri.onDemandHours === 0,
    });
  }
  return byAccount;
}
