import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { InventoryPort } from '../ports.js';
import { normaliseOrRecord, readOrRecord, type Listing } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseLoadBalancer, type TargetCounts } from './normalise-network.js';
import { tagRecord } from './tags.js';

/** DescribeLoadBalancers and DescribeTargetGroups take PageSize 1–400; DescribeTags at most 20 ARNs. */
const LOAD_BALANCERS_PAGE = 400;
const TARGET_GROUPS_PAGE = 400;
const TAGS_BATCH = 20;

/**
 * ELBv2 load balancers of one region: DescribeLoadBalancers (Marker/NextMarker), their tags with
 * DescribeTags in batches of 20 ARNs, and registered/healthy target counts from every target group of the
 * region (DescribeTargetGroups, Marker/NextMarker; one DescribeTargetHealth per group, summed over the load
 * balancers each group serves). Tags or target health that cannot be read leave the load balancer
 * inventoried without them, with an issue.
 */
export async function listLoadBalancers(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  const balancers: LoadBalancer[] = [];
  let marker: string | undefined;
  do {
    const page = await port.describeLoadBalancers({ PageSize: LOAD_BALANCERS_PAGE, Marker: marker });
    balancers.push(...(page.LoadBalancers ?? []));
    marker = page.NextMarker || undefined;
  } while (marker !== undefined);
  if (balancers.length === 0) return;

  const arns = balancers.flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
  const tags = await loadBalancerTags(port, where, listing, arns);
  const targets = await targetCounts(port, where, listing);
  for (const lb of balancers) {
    const arn = lb.LoadBalancerArn ?? '';
    // No entry: no target group serves it (zero targets). An undefined entry: its counts could not be read.
    const counts = targets === undefined ? undefined : targets.has(arn) ? targets.get(arn) : { registered: 0, healthy: 0 };
    normaliseOrRecord(listing, where, lb.LoadBalancerName, () => listing.resources.push(normaliseLoadBalancer(lb, tags.get(arn) ?? {}, counts, where)));
  }
}

async function loadBalancerTags(port: InventoryPort, where: Placement, listing: Listing, arns: string[]): Promise<Map<string, Record<string, string>>> {
  const tags = new Map<string, Record<string, string>>();
  for (let offset = 0; offset < arns.length; offset += TAGS_BATCH) {
    const batch = arns.slice(offset, offset + TAGS_BATCH);
    const response = await readOrRecord(listing.report, where, `tags of ${batch.length} load balancers not read, inventoried untagged`, undefined, () =>
      port.describeTags({ ResourceArns: batch }),
    );
    for (const description of response?.TagDescriptions ?? []) {
      if (description.ResourceArn !== undefined) tags.set(description.ResourceArn, tagRecord(description.Tags));
    }
  }
  return tags;
}

/**
 * Target counts by load balancer ARN, or undefined when the target groups could not be listed. A load
 * balancer served by a group whose health could not be read maps to undefined (counts unknown).
 */
async function targetCounts(port: InventoryPort, where: Placement, listing: Listing): Promise<Map<string, TargetCounts | undefined> | undefined> {
  const counts = new Map<string, TargetCounts | undefined>();
  let marker: string | undefined;
  do {
    const page = await readOrRecord(listing.report, where, 'target groups not listed, load balancers inventoried without target counts', undefined, () =>
      port.describeTargetGroups({ PageSize: TARGET_GROUPS_PAGE, Marker: marker }),
    );
    if (page === undefined) return undefined;
    for (const group of page.TargetGroups ?? []) {
      const served = group.LoadBalancerArns ?? [];
      if (group.TargetGroupArn === undefined || served.length === 0) continue;
      const arn = group.TargetGroupArn;
      const health = await readOrRecord(listing.report, where, `target health of ${arn} not read`, undefined, () => port.describeTargetHealth({ TargetGroupArn: arn }));
      for (const lbArn of served) {
        const entry = counts.has(lbArn) ? counts.get(lbArn) : { registered: 0, healthy: 0 };
        if (health === undefined || entry === undefined) {
          counts.set(lbArn, undefined);
          continue;
        }
        for (const target of health.TargetHealthDescriptions ?? []) {
          entry.registered += 1;
          if (target.TargetHealth?.State === 'healthy') entry.healthy += 1;
        }
        counts.set(lbArn, entry);
      }
    }
    marker = page.NextMarker || undefined;
  } while (marker !== undefined);
  return counts;
}
