import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { partitionOf } from '../partition.js';
import type { PricingPort } from '../ports.js';
import { meteredClient, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/**
 * The region the Price List Query API answers from, per partition. Unlike Cost Explorer, its endpoint rules
 * do not map every region to it (pricing.eu-west-1 does not exist), so the client is built in this region;
 * AWS_ENDPOINT_URL_PRICING still overrides the endpoint.
 */
const PRICING_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-northwest-1' };

/** PricingPort over the SDK: GetProducts, whatever region is being collected (the filters name it). */
export function awsPricingPort(config: AdapterConfig, meter: CountingThrottleMeter): PricingPort {
  const region = PRICING_REGION[partitionOf(config.region)] ?? 'us-east-1';
  const client = meteredClient(PricingClient, config, meter, region);
  return { getProducts: (input) => client.send(new GetProductsCommand(input)) };
}
