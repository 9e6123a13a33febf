import { z } from 'zod';
import { analyseCosts } from '../../engine/pipeline.js';
import { COST_SCOPE, type HeadroomStore } from '../../shared/store/store.js';
import { RunDataMissingError } from '../run-data-missing-error.js';
import { RunIdSchema } from '../run-id.js';

export const ForecastInputSchema = z.object({
  runId: RunIdSchema,
  /** Evaluation time; defaults to the run's startedAt, so re-running the step reports the same cost anomalies. */
  now: z.iso.datetime().optional(),
});
export type ForecastStepInput = z.infer<typeof ForecastInputSchema>;

export interface ForecastStepOutput {
  forecasts: number;
  /** Forecasts not made, as `name: reason` (too little cost history yet); visible in the execution history. */
  skipped: string[];
  /** Cost anomalies stored: alerts on the daily cost of the total and top services in the last 14 days. */
  anomalies: number;
}

/**
 * The forecast step, the pipeline's cost phase (engine/pipeline.ts analyseCosts): daily cost forecasts (engine
 * forecastDailyCosts: 30 and 90 days, total and top services, compared with Cost Explorer's own) and cost anomalies (engine costAnomalies: only alerts of the last
 * COST_ANOMALY_WINDOW_DAYS = 14 days, so a month-old spike is not announced again by every daily run), both
 * stored with the run under the scope 'cost'. Capacity-exhaustion forecasts come from the analyse-batch step
 * (they need each resource's series), under each batch's scope, so neither step overwrites the other's.
 */
export async function forecastCosts(input: ForecastStepInput, deps: { store: HeadroomStore }): Promise<ForecastStepOutput> {
  const { store } = deps;
  const now = input.now ?? (await store.getRun(input.runId))?.startedAt;
  if (!now) throw new RunDataMissingError(`run ${input.runId} is not in the store, so the forecast step has no evaluation time`);
  const { forecasts, skipped, anomalies } = analyseCosts(await store.listCosts(), await store.getCostForecast(), Date.parse(now));
  await store.putForecasts(input.runId, forecasts, COST_SCOPE);
  await store.putAnomalies(input.runId, COST_SCOPE, anomalies);
  return { forecasts: forecasts.length, skipped, anomalies: anomalies.length };
}
