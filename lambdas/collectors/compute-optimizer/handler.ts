import { awsComputeOptimizerPort } from '../aws/compute-optimizer-adapter.js';
import type { CollectionReport } from '../report.js';
import { getCollectorRuntime, runCollector } from '../runtime.js';
import { collectRecommendations } from './collect-recommendations.js';

/**
 * Scheduled collector: Compute Optimizer recommendations. Event: `{}` or `{ accounts?, regions? }` overriding the
 * configured ones. Returns the CollectionReport (calls by API, throttles, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime({ computeOptimizer: awsComputeOptimizerPort }, context?.invokedFunctionArn);
  return runCollector(runtime, event, Date.now(), collectRecommendations);
};
