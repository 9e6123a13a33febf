import type { RunSummary } from '../../shared/store/store.js';
import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { readRealisedAfterDays } from '../realised-savings/env.js';
import { DEFAULT_REALISED_OPTIONS } from '../realised-savings/measure-applied.js';
import { persistRun, PersistRunInputSchema } from './persist-run.js';

/**
 * Analysis step 5 (PersistRun): event `{ runId, startedAt, batchResults }` → the final RunSummary; also measures the
 * realised savings of applied actions (REALISED_AFTER_DAYS, LOOKBACK_DAYS).
 */
export const handler = async (event: unknown): Promise<RunSummary> => {
  const input = parseEvent('persist-run', PersistRunInputSchema, event);
  const { store, config } = getWorkflowRuntime();
  const afterDays = readRealisedAfterDays();
  return persistRun(input, { store, realised: { ...DEFAULT_REALISED_OPTIONS, afterDays, lookbackDays: config.lookbackDays } });
};
