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
/** USD per provisioned IOPS-month for io1 and for the first 32,000 IOPS of io2. */
export const PIOPS_IOPS_MONTH_USD = 0.065;
/** USD per GB-month of EBS snapshot storage (standard tier). */
export const EBS_SNAPSHOT_GB_MONTH_USD = 0.05;

/** gp2 performance model: 3 IOPS per GiB, at least 100, at most 16,000; volumes under 1,000 GiB burst to 3,000. */
export const GP2_IOPS_PER_GIB = 3;
export const GP2_MIN_IOPS = 100;
export const GP2_MAX_IOPS = 16000;
export const GP2_BURST_IOPS = 3000;
