import { z } from 'zod';
import { analyseResources, createRuleContext } from '../../engine/analyse.js';
import type { ResourceSlice } from '../../engine/rules/rule.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { mapLimited } from '../map-limited.js';
import { RunIdSchema } from '../run-id.js';

export const AnalyseBatchInputSchema = z.object({
  runId: RunIdSchema,
  batchId: z.string().min(1),
  /** Evaluation time; defaults to the run's startedAt so re-analysing a batch gives the same findings. */
  now: z.iso.datetime().optional(),
});
export type AnalyseBatchInput = z.infer<typeof AnalyseBatchInputSchema>;

export interface AnalyseBatchOutput {
  batchId: string;
  status: 'ok';
  findings: number;
}

export interface AnalyseBatchDeps {
  store: HeadroomStore;
  headroomPercent: number;
  lookbackDays: number;
}

/** The batch or run a task was pointed at is not in the store (the Map's Catch records the batch as failed). */
export class RunDataMissingError extends Error {
  override readonly name = 'RunDataMissingError';
}

/** Store reads in flight per batch: enough to hide DynamoDB latency, few enough not to throttle. */
const READ_CONCURRENCY = 8;

/**
 * One Map iteration: loads the batch's resources with their series and external recommendations,
 * runs the engine on them and replaces the batch's findings under the run, so a retried batch leaves
 * neither duplicates nor findings its earlier attempt made and this one no longer does.
 */
export async function analyseBatch(input: AnalyseBatchInput, deps: AnalyseBatchDeps): Promise<AnalyseBatchOutput> {
  const { store } = deps;
  const batch = await store.getBatch(input.runId, input.batchId);
  if (!batch) throw new RunDataMissingError(`batch ${input.batchId} of run ${input.runId} is not in the store`);
  const now = input.now ?? (await store.getRun(input.runId))?.startedAt;
  if (!now) throw new RunDataMissingError(`run ${input.runId} is not in the store, so the batch has no evaluation time`);

  const resources = await store.getResources(batch.resourceArns);
  const slices: ResourceSlice[] = await mapLimited(resources, READ_CONCURRENCY, async (resource) => ({
    resource,
    ...(await store.getResourceData(resource.arn)),
  }));
  const context = createRuleContext({
    now: Date.parse(now),
    headroomPercent: deps.headroomPercent,
    lookbackDays: deps.lookbackDays,
  });
  const findings = analyseResources(slices, context);
  await store.putFindings(input.runId, input.batchId, findings);
  return { batchId: input.batchId, status: 'ok', findings: findings.length };
}
