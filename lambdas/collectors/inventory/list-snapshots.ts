import type { InventoryPort } from '../ports.js';
import type { Listing } from './listing.js';
import { normaliseOrRecord } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseSnapshot } from './normalise-snapshot.js';

/** DescribeSnapshots and DescribeImages both take MaxResults 5–1000. */
const SNAPSHOTS_PAGE = 1000;
const IMAGES_PAGE = 1000;

/**
 * The account's own EBS snapshots in one region (DescribeSnapshots, OwnerIds self, NextToken), each with
 * the own AMIs that reference it (DescribeImages, Owners self, NextToken, deprecated and disabled images
 * included: they still hold their snapshots) and whether its source volume is among `volumeIds`.
 */
export async function listSnapshots(port: InventoryPort, where: Placement, listing: Listing, volumeIds: ReadonlySet<string> | undefined): Promise<void> {
  const amiIdsBySnapshot = await imagesBySnapshot(port);
  let nextToken: string | undefined;
  do {
    const page = await port.describeSnapshots({ OwnerIds: ['self'], MaxResults: SNAPSHOTS_PAGE, NextToken: nextToken });
    for (const snapshot of page.Snapshots ?? []) {
      normaliseOrRecord(listing, where, snapshot.SnapshotId, () => listing.resources.push(normaliseSnapshot(snapshot, where, { volumeIds, amiIdsBySnapshot })));
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
}

async function imagesBySnapshot(port: InventoryPort): Promise<Map<string, string[]>> {
  const bySnapshot = new Map<string, string[]>();
  let nextToken: string | undefined;
  do {
    const page = await port.describeImages({ Owners: ['self'], IncludeDeprecated: true, IncludeDisabled: true, MaxResults: IMAGES_PAGE, NextToken: nextToken });
    for (const image of page.Images ?? []) {
      if (image.ImageId === undefined) continue;
      for (const mapping of image.BlockDeviceMappings ?? []) {
        const snapshotId = mapping.Ebs?.SnapshotId;
        if (snapshotId === undefined) continue;
        const amis = bySnapshot.get(snapshotId) ?? [];
        if (!amis.includes(image.ImageId)) amis.push(image.ImageId);
        bySnapshot.set(snapshotId, amis);
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return bySnapshot;
}
