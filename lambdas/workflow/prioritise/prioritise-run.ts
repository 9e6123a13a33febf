import { z } from 'zod';
import { prioritise, totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { RunIdSchema } from '../run-id.js';

export const PrioritiseInputSchema = z.object({ runId: RunIdSchema });
export type PrioritiseInput = z.infer<typeof PrioritiseInputSchema>;

export interface PrioritiseOutput {
  actionCount: number;
  totalMonthlySavingsUsd: number;
}

/**
 * Ranks and de-duplicates all findings of the run (engine) and replaces the run's stored actions with the result.
 * The total counts positive savings only (engine totalMonthlySavingsUsd), the figure the CLI and report show.
 */
export async function prioritiseRun(input: PrioritiseInput, deps: { store: HeadroomStore }): Promise<PrioritiseOutput> {
  const findings = await deps.store.listFindings(input.runId);
  const actions = prioritise(findings);
  await deps.store.putActions(input.runId, actions);
  return { actionCount: actions.length, totalMonthlySavingsUsd: totalMonthlySavingsUsd(actions) };
}
