import { z } from 'zod';
import type { HeadroomStore, RunSummary } from '../../shared/store/store.js';
import { RunIdSchema } from '../run-id.js';
import { totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import { DEFAULT_REALISED_OPTIONS, measureAppliedActions, type RealisedSavingsOptions } from '../realised-savings/measure-applied.js';

/** One entry of the Map's ResultPath: an AnalyseBatch result, or the RecordBatchFailure Pass state's output. */
export const BatchResultSchema = z.discriminatedUnion('status', [
  z.object({ batchId: z.string().min(1), status: z.literal('ok'), findings: z.number().int().nonnegative() }),
  z.object({ batchId: z.string().min(1), status: z.literal('failed'), error: z.string().optional() }),
]);

export const PersistRunInputSchema = z.object({
  runId: RunIdSchema,
  startedAt: z.iso.datetime(),
  batchResults: z.array(BatchResultSchema),
});
export type PersistRunInput = z.infer<typeof PersistRunInputSchema>;

/** Step Functions error causes can be long stack traces; the summary keeps the start. */
const MAX_ERROR_CHARS = 1000;

/**
 * Closes the run: status 'succeeded' when every batch was analysed (or there was nothing to analyse),
 * 'failed' when every batch failed, 'partial' otherwise; counts and savings come from the stored actions.
 * Then measures the realised savings of actions applied long enough ago (realised-savings/measure-applied.ts),
 * so this run's digest can show them; the summary is written first, so a failed measurement still leaves it.
 */
export async function persistRun(
  input: PersistRunInput,
  deps: { store: HeadroomStore; now?: () => number; realised?: RealisedSavingsOptions },
): Promise<RunSummary> {
  const failedBatches = input.batchResults.flatMap((r) =>
    r.status === 'failed' ? [{ batchId: r.batchId, error: (r.error ?? 'no error cause was recorded').slice(0, MAX_ERROR_CHARS) }] : [],
  );
  const batches = input.batchResults.length;
  const status: RunSummary['status'] =
    failedBatches.length === 0 ? 'succeeded' : failedBatches.length === batches ? 'failed' : 'partial';
  const actions = await deps.store.listActions(input.runId);
  const summary: RunSummary = {
    runId: input.runId,
    startedAt: input.startedAt,
    finishedAt: new Date((deps.now ?? Date.now)()).toISOString(),
    status,
    batches,
    failedBatches,
    actionCount: actions.length,
    totalMonthlySavingsUsd: totalMonthlySavingsUsd(actions),
  };
  await deps.store.putRun(summary);
  await measureAppliedActions({ runId: input.runId, startedAt: input.startedAt }, deps.store, deps.realised ?? DEFAULT_REALISED_OPTIONS);
  return summary;
}
