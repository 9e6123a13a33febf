import type { Snapshot } from '@aws-sdk/client-ec2';
import { EbsSnapshotConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';
import { tagRecord } from './tags.js';

/**
 * CopySnapshot gives the copy this placeholder volume id ("an arbitrary volume ID that should not be used
 * for any purpose", DescribeSnapshots reference); such a snapshot has no source volume we can know about.
 */
const ARBITRARY_VOLUME_ID = 'vol-ffffffff';

/** What the snapshot lister knows about the rest of the region when it normalises a snapshot. */
export interface SnapshotSurroundings {
  /** Volume ids the same region's complete DescribeVolumes listing returned; undefined when that listing was not complete. */
  volumeIds: ReadonlySet<string> | undefined;
  /** Own AMIs by the snapshot ids their block-device mappings reference. */
  amiIdsBySnapshot: ReadonlyMap<string, string[]>;
}

/**
 * An EBS snapshot from DescribeSnapshots (owner self). ARN: arn:<partition>:ec2:<region>::snapshot/<id>
 * (snapshot ARNs carry no account id). `sourceVolumeExists` is left out when it cannot be known: a copied
 * snapshot, or a region whose volume listing was incomplete.
 */
export function normaliseSnapshot(snapshot: Snapshot, where: Placement, around: SnapshotSurroundings): Resource {
  const id = snapshot.SnapshotId;
  if (id === undefined || id === '') throw new MalformedItemError('the EC2 API returned a snapshot without SnapshotId');
  const tags = tagRecord(snapshot.Tags);
  const volumeId = snapshot.VolumeId && snapshot.VolumeId !== ARBITRARY_VOLUME_ID ? snapshot.VolumeId : undefined;
  const config = EbsSnapshotConfigSchema.parse({
    sizeGiB: snapshot.VolumeSize,
    startTime: snapshot.StartTime?.toISOString(),
    volumeId,
    sourceVolumeExists: volumeId !== undefined && around.volumeIds !== undefined ? around.volumeIds.has(volumeId) : undefined,
    amiIds: around.amiIdsBySnapshot.get(id) ?? [],
    storageTier: snapshot.StorageTier === 'archive' ? 'archive' : 'standard',
    description: snapshot.Description || undefined,
  });
  return {
    arn: `arn:${partitionOf(where.region)}:ec2:${where.region}::snapshot/${id}`,
    type: 'ebs:snapshot',
    account: snapshot.OwnerId ?? where.account,
    region: where.region,
    name: tags.Name ?? id,
    tags,
    config,
  };
}
