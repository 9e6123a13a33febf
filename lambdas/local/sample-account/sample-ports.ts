import type { CollectorPorts, PortsFor } from '../../collectors/ports.js';
import { createSampleCloudWatchPort, type SampleCloudWatchOptions } from './cloudwatch-port.js';
import { createSampleComputeOptimizerPort } from './compute-optimizer-port.js';
import { createSampleCommitmentsPort } from './commitments-port.js';
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
    inventory: createSampleInventoryPort(samples, { ...options, now: account.now }),
    cloudwatch: createSampleCloudWatchPort(samples, metricContext, options),
    costExplorer: costExplorerPort(account, options),
    computeOptimizer: createSampleComputeOptimizerPort(account.computeOptimizer, region, options),
  };
}

function costExplorerPort(account: SampleAccount, options: SamplePortsOptions): CollectorPorts['costExplorer'] {
  return options.deniedRegions?.includes(COST_EXPLORER_REGION)
    ? deniedPorts(`Access to ${COST_EXPLORER_REGION} is denied by a service control policy.`).costExplorer
    : { ...createSampleCostExplorerPort(account.costs, account.now, options), ...createSampleCommitmentsPort(account) };
}

/**
 * The error name each service answers a denied call with: EC2 UnauthorizedOperation, RDS and CloudWatch
 * AccessDenied, ELBv2 and ElastiCache AccessDenied, the JSON-protocol services (Lambda, DynamoDB, Logs, ECS, Cost
 * Explorer, Compute Optimizer) AccessDeniedException.
 */
const DENIED_ERROR_BY_METHOD: Record<string, string> = {
  describeInstances: 'UnauthorizedOperation',
  describeVolumes: 'UnauthorizedOperation',
  describeSnapshots: 'UnauthorizedOperation',
  describeImages: 'UnauthorizedOperation',
  describeAddresses: 'UnauthorizedOperation',
  describeNatGateways: 'UnauthorizedOperation',
  describeDBInstances: 'AccessDenied',
  describeCacheClusters: 'AccessDenied',
  listCacheTags: 'AccessDenied',
  describeLoadBalancers: 'AccessDenied',
  describeTags: 'AccessDenied',
  describeTargetGroups: 'AccessDenied',
  describeTargetHealth: 'AccessDenied',
  getMetricData: 'AccessDenied',
  listMetrics: 'AccessDenied',
};

/**
 * Ports whose every call fails the way a denying SCP or a missing role makes AWS fail. A Proxy, so every
 * method a port gains is denied too.
 */
function deniedPorts(message: string): CollectorPorts {
  const denying = <T extends object>(): T =>
    new Proxy({} as T, {
      // Not thenable (a Promise resolving to the port must not call it) and no symbol-keyed methods.
      get: (_target, method) =>
        typeof method !== 'string' || method === 'then'
          ? undefined
          : async (): Promise<never> => {
              throw new SampleServiceError(DENIED_ERROR_BY_METHOD[method] ?? 'AccessDeniedException', message, 403);
            },
    });
  return { inventory: denying(), cloudwatch: denying(), costExplorer: denying(), computeOptimizer: denying() };
}
