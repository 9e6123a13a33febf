import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { prioritiseRun, PrioritiseInputSchema, type PrioritiseOutput } from './prioritise-run.js';

/** Analysis step 4 (Prioritise): event `{ runId }` → `{ actionCount, totalMonthlySavingsUsd, accountFindings }`. */
export const handler = async (event: unknown): Promise<PrioritiseOutput> => {
  const input = parseEvent('prioritise', PrioritiseInputSchema, event);
  const { store, config } = getWorkflowRuntime();
  return prioritiseRun(input, { store, headroomPercent: config.headroomPercent, lookbackDays: config.lookbackDays });
};
