import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { prioritiseRun, PrioritiseInputSchema, type PrioritiseOutput } from './prioritise-run.js';

/** Analysis step 4 (Prioritise): event `{ runId }` → `{ actionCount, totalMonthlySavingsUsd }`. */
export const handler = async (event: unknown): Promise<PrioritiseOutput> => {
  const input = parseEvent('prioritise', PrioritiseInputSchema, event);
  return prioritiseRun(input, { store: getWorkflowRuntime().store });
};
