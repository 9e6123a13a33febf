import type { CollectorPorts, PortsFor } from '../../collectors/ports.js';
import { createSampleCloudWatchPort, type SampleCloudWatchOptions } from './cloudwatch-port.js';
import { createSampleComputeOptimizerPort } from './compute-optimizer-port.js';
import { createSampleCostExplorerPort, type SampleCostExplorerOptions } from './cost-explorer-port.js';
import { createSampleInventoryPort, type SampleListOptions } from './inventory-port.js';
import type { MetricContext } from './metrics.js';
import type { Incident, SampleAccount } from './model.js';
import { SampleServiceError } from './sample-errors.js';

export interface SamplePortsOptions extends SampleListOptions, SampleCloudWatchOptions, SampleCostExplorerOptions {
  /**
   * Regions where every call is denied, as an SCP would (AccessDeniedException / UnauthorizedOperation).
   * Cost Explorer is always called in us-east-1, so it is denied only when us-east-1 is.
   */
  deniedRegions?: string[];
}

/** The region every Cost Explorer call goes to (in the `aws` partition), whichever region the ports are for. */
const COST_EXPLORER_REGION = 'us-east-1';

/**
 * The sample account behind the collectors' ports: `portsFor(account, region)` answers for the
 * sample's account id in any region (regions without resources are simply empty); any other
 * account is denied, like an account whose member role cannot be assumed. Ports are built once per
 * (account, region).
 */
export function createSamplePortsFor(account: SampleAccount, options: SamplePortsOptions = {}): PortsFor {
  const incidentsByArn = new Map<string, Incident[]>();
  for (const incident of account.incidents) {
    if (incident.resourceArn === undefined) continue;
    incidentsByArn.set(incident.resourceArn, [...(incidentsByArn.get(incident.resourceArn) ?? []), incident]);
  }
  const metricContext: MetricContext = { seed: account.seed, now: account.now, incidentsByArn };
  const cache = new Map<string, CollectorPorts>();
  return (accountId, region) => {
    const key = `${accountId}/${region}`;
    let ports = cache.get(key);
    if (ports === undefined) {
      ports =
        accountId !== account.accountId
          ? deniedPorts(`User is not authorized to access account ${accountId} (no member role in the sample account).`)
          : options.deniedRegions?.includes(region)
            ? {
                ...deniedPorts(`Access to ${region} is denied by a service control policy.`),
                costExplorer: costExplorerPort(account, options),
              }
            : regionPorts(account, region, metricContext, options);
      cache.set(key, ports);
    }
    return ports;
  };
}

function regionPorts(account: SampleAccount, region: string, metricContext: MetricContext, options: SamplePortsOptions): CollectorPorts {
  const samples = account.resources.filter((s) => s.resource.region === region);
  return {
    inventory: createSampleInventoryPort(samples, options),
    cloudwatch: createSampleCloudWatchPort(samples, metricContext, options),
    costExplorer: costExplorerPort(account, options),
    computeOptimizer: createSampleComputeOptimizerPort(account.computeOptimizer, region, options),
  };
}

function costExplorerPort(account: SampleAccount, options: SamplePortsOptions): CollectorPorts['costExplorer'] {
  return options.deniedRegions?.includes(COST_EXPLORER_REGION)
    ? deniedPorts(`Access to ${COST_EXPLORER_REGION} is denied by a service control policy.`).costExplorer
    : createSampleCostExplorerPort(account.costs, account.now, options);
}

/** Ports whose every call fails the way a denying SCP or a missing role makes AWS fail. */
function deniedPorts(message: string): CollectorPorts {
  const deny = (name: string) => async (): Promise<never> => {
    throw new SampleServiceError(name, message, 403);
  };
  return {
    inventory: {
      describeInstances: deny('UnauthorizedOperation'),
      describeVolumes: deny('UnauthorizedOperation'),
      listFunctions: deny('AccessDeniedException'),
      listLambdaTags: deny('AccessDeniedException'),
      describeDBInstances: deny('AccessDenied'),
      listTables: deny('AccessDeniedException'),
      describeTable: deny('AccessDeniedException'),
      listTagsOfResource: deny('AccessDeniedException'),
      describeLogGroups: deny('AccessDeniedException'),
    },
    cloudwatch: { getMetricData: deny('AccessDenied') },
    costExplorer: { getCostAndUsage: deny('AccessDeniedException'), getCostForecast: deny('AccessDeniedException') },
    computeOptimizer: {
      getEC2InstanceRecommendations: deny('AccessDeniedException'),
      getEBSVolumeRecommendations: deny('AccessDeniedException'),
      getLambdaFunctionRecommendations: deny('AccessDeniedException'),
    },
  };
}
