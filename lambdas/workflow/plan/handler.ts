import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { plan, PlanInputSchema, type PlanOutput } from './plan.js';

/** Analysis step 1 (Plan): event `{ runId? }` → `{ runId, startedAt, batches: [{ runId, batchId }] }`. */
export const handler = async (event: unknown): Promise<PlanOutput> => {
  const input = parseEvent('plan', PlanInputSchema, event ?? {});
  const { store, config } = getWorkflowRuntime();
  return plan(input, { store, batchSize: config.batchSize });
};
