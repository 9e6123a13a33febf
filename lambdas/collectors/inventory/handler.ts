import type { CollectionReport } from '../report.js';
import { collectorContext, getCollectorRuntime } from '../runtime.js';
import { collectInventory } from './collect-inventory.js';

/**
 * Scheduled collector: Resource inventory (EC2, EBS, Lambda). Event: `{}` or `{ accounts?, regions? }` overriding the
 * configured ones. Returns the CollectionReport (calls by API, throttles, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime(context?.invokedFunctionArn);
  return collectInventory(collectorContext(runtime, event, Date.now()));
};
