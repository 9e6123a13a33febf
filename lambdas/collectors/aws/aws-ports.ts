import type { CloudWatchPort, CollectorPorts, ComputeOptimizerPort, CostExplorerPort, InventoryPort, PortsFor, PricingPort } from '../ports.js';
import type { AdapterConfig, AwsCredentials } from './client-config.js';
import { CountingThrottleMeter } from './throttle-meter.js';

export type { AwsCredentials } from './client-config.js';

/** Builds one service's port; each lives in its own module so a handler bundles only the clients it uses. */
export interface PortBuilders {
  cloudwatch?: (config: AdapterConfig, meter: CountingThrottleMeter) => CloudWatchPort;
  costExplorer?: (config: AdapterConfig, meter: CountingThrottleMeter) => CostExplorerPort;
  computeOptimizer?: (config: AdapterConfig, meter: CountingThrottleMeter) => ComputeOptimizerPort;
  inventory?: (config: AdapterConfig, meter: CountingThrottleMeter) => InventoryPort;
  pricing?: (config: AdapterConfig, meter: CountingThrottleMeter) => PricingPort;
}

/** How the AWS adapters build their SDK clients. */
export interface AwsPortsOptions {
  /** The services to wire (aws/all-adapters.ts has all four; a handler passes only its own). */
  builders: PortBuilders;
  /**
   * Credentials for an account other than the caller's (assume-role into the member role).
   * Return undefined to use the SDK's default credential chain (the caller's own account). Called once per account:
   * every region's clients share the answer. `meter` counts into the run's ledger; attach it to any client the
   * provider builds (memberRoleCredentials' STS client) so its calls (`sts:AssumeRole`) are counted too.
   */
  credentialsFor?: (account: string, meter: CountingThrottleMeter) => AwsCredentials | undefined;
  /** Attempts per call including the first (the SDK's adaptive retry backs off between them). Default 5. */
  maxAttempts?: number;
  /** Extra client configuration (tests pass a fake `requestHandler`). */
  clientConfig?: Record<string, unknown>;
  /** A ledger every (account, region)'s meter also counts into: the run's API calls by service and operation. */
  ledger?: CountingThrottleMeter;
}

/**
 * Real AWS ports: SDK clients per (account, region), built on first use and reused, with the standard
 * configuration chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL[_<SERVICE>]) and `retryMode:
 * 'adaptive'`. Every port method is `client.send(new XCommand(input))`; all logic is above the ports.
 * Throttled attempts are counted per (account, region) by a middleware (throttle-meter.ts). A service
 * without a builder answers with an error saying it is not wired into this function.
 */
export function createAwsPortsFor(options: AwsPortsOptions): PortsFor {
  const cache = new Map<string, CollectorPorts>();
  // Per account, not per (account, region): one AssumeRole session serves all of the account's regions.
  const credentials = new Map<string, AwsCredentials | undefined>();
  const credentialsOf = (account: string): AwsCredentials | undefined => {
    if (!credentials.has(account)) credentials.set(account, options.credentialsFor?.(account, new CountingThrottleMeter(options.ledger)));
    return credentials.get(account);
  };
  return (account, region) => {
    const key = `${account}/${region}`;
    let ports = cache.get(key);
    if (ports === undefined) {
      const meter = new CountingThrottleMeter(options.ledger);
      const config: AdapterConfig = { region, credentials: credentialsOf(account), maxAttempts: options.maxAttempts ?? 5, extra: options.clientConfig };
      const { builders } = options;
      ports = {
        cloudwatch: builders.cloudwatch?.(config, meter) ?? notWired('cloudwatch'),
        costExplorer: builders.costExplorer?.(config, meter) ?? notWired('costExplorer'),
        computeOptimizer: builders.computeOptimizer?.(config, meter) ?? notWired('computeOptimizer'),
        inventory: builders.inventory?.(config, meter) ?? notWired('inventory'),
        pricing: builders.pricing?.(config, meter),
        throttles: meter,
      };
      cache.set(key, ports);
    }
    return ports;
  };
}

/** A port whose every method fails with a bug-level error: the function was built without that service. */
function notWired<T extends object>(service: string): T {
  return new Proxy({} as T, {
    get: (_target, method) => () => Promise.reject(new Error(`the ${service} port is not wired into this function (asked for ${String(method)})`)),
  });
}
