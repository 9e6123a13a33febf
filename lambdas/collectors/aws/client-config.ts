import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import type { CountingThrottleMeter } from './throttle-meter.js';

/** Static credentials or a provider, as every SDK v3 client accepts them. */
export type AwsCredentials = NonNullable<CloudWatchClientConfig['credentials']>;

/** What every adapter's SDK clients are built with (the standard configuration chain does the rest). */
export interface AdapterConfig {
  region: string;
  credentials?: AwsCredentials;
  maxAttempts: number;
  /** Extra client configuration (tests pass a fake `requestHandler`). */
  extra?: Record<string, unknown>;
}

/** Client options shared by all adapters: adaptive retry (SPEC §11), no endpoint of our own. */
export function clientOptions(config: AdapterConfig, region = config.region): Record<string, unknown> & { region: string } {
  return { retryMode: 'adaptive', maxAttempts: config.maxAttempts, credentials: config.credentials, ...config.extra, region };
}

/** The slice of an SDK client's constructor this module uses. */
type ClientConstructor<C> = new (options: Record<string, unknown> & { region: string }) => C;

/**
 * Builds an SDK client with clientOptions and attaches the meter, so every call it makes is counted by
 * service and operation (the optimizer's own AWS usage) and every throttled attempt is counted.
 */
export function meteredClient<C extends Parameters<CountingThrottleMeter['attachTo']>[0]>(
  Client: ClientConstructor<C>,
  config: AdapterConfig,
  meter: CountingThrottleMeter,
  region = config.region,
): C {
  const client = new Client(clientOptions(config, region));
  meter.attachTo(client);
  return client;
}
