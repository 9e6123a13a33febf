import type { InventoryPort } from '../ports.js';
import { normaliseOrRecord, type Listing } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseAddress, normaliseNatGateway } from './normalise-network.js';

/** DescribeNatGateways takes MaxResults 5–1000. */
const NAT_GATEWAYS_PAGE = 1000;

/** Elastic IPs (DescribeAddresses: one response with every address of the region, no pagination). */
export async function listAddresses(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  const response = await port.describeAddresses({});
  for (const address of response.Addresses ?? []) {
    normaliseOrRecord(listing, where, address.AllocationId ?? address.PublicIp, () => listing.resources.push(normaliseAddress(address, where)));
  }
}

/**
 * NAT gateways (DescribeNatGateways, NextToken). Deleted gateways stay visible for about an hour; they
 * cost nothing and cannot be acted on, so the state filter leaves them out.
 */
export async function listNatGateways(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await port.describeNatGateways({
      MaxResults: NAT_GATEWAYS_PAGE,
      NextToken: nextToken,
      Filter: [{ Name: 'state', Values: ['pending', 'available', 'deleting', 'failed'] }],
    });
    for (const gateway of page.NatGateways ?? []) {
      normaliseOrRecord(listing, where, gateway.NatGatewayId, () => listing.resources.push(normaliseNatGateway(gateway, where)));
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
}
