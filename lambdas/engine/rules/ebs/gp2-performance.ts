import { GP2_BURST_IOPS, GP2_IOPS_PER_GIB, GP2_MAX_IOPS, GP2_MIN_IOPS } from '../../pricing/ebs-prices.js';

/**
 * What a gp2 volume delivers (Amazon EBS User Guide, "General Purpose SSD volumes"):
 *   baseline IOPS = clamp(3 × sizeGiB, 100, 16,000); volumes with a lower baseline burst to 3,000 IOPS;
 *   throughput    = 128 MiB/s up to 170 GiB; 250 MiB/s from 334 GiB; in between 250 only while burst credits last
 *                   (128 sustained).
 * `peakIops` is the best the volume does (burst included); `sustainedThroughputMiBps` what it holds without credits,
 * `burstThroughputMiBps` its best.
 */
export function gp2Performance(sizeGiB: number): {
  baselineIops: number;
  peakIops: number;
  sustainedThroughputMiBps: number;
  burstThroughputMiBps: number;
} {
  const baselineIops = Math.min(GP2_MAX_IOPS, Math.max(GP2_MIN_IOPS, GP2_IOPS_PER_GIB * sizeGiB));
  return {
    baselineIops,
    peakIops: Math.max(baselineIops, GP2_BURST_IOPS),
    sustainedThroughputMiBps: sizeGiB < 334 ? 128 : 250,
    burstThroughputMiBps: sizeGiB <= 170 ? 128 : 250,
  };
}
