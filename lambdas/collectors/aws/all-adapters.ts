import type { PortBuilders } from './aws-ports.js';
import { awsCloudWatchPort } from './cloudwatch-adapter.js';
import { awsComputeOptimizerPort } from './compute-optimizer-adapter.js';
import { awsCostExplorerPort } from './cost-explorer-adapter.js';
import { awsInventoryPort } from './inventory-adapter.js';
import { awsPricingPort } from './pricing-adapter.js';

/** Every AWS adapter, for callers that run all collectors (runCollectors in `headroom scan`). */
export const allAwsAdapters: Required<PortBuilders> = {
  cloudwatch: awsCloudWatchPort,
  costExplorer: (config, meter) => awsCostExplorerPort(config, meter),
  computeOptimizer: awsComputeOptimizerPort,
  inventory: awsInventoryPort,
  pricing: awsPricingPort,
};
