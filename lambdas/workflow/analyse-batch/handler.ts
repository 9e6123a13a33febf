import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { analyseBatch, AnalyseBatchInputSchema, type AnalyseBatchOutput } from './analyse-batch.js';

/** Analysis step 2 (Map iteration): event `{ runId, batchId }` → `{ batchId, status: 'ok', findings }`. */
export const handler = async (event: unknown): Promise<AnalyseBatchOutput> => {
  const input = parseEvent('analyse-batch', AnalyseBatchInputSchema, event);
  const { store, config } = getWorkflowRuntime();
  return analyseBatch(input, { store, headroomPercent: config.headroomPercent, lookbackDays: config.lookbackDays });
};
