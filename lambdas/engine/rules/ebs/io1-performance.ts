/** io1 I/O size up to 32,000 IOPS (256 KiB), in MiB: 2,000 IOPS reach the 500 MiB/s ceiling. */
const IO1_LARGE_IO_MIB = 0.25;
const IO1_LOW_TIER_MAX_MIBPS = 500;
const IO1_LOW_TIER_MAX_IOPS = 32_000;
/** Above 32,000 IOPS throughput grows by 16 KiB per provisioned IOPS, to 1,000 MiB/s at 64,000. */
const IO1_HIGH_TIER_MIB_PER_IOPS = 16 / 1024;
const IO1_MAX_MIBPS = 1_000;

/**
 * The most throughput an io1 volume delivers for its provisioned IOPS (Amazon EBS User Guide, "Provisioned IOPS SSD
 * volumes"):
 *   iops ≤ 32,000: min(500, iops × 0.25 MiB)          (256 KiB I/O)
 *   iops > 32,000: min(1,000, iops × 16 KiB ÷ 1,024)   (48,000 IOPS → 750 MiB/s)
 * Example: 5,000 IOPS → min(500, 1,250) = 500 MiB/s.
 */
export function io1MaxThroughputMiBps(iops: number): number {
  if (iops <= IO1_LOW_TIER_MAX_IOPS) return Math.min(IO1_LOW_TIER_MAX_MIBPS, iops * IO1_LARGE_IO_MIB);
  return Math.min(IO1_MAX_MIBPS, iops * IO1_HIGH_TIER_MIB_PER_IOPS);
}
