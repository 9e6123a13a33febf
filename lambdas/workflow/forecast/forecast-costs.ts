import { z } from 'zod';
import { forecastDailyCosts } from '../../engine/insights/cost-forecasts.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { RunIdSchema } from '../run-id.js';

export const ForecastInputSchema = z.object({ runId: RunIdSchema });
export type ForecastStepInput = z.infer<typeof ForecastInputSchema>;

export interface ForecastStepOutput {
  forecasts: number;
  /** Forecasts not made, as `name: reason` (too little cost history yet); visible in the execution history. */
  skipped: string[];
}

/**
 * The forecast step: daily cost forecasts (engine forecastDailyCosts: 30 and 90 days, total and top
 * services, compared with Cost Explorer's own) stored with the run.
 * Capacity-exhaustion forecasts are not produced here yet.
 */
export async function forecastCosts(input: ForecastStepInput, deps: { store: HeadroomStore }): Promise<ForecastStepOutput> {
  const { forecasts, skipped } = forecastDailyCosts(await deps.store.listCosts(), await deps.store.getCostForecast());
  await deps.store.putForecasts(input.runId, forecasts);
  return { forecasts: forecasts.length, skipped };
}
