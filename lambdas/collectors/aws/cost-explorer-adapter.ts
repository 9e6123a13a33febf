import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  GetReservationCoverageCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
} from '@aws-sdk/client-cost-explorer';
import type { CostExplorerPort } from '../ports.js';
import { meteredClient, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/**
 * CostExplorerPort over the SDK. Cost Explorer is served from one region per partition (us-east-1 in
 * `aws`, cn-northwest-1 in `aws-cn`, ...). The client is built with the collector's own region and the
 * SDK's endpoint rules map that region's partition to its Cost Explorer endpoint and signing region, so
 * nothing partition-specific is hard-coded here and AWS_ENDPOINT_URL_COST_EXPLORER still wins.
 */
export function awsCostExplorerPort(config: AdapterConfig, meter: CountingThrottleMeter, costExplorerRegion = config.region): CostExplorerPort {
  const client = meteredClient(CostExplorerClient, config, meter, costExplorerRegion);
  return {
    getCostAndUsage: (input) => client.send(new GetCostAndUsageCommand(input)),
    getCostForecast: (input) => client.send(new GetCostForecastCommand(input)),
    getSavingsPlansCoverage: (input) => client.send(new GetSavingsPlansCoverageCommand(input)),
    getSavingsPlansUtilization: (input) => client.send(new GetSavingsPlansUtilizationCommand(input)),
    getReservationCoverage: (input) => client.send(new GetReservationCoverageCommand(input)),
  };
}
