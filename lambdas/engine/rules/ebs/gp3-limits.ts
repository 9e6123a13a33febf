/**
 * gp3 volume limits (Amazon EBS User Guide, "General Purpose SSD volumes", raised in 2025; the EC2 API's
 * CreateVolume/ModifyVolume reference lists gp3 at 3,000–80,000 IOPS, throughput up to 2,000 MiB/s, 1–65,536 GiB):
 * - IOPS: 3,000 included at any size, up to 80,000 provisioned, at most 500 IOPS per GiB above the baseline;
 * - throughput: 125 MiB/s included, up to 2,000 MiB/s, at most 0.25 MiB/s per provisioned IOPS;
 * - size: up to 65,536 GiB (64 TiB).
 */
export const GP3_MAX_IOPS = 80_000;
export const GP3_MAX_THROUGHPUT_MIBPS = 2_000;
export const GP3_MAX_SIZE_GIB = 65_536;
export const GP3_MAX_IOPS_PER_GIB = 500;
export const GP3_MAX_MIBPS_PER_IOPS = 0.25;

/**
 * The smallest gp3 size (GiB) that may carry `iops`, never below `sizeGiB`:
 *   size = sizeGiB                          when iops ≤ max(baselineIops, 500 × sizeGiB)
 *        = ⌈iops ÷ 500⌉                     otherwise (the 500:1 IOPS:GiB ratio)
 * Undefined when gp3 cannot serve `iops` at any size (above 80,000 IOPS, or the size would pass 64 TiB).
 * Example: 4,000 IOPS on 5 GiB → ⌈4,000 ÷ 500⌉ = 8 GiB.
 */
export function gp3SizeForIops(iops: number, sizeGiB: number, baselineIops: number): number | undefined {
  if (iops > GP3_MAX_IOPS) return undefined;
  if (iops <= Math.max(baselineIops, GP3_MAX_IOPS_PER_GIB * sizeGiB)) return sizeGiB;
  const size = Math.ceil(iops / GP3_MAX_IOPS_PER_GIB);
  return size <= GP3_MAX_SIZE_GIB ? size : undefined;
}

/**
 * The gp3 throughput (MiB/s) that matches `wantedMiBps` for a volume provisioned with `iops`:
 *   throughput = max(125, min(wantedMiBps, 0.25 × iops, 2,000))
 * Example: 5,000 IOPS wanting 500 MiB/s → min(500, 1,250, 2,000) = 500 MiB/s.
 */
export function gp3ThroughputFor(iops: number, wantedMiBps: number, baselineThroughputMiBps: number): number {
  return Math.max(baselineThroughputMiBps, Math.min(wantedMiBps, GP3_MAX_MIBPS_PER_IOPS * iops, GP3_MAX_THROUGHPUT_MIBPS));
}
