import { awsInventoryPort } from '../aws/inventory-adapter.js';
import type { CollectionReport } from '../report.js';
import { getCollectorRuntime, runCollector } from '../runtime.js';
import { collectInventory } from './collect-inventory.js';

/**
 * Scheduled collector: resource inventory (EC2, EBS, Lambda, RDS, DynamoDB, log groups). Event: `{}` or `{ accounts?, regions? }` overriding the
 * configured ones. Returns the CollectionReport (calls by API, throttles, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime({ inventory: awsInventoryPort }, context?.invokedFunctionArn);
  return runCollector(runtime, event, Date.now(), collectInventory);
};
