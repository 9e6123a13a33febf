import { z } from 'zod';
import { createRuleContext } from '../../engine/analyse.js';
import { analyseRun, runRegion } from '../../engine/pipeline.js';
import { totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
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
 * The pipeline's run phase (engine/pipeline.ts analyseRun): the account-level rules over the whole run (the batches'
 * findings and compute spend, the run's anomalies and forecasts, the daily costs), then ranks and de-duplicates
 * everything, and replaces the run's stored actions with the result. Priced with the run's region's prices when all
 * resources are in one region (engine runRegion), as `analyze` does. The evaluation time is the run's startedAt, as
 * in the other steps, so a re-run gives the same actions. The total counts positive savings only (engine
 * totalMonthlySavingsUsd), the figure the CLI and report show.
 */
export async function prioritiseRun(input: PrioritiseInput, deps: PrioritiseDeps): Promise<PrioritiseOutput> {
  const { store } = deps;
  const run = await store.getRun(input.runId);
  if (!run) throw new RunDataMissingError(`run ${input.runId} is not in the store, so the prioritise step has no evaluation time`);
  const [findings, resources, costs, anomalies, forecasts, hourlyComputeSpend, commitments] = await Promise.all([
    store.listFindings(input.runId),
    store.listResources(),
    store.listCosts(),
    store.listAnomalies(input.runId),
    store.listForecasts(input.runId),
    store.listComputeSpend(input.runId),
    store.listCommitments(),
  ]);
  const region = runRegion(resources);
  const context = createRuleContext({
    now: Date.parse(run.startedAt),
    prices: region === undefined ? undefined : await store.getPrices(region),
    headroomPercent: deps.headroomPercent,
    lookbackDays: deps.lookbackDays,
  });
  const { accountFindings, actions } = analyseRun({ resources, findings, hourlyComputeSpend, costs, anomalies, forecasts, commitments }, context);
  await store.putActions(input.runId, actions);
  return { actionCount: actions.length, totalMonthlySavingsUsd: totalMonthlySavingsUsd(actions), accountFindings: accountFindings.length };
}
