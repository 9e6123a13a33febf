import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import type { CostExplorerPort } from '../ports.js';
import { clientOptions, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/**
 * CostExplorerPort over the SDK. Cost Explorer is served from one region per partition (us-east-1
 * for `aws`); the SDK resolves the endpoint from that region, so no endpoint is hard-coded and
 * AWS_ENDPOINT_URL_COST_EXPLORER still wins.
 */
export function awsCostExplorerPort(config: AdapterConfig, meter: CountingThrottleMeter, costExplorerRegion = 'us-east-1'): CostExplorerPort {
  const client = new CostExplorerClient(clientOptions(config, costExplorerRegion));
  meter.attachTo(client);
  return {
    getCostAndUsage: (input) => client.send(new GetCostAndUsageCommand(input)),
    getCostForecast: (input) => client.send(new GetCostForecastCommand(input)),
  };
}
