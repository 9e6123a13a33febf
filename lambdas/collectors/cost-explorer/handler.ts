import { awsCostExplorerPort } from '../aws/cost-explorer-adapter.js';
import type { CollectionReport } from '../report.js';
import { getCollectorRuntime, runCollector } from '../runtime.js';
import { collectCostExplorer } from './collect-cost-explorer.js';

/**
 * Scheduled collector: Cost Explorer daily costs and forecast, and existing Savings Plans / Reserved Instance coverage. Event: `{}` or `{ accounts?, regions? }` overriding the
 * configured ones. Returns the CollectionReport (calls by API, throttles, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime({ costExplorer: awsCostExplorerPort }, context?.invokedFunctionArn);
  return runCollector(runtime, event, Date.now(), collectCostExplorer);
};
