import { awsCloudWatchPort } from '../aws/cloudwatch-adapter.js';
import type { CollectionReport } from '../report.js';
import { getCollectorRuntime, runCollector } from '../runtime.js';
import { collectMetrics } from './collect-metrics.js';

/**
 * Scheduled collector: CloudWatch metrics. Event: `{}` or `{ accounts?, regions? }` overriding the
 * configured ones. Returns the CollectionReport (calls by API, throttles, issues, items written).
 */
export const handler = async (event: unknown, context?: { invokedFunctionArn?: string }): Promise<CollectionReport> => {
  const runtime = getCollectorRuntime({ cloudwatch: awsCloudWatchPort }, context?.invokedFunctionArn);
  return runCollector(runtime, event, Date.now(), collectMetrics);
};
