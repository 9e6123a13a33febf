import { z } from 'zod';
import { createRuleContext } from '../../engine/analyse.js';
import { analyseBatchSlices } from '../../engine/pipeline.js';
import type { ResourceSlice } from '../../engine/rules/rule.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { mapLimited } from '../../shared/map-limited.js';
import { RunDataMissingError } from '../run-data-missing-error.js';
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
  /** Metric anomalies stored for the batch (alerts of the detector in the lookback window). */
  anomalies: number;
  /** Capacity-exhaustion forecasts stored for the batch (only series forecast to cross their threshold). */
  capacityForecasts: number;
}

export interface AnalyseBatchDeps {
  store: HeadroomStore;
  headroomPercent: number;
  lookbackDays: number;
}

export { RunDataMissingError };

/** Store reads in flight per batch: enough to hide DynamoDB latency, few enough not to throttle. */
const READ_CONCURRENCY = 8;

/**
 * One Map iteration: loads the batch's resources with their series and external recommendations, runs the
 * pipeline's batch phase on them (engine/pipeline.ts: rules with the batch region's prices, metric anomalies,
 * capacity-exhaustion forecasts, hourly on-demand compute spend for Savings Plans sizing) and replaces the batch's
 * findings, compute spend, anomalies and capacity forecasts under the run (scope: the batch id; the forecast step's cost
 * forecasts and anomalies live under 'cost'), so a retried batch leaves neither duplicates nor results its
 * earlier attempt made and this one no longer does.
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
    // The batch's region prices (Price List API, cached by the collector); the bundled us-east-1 catalogue otherwise.
    prices: await store.getPrices(batch.region),
    headroomPercent: deps.headroomPercent,
    lookbackDays: deps.lookbackDays,
  });
  const { findings, hourlyComputeSpend, anomalies, capacityForecasts } = analyseBatchSlices(slices, context);
  await store.putFindings(input.runId, input.batchId, findings);
  await store.putComputeSpend(input.runId, input.batchId, hourlyComputeSpend);
  await store.putAnomalies(input.runId, input.batchId, anomalies);
  await store.putForecasts(input.runId, capacityForecasts, input.batchId);
  return { batchId: input.batchId, status: 'ok', findings: findings.length, anomalies: anomalies.length, capacityForecasts: capacityForecasts.length };
}
