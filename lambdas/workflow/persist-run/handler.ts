import type { RunSummary } from '../../shared/store/store.js';
import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { persistRun, PersistRunInputSchema } from './persist-run.js';

/** Analysis step 5 (PersistRun): event `{ runId, startedAt, batchResults }` → the final RunSummary. */
export const handler = async (event: unknown): Promise<RunSummary> => {
  const input = parseEvent('persist-run', PersistRunInputSchema, event);
  return persistRun(input, { store: getWorkflowRuntime().store });
};
