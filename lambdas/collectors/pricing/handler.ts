import { awsPricingPort } from '../aws/pricing-adapter.js';
import type { CollectionReport } from '../report.js';
import { getCollectorRuntime, runCollector } from '../runtime.js';
import { collectPrices } from './collect-prices.js';

/**
 * Scheduled collector: list prices of the configured regions (Price List API). Event: `{}` or `{ accounts?, regions? }`
 * overriding the configured ones. Returns the CollectionReport (calls by API, cache hits, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime({ pricing: awsPricingPort }, context?.invokedFunctionArn);
  return runCollector(runtime, event, Date.now(), collectPrices);
};
