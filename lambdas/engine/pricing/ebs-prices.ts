/**
 * Amazon EBS prices for us-east-1 (US East, N. Virginia), USD, as published on https://aws.amazon.com/ebs/pricing/
 * (checked 2026-11-29). Volume storage is billed per GB-month of provisioned size; gp3 includes a free baseline of
 * 3,000 IOPS and 125 MiB/s regardless of size and bills provisioned performance above it.
 */
import type { EbsVolumeConfig } from '../types/snapshot.js';

export type EbsVolumeType = EbsVolumeConfig['volumeType'];

/** USD per GB-month of provisioned storage, by volume type. */
export const EBS_GB_MONTH_USD_US_EAST_1: Readonly<Record<EbsVolumeType, number>> = {
  gp2: 0.1,
  gp3: 0.08,
  io1: 0.125,
  io2: 0.125,
  st1: 0.045,
  sc1: 0.015,
  standard: 0.05,
};

/** gp3 performance included in the storage price. */
export const GP3_BASELINE_IOPS = 3000;
export const GP3_BASELINE_THROUGHPUT_MIBPS = 125;
/** USD per provisioned IOPS-month above the gp3 baseline of 3,000. */
export const GP3_IOPS_MONTH_USD = 0.005;
/** USD per provisioned MiB/s-month above the gp3 baseline of 125 MiB/s. */
export const GP3_THROUGHPUT_MIBPS_MONTH_USD = 0.04;
/** USD per provisioned IOPS-month for io1 (flat) and for the first 32,000 IOPS of io2. */
export const PIOPS_IOPS_MONTH_USD = 0.065;
/**
 * io2 (Block Express) bills provisioned IOPS in tiers: $0.065 per IOPS-month up to 32,000, $0.0455 from 32,001 to
 * 64,000 and $0.032 above 64,000 (up to 256,000). Each tier's price applies to the IOPS inside it, like tax bands.
 */
export const IO2_IOPS_TIERS: ReadonlyArray<{ readonly upToIops: number; readonly usdPerIopsMonth: number }> = [
  { upToIops: 32_000, usdPerIopsMonth: PIOPS_IOPS_MONTH_USD },
  { upToIops: 64_000, usdPerIopsMonth: 0.0455 },
  { upToIops: Number.POSITIVE_INFINITY, usdPerIopsMonth: 0.032 },
];

/**
 * Monthly USD of `iops` provisioned io2 IOPS: Σ over tiers of (IOPS inside the tier) × tier price.
 * Example: 40,000 IOPS → 32,000 × 0.065 + 8,000 × 0.0455 = 2,080 + 364 = $2,444.
 */
export function io2IopsMonthlyUsd(iops: number): number {
  let total = 0;
  let lower = 0;
  for (const tier of IO2_IOPS_TIERS) {
    if (iops <= lower) break;
    total += (Math.min(iops, tier.upToIops) - lower) * tier.usdPerIopsMonth;
    lower = tier.upToIops;
  }
  return total;
}
/** USD per GB-month of EBS snapshot storage (standard tier). */
export const EBS_SNAPSHOT_GB_MONTH_USD = 0.05;
/** USD per GB-month of EBS snapshot storage in the archive tier (full snapshot, 90-day minimum). */
export const EBS_SNAPSHOT_ARCHIVE_GB_MONTH_USD = 0.0125;

/** gp2 performance model: 3 IOPS per GiB, at least 100, at most 16,000; volumes under 1,000 GiB burst to 3,000. */
export const GP2_IOPS_PER_GIB = 3;
export const GP2_MIN_IOPS = 100;
export const GP2_MAX_IOPS = 16000;
export const GP2_BURST_IOPS = 3000;
