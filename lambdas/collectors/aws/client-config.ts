import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';

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
