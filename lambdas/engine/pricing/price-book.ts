/**
 * The prices the rules use: a bundled us-east-1 catalogue (EC2 from Karpenter's price table + Cloud Carbon Footprint
 * specifications, EBS and Lambda from the AWS pricing pages — see the files next to this one), overridden entry by
 * entry by the snapshot's own `prices` (collected from the Price List API for the snapshot's region).
 * Months are AWS's billing convention of 730 hours.
 */
import type { Prices } from '../types/snapshot.js';
import { EC2_CATALOGUE, type Ec2InstanceSpec } from './ec2-catalogue.js';
import {
  EBS_GB_MONTH_USD_US_EAST_1,
  EBS_SNAPSHOT_GB_MONTH_USD,
  GP3_BASELINE_IOPS,
  GP3_BASELINE_THROUGHPUT_MIBPS,
  GP3_IOPS_MONTH_USD,
  GP3_THROUGHPUT_MIBPS_MONTH_USD,
  PIOPS_IOPS_MONTH_USD,
  type EbsVolumeType,
} from './ebs-prices.js';
import { LAMBDA_GB_SECOND_USD_US_EAST_1, LAMBDA_REQUEST_USD, type LambdaArchitecture } from './lambda-prices.js';

export type { Ec2InstanceSpec } from './ec2-catalogue.js';
export type { EbsVolumeType } from './ebs-prices.js';
export type { LambdaArchitecture } from './lambda-prices.js';

/** AWS bills a month as 730 hours (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

export interface PriceBook {
  /** Region the overrides are for; the bundled fallback is us-east-1. */
  readonly region: string;
  /** On-demand Linux USD/hour for an instance type: override first, then the catalogue; undefined when unknown. */
  ec2HourlyUsd(instanceType: string): number | undefined;
  /** Specification (vCPU, memory, generation, architecture) of an instance type, with its effective price. */
  ec2Spec(instanceType: string): Ec2InstanceSpec | undefined;
  /** Every instance type with a known specification and price: the rightsizing candidate pool. */
  ec2Candidates(): readonly Ec2InstanceSpec[];
  /** USD per GB-month of EBS storage for a volume type. */
  ebsGbMonthUsd(volumeType: EbsVolumeType): number;
  /** USD per month for a whole volume: storage, plus provisioned IOPS/throughput where the type bills them. */
  ebsVolumeMonthlyUsd(volume: { volumeType: EbsVolumeType; sizeGiB: number; iops?: number; throughputMiBps?: number }): number;
  /** USD per GB-month of EBS snapshot storage. */
  readonly ebsSnapshotGbMonthUsd: number;
  readonly gp3: {
    readonly baselineIops: number;
    readonly baselineThroughputMiBps: number;
    readonly iopsMonthUsd: number;
    readonly throughputMiBpsMonthUsd: number;
  };
  /** USD per GB-second of Lambda compute. */
  lambdaGbSecondUsd(architecture: LambdaArchitecture): number;
  /** USD per Lambda request. */
  readonly lambdaRequestUsd: number;
  /** Where the numbers come from, for evidence.sources. */
  readonly sources: readonly string[];
}

/**
 * Builds a price book. `overrides` come from the snapshot (`snapshot.prices`); any type they do not list falls back to
 * the bundled us-east-1 catalogue, so a snapshot from another region without prices is priced as if in us-east-1.
 */
export function createPriceBook(overrides?: Prices): PriceBook {
  const ec2Overrides = overrides?.ec2HourlyUsd ?? {};
  const ebsOverrides = overrides?.ebsGbMonthUsd ?? {};
  const region = overrides?.region ?? 'us-east-1';

  const ec2HourlyUsd = (instanceType: string): number | undefined =>
    Object.hasOwn(ec2Overrides, instanceType) ? ec2Overrides[instanceType] : (EC2_CATALOGUE.get(instanceType)?.usdPerHour ?? undefined);

  const ec2Spec = (instanceType: string): Ec2InstanceSpec | undefined => {
    const spec = EC2_CATALOGUE.get(instanceType);
    if (!spec) return undefined;
    const price = ec2HourlyUsd(instanceType);
    return price === spec.usdPerHour ? spec : { ...spec, usdPerHour: price ?? null };
  };

  let candidates: Ec2InstanceSpec[] | undefined;
  const ec2Candidates = (): readonly Ec2InstanceSpec[] => {
    candidates ??= [...EC2_CATALOGUE.keys()]
      .map((type) => ec2Spec(type))
      .filter((spec): spec is Ec2InstanceSpec => spec !== undefined && spec.vcpu !== null && spec.memoryGiB !== null && spec.usdPerHour !== null);
    return candidates;
  };

  const ebsGbMonthUsd = (volumeType: EbsVolumeType): number =>
    Object.hasOwn(ebsOverrides, volumeType) ? ebsOverrides[volumeType] : EBS_GB_MONTH_USD_US_EAST_1[volumeType];

  /**
   * Monthly volume cost = sizeGiB × $/GB-month
   *   + gp3: max(0, iops − 3000) × $0.005 + max(0, throughput − 125) × $0.04
   *   + io1/io2: iops × $0.065 (io2's cheaper tiers above 32,000 IOPS are ignored: an upper bound).
   */
  const ebsVolumeMonthlyUsd: PriceBook['ebsVolumeMonthlyUsd'] = (volume) => {
    let total = volume.sizeGiB * ebsGbMonthUsd(volume.volumeType);
    if (volume.volumeType === 'gp3') {
      total += Math.max(0, (volume.iops ?? GP3_BASELINE_IOPS) - GP3_BASELINE_IOPS) * GP3_IOPS_MONTH_USD;
      total += Math.max(0, (volume.throughputMiBps ?? GP3_BASELINE_THROUGHPUT_MIBPS) - GP3_BASELINE_THROUGHPUT_MIBPS) * GP3_THROUGHPUT_MIBPS_MONTH_USD;
    } else if (volume.volumeType === 'io1' || volume.volumeType === 'io2') {
      total += (volume.iops ?? 0) * PIOPS_IOPS_MONTH_USD;
    }
    return total;
  };

  return {
    region,
    ec2HourlyUsd,
    ec2Spec,
    ec2Candidates,
    ebsGbMonthUsd,
    ebsVolumeMonthlyUsd,
    ebsSnapshotGbMonthUsd: EBS_SNAPSHOT_GB_MONTH_USD,
    gp3: {
      baselineIops: GP3_BASELINE_IOPS,
      baselineThroughputMiBps: GP3_BASELINE_THROUGHPUT_MIBPS,
      iopsMonthUsd: GP3_IOPS_MONTH_USD,
      throughputMiBpsMonthUsd: GP3_THROUGHPUT_MIBPS_MONTH_USD,
    },
    lambdaGbSecondUsd: (architecture) => LAMBDA_GB_SECOND_USD_US_EAST_1[architecture],
    lambdaRequestUsd: LAMBDA_REQUEST_USD,
    sources: overrides ? ['snapshot-prices', 'price-catalogue'] : ['price-catalogue'],
  };
}
