import { EbsVolumeConfigSchema } from '../types/snapshot.js';
import type { CostComparison, CostModel } from './realised-savings.js';

const VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
type VolumeType = (typeof VOLUME_TYPES)[number];
const isVolumeType = (value: unknown): value is VolumeType => VOLUME_TYPES.includes(value as VolumeType);
const numberOr = (value: unknown, fallback: number | undefined) => (typeof value === 'number' ? value : fallback);

/**
 * EBS bills what is provisioned, so the volume's configuration is its usage: before = the configuration recorded in
 * the action (`current`), after = the configuration the latest inventory reports, both priced per month
 * (PriceBook.ebsVolumeMonthlyUsd). A volume that no longer exists costs nothing after, except the snapshot the
 * snapshot-then-delete executor kept (sizeGiB × snapshot price: an upper bound, snapshots are incremental).
 */
export const realisedEbsVolume: CostModel = (input, _windows, prices): CostComparison | string => {
  const current = input.action.current;
  const volumeType = current.volumeType;
  const sizeGiB = numberOr(current.sizeGiB, undefined);
  if (!isVolumeType(volumeType) || sizeGiB === undefined) return 'the action does not record the volume type and size it started from';
  const before = prices.ebsVolumeMonthlyUsd({ volumeType, sizeGiB, iops: numberOr(current.iops, undefined), throughputMiBps: numberOr(current.throughputMiBps, undefined) });
  if (!input.resource) {
    const snapshotKept = input.action.automation.executor === 'ebs-snapshot-delete';
    const after = snapshotKept ? sizeGiB * prices.ebsSnapshotGbMonthUsd : 0;
    return { beforeMonthlyUsd: before, afterMonthlyUsd: after, method: 'configuration priced: volume deleted', basis: { snapshotKeptGiB: snapshotKept ? sizeGiB : 0 } };
  }
  const config = EbsVolumeConfigSchema.safeParse(input.resource.config);
  if (!config.success) return 'the inventory has no valid configuration for the volume';
  const after = prices.ebsVolumeMonthlyUsd(config.data);
  return {
    beforeMonthlyUsd: before,
    afterMonthlyUsd: after,
    method: 'configuration priced: before as recorded, after as inventoried',
    basis: { volumeTypeBefore: volumeType, volumeTypeAfter: config.data.volumeType, sizeGiBAfter: config.data.sizeGiB },
  };
};
