import { GP2_BURST_IOPS, GP2_IOPS_PER_GIB, GP2_MAX_IOPS, GP2_MIN_IOPS } from '../../pricing/ebs-prices.js';

/**
 * What a gp2 volume delivers (Amazon EBS User Guide, "General Purpose SSD volumes"):
 *   baseline IOPS = clamp(3 × sizeGiB, 100, 16,000); volumes with a lower baseline burst to 3,000 IOPS;
 *   throughput    = 128 MiB/s up to 170 GiB, 250 MiB/s above (170–334 GiB only while burst credits last).
 * `peakIops` is what the volume can sustain at its best (burst included): the level gp3 must match.
 */
export function gp2Performance(sizeGiB: number): { baselineIops: number; peakIops: number; throughputMiBps: number } {
  const baselineIops = Math.min(GP2_MAX_IOPS, Math.max(GP2_MIN_IOPS, GP2_IOPS_PER_GIB * sizeGiB));
  return {
    baselineIops,
    peakIops: Math.max(baselineIops, GP2_BURST_IOPS),
    throughputMiBps: sizeGiB <= 170 ? 128 : 250,
  };
}
