import { parseEvent } from '../invalid-event-error.js';
import { getWorkflowRuntime } from '../runtime.js';
import { forecastCosts, ForecastInputSchema, type ForecastStepOutput } from './forecast-costs.js';

/** Analysis step 3 (Forecast): event `{ runId }` → `{ forecasts, skipped }`. */
export const handler = async (event: unknown): Promise<ForecastStepOutput> => {
  const input = parseEvent('forecast', ForecastInputSchema, event);
  return forecastCosts(input, { store: getWorkflowRuntime().store });
};
