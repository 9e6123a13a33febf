import { z } from 'zod';
import { analyseAccount } from '../../engine/analyse-account.js';
import { createRuleContext } from '../../engine/analyse.js';
import { prioritise, totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { RunDataMissingError } from '../run-data-missing-error.js';
import { RunIdSchema } from '../run-id.js';

export const PrioritiseInputSchema = z.object({ runId: RunIdSchema });
export type PrioritiseInput = z.infer<typeof PrioritiseInputSchema>;

export interface PrioritiseOutput {
  actionCount: number;
  totalMonthlySavingsUsd: number;
  /** Findings of the account-level rules (Savings Plans sizing, insights as performance actions). */
  accountFindings: number;
}

export interface PrioritiseDeps {
  store: HeadroomStore;
  headroomPercent: number;
  lookbackDays: number;
}

/**
 * Runs the account-level rules over the whole run (the batches' findings, the run's anomalies and forecasts, the
 * daily costs), then ranks and de-duplicates everything (engine prioritise) and replaces the run's stored actions
 * with the result. The evaluation time is the run's startedAt, as in the other steps, so a re-run gives the same
 * actions. The total counts positive savings only (engine totalMonthlySavingsUsd), the figure the CLI and report show.
 */
export async function prioritiseRun(input: PrioritiseInput, deps: PrioritiseDeps): Promise<PrioritiseOutput> {
  const { store } = deps;
  const run = await store.getRun(input.runId);
  if (!run) throw new RunDataMissingError(`run ${input.runId} is not in the store, so the prioritise step has no evaluation time`);
  const context = createRuleContext({ now: Date.parse(run.startedAt), headroomPercent: deps.headroomPercent, lookbackDays: deps.lookbackDays });
  const [findings, resources, costs, anomalies, forecasts, hourlyComputeSpend, commitments] = await Promise.all([
    store.listFindings(input.runId),
    store.listResources(),
    store.listCosts(),
    store.listAnomalies(input.runId),
    store.listForecasts(input.runId),
    store.listComputeSpend(input.runId),
    store.listCommitments(),
  ]);
  const accountFindings = analyseAccount({ resources, findings, hourlyComputeSpend, costs, anomalies, forecasts, commitments }, context);
  const actions = prioritise([...findings, ...accountFindings]);
  await store.putActions(input.runId, actions);
  return { actionCount: actions.length, totalMonthlySavingsUsd: totalMonthlySavingsUsd(actions), accountFindings: accountFindings.length };
}
