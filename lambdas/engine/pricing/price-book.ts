/**
 * The prices the rules use: a bundled us-east-1 catalogue (EC2 from Karpenter's price table + Cloud Carbon Footprint
 * specifications; EBS, Lambda, RDS, network, DynamoDB and CloudWatch Logs from the AWS pricing pages — see the files
 * next to this one, each citing its source and date), overridden entry by entry by the snapshot's own `prices`
 * (collected from the Price List API for the snapshot's region).
 * Months are AWS's billing convention of 730 hours.
 */
import type { Prices } from '../types/snapshot.js';
import { EC2_CATALOGUE, type Ec2InstanceSpec } from './ec2-catalogue.js';
import {
  EBS_GB_MONTH_USD_US_EAST_1,
  EBS_SNAPSHOT_ARCHIVE_GB_MONTH_USD,
  EBS_SNAPSHOT_GB_MONTH_USD,
  GP3_BASELINE_IOPS,
  GP3_BASELINE_THROUGHPUT_MIBPS,
  GP3_IOPS_MONTH_USD,
  GP3_THROUGHPUT_MIBPS_MONTH_USD,
  PIOPS_IOPS_MONTH_USD,
  io2IopsMonthlyUsd,
  type EbsVolumeType,
} from './ebs-prices.js';
import { LAMBDA_GB_SECOND_USD_US_EAST_1, LAMBDA_REQUEST_USD, type LambdaArchitecture } from './lambda-prices.js';
import { bundledRdsHourlyUsd, rdsPriceColumn, RDS_SNAPSHOT_GB_MONTH_USD, RDS_STORAGE_GB_MONTH_USD } from './rds-prices.js';
import {
  LOAD_BALANCER_HOURLY_USD,
  NAT_GATEWAY_HOURLY_USD,
  NAT_GATEWAY_PER_GB_PROCESSED_USD,
  PUBLIC_IPV4_HOURLY_USD,
  type LoadBalancerType,
} from './network-prices.js';
import {
  DYNAMODB_RCU_HOUR_USD,
  DYNAMODB_READ_REQUEST_UNIT_USD,
  DYNAMODB_STORAGE_GB_MONTH_USD,
  DYNAMODB_WCU_HOUR_USD,
  DYNAMODB_WRITE_REQUEST_UNIT_USD,
} from './dynamodb-prices.js';
import { LOGS_INGESTION_GB_USD, LOGS_STORAGE_GB_MONTH_USD } from './logs-prices.js';
import { STORAGE_DATA_PRICES, type StorageDataPrices } from './storage-data-prices.js';
import { API_GATEWAY_PRICES, type ApiGatewayPrices } from './apigateway-prices.js';
import { FARGATE_GB_HOUR_USD, FARGATE_SPOT_MAX_DISCOUNT, FARGATE_VCPU_HOUR_USD, type FargateArchitecture } from './fargate-prices.js';
import { bundledCacheNodeHourlyUsd, CACHE_NODE_CATALOGUE, type CacheEngine, type CacheNodeSpec } from './elasticache-prices.js';
import { bundledRdsInstanceClasses, RDS_GP3_GB_MONTH_USD, RDS_GP3_IOPS_MONTH_USD, RDS_IO1_GB_MONTH_USD, RDS_IO1_IOPS_MONTH_USD } from './rds-prices.js';

export type { Ec2InstanceSpec } from './ec2-catalogue.js';
export type { EbsVolumeType } from './ebs-prices.js';
export type { LambdaArchitecture } from './lambda-prices.js';
export type { LoadBalancerType } from './network-prices.js';
export type { FargateArchitecture } from './fargate-prices.js';
export type { CacheEngine, CacheNodeSpec } from './elasticache-prices.js';

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
  /** USD per GB-month of EBS snapshot storage (standard tier). */
  readonly ebsSnapshotGbMonthUsd: number;
  /** USD per GB-month of EBS snapshot storage in the archive tier. */
  readonly ebsSnapshotArchiveGbMonthUsd: number;
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
  /**
   * RDS on-demand USD/hour for a DB instance class and engine (mysql, mariadb, postgres; others undefined); Multi-AZ
   * bills a standby too: × 2. Override (Single-AZ, by engine then class) first, then the bundled table.
   */
  rdsHourlyUsd(instanceClass: string, engine: string, multiAz: boolean): number | undefined;
  /** RDS General Purpose (gp2/gp3) storage, USD per GB-month, Single-AZ (Multi-AZ stores twice). */
  readonly rdsStorageGbMonthUsd: number;
  /** RDS snapshot (backup storage beyond the free allowance), USD per GB-month: what a final snapshot costs. */
  readonly rdsSnapshotGbMonthUsd: number;
  /** Public IPv4 address (Elastic IP, idle or in use), USD per hour. */
  readonly elasticIpHourlyUsd: number;
  readonly natGateway: { readonly hourlyUsd: number; readonly perGbProcessedUsd: number };
  /** Hourly charge of a load balancer by type (capacity units not included). */
  loadBalancerHourlyUsd(lbType: LoadBalancerType): number;
  /** DynamoDB Standard table class; on-demand request units after the November 2024 price cut. */
  readonly dynamoDb: {
    readonly wcuHourUsd: number;
    readonly rcuHourUsd: number;
    readonly writeRequestUnitUsd: number;
    readonly readRequestUnitUsd: number;
    readonly storageGbMonthUsd: number;
  };
  /** CloudWatch Logs Standard class. */
  readonly logs: { readonly ingestionGbUsd: number; readonly storageGbMonthUsd: number };
  /** S3, Kinesis, SQS and Step Functions (bundled us-east-1 prices: storage-data-prices.ts). */
  readonly storageData: StorageDataPrices;
  /** API Gateway REST and HTTP API request tiers (bundled us-east-1 prices: apigateway-prices.ts). */
  readonly apiGateway: ApiGatewayPrices;
  /** DB instance classes with a price for an engine: the RDS rightsizing candidate pool. */
  rdsInstanceClasses(engine: string): readonly string[];
  /** RDS Provisioned IOPS (io1) and gp3 storage, Single-AZ. */
  readonly rdsStorage: { readonly io1GbMonthUsd: number; readonly io1IopsMonthUsd: number; readonly gp3GbMonthUsd: number; readonly gp3IopsMonthUsd: number };
  /**
   * Fargate on-demand Linux USD/hour of one task of `cpuUnits` (1,024 = 1 vCPU) and `memoryMiB`:
   * cpuUnits / 1024 × $/vCPU-h + memoryMiB / 1024 × $/GB-h at the architecture's rates.
   */
  fargateTaskHourlyUsd(cpuUnits: number, memoryMiB: number, architecture: FargateArchitecture): number;
  /** Fargate Spot's published maximum discount on the on-demand price (fargate-prices.ts). */
  readonly fargateSpotMaxDiscount: number;
  /** ElastiCache node specification (vCPU, memory, architecture) with its Redis OSS price; undefined when not bundled. */
  cacheNodeSpec(nodeType: string): CacheNodeSpec | undefined;
  /** Every bundled ElastiCache node type: the node rightsizing candidate pool. */
  cacheNodeCandidates(): readonly CacheNodeSpec[];
  /** ElastiCache on-demand USD per node-hour for a node type and engine: override first, then the bundled table. */
  cacheNodeHourlyUsd(nodeType: string, engine: CacheEngine): number | undefined;
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
   *   + io1: iops × $0.065
   *   + io2: tiered, $0.065 up to 32,000 IOPS, $0.0455 to 64,000, $0.032 above (ebs-prices.ts io2IopsMonthlyUsd).
   */
  const ebsVolumeMonthlyUsd: PriceBook['ebsVolumeMonthlyUsd'] = (volume) => {
    let total = volume.sizeGiB * ebsGbMonthUsd(volume.volumeType);
    if (volume.volumeType === 'gp3') {
      total += Math.max(0, (volume.iops ?? GP3_BASELINE_IOPS) - GP3_BASELINE_IOPS) * GP3_IOPS_MONTH_USD;
      total += Math.max(0, (volume.throughputMiBps ?? GP3_BASELINE_THROUGHPUT_MIBPS) - GP3_BASELINE_THROUGHPUT_MIBPS) * GP3_THROUGHPUT_MIBPS_MONTH_USD;
    } else if (volume.volumeType === 'io1') {
      total += (volume.iops ?? 0) * PIOPS_IOPS_MONTH_USD;
    } else if (volume.volumeType === 'io2') {
      total += io2IopsMonthlyUsd(volume.iops ?? 0);
    }
    return total;
  };

  const rdsOverrides = overrides?.rdsHourlyUsd ?? {};
  const rdsHourlyUsd: PriceBook['rdsHourlyUsd'] = (instanceClass, engine, multiAz) => {
    const override = rdsOverrides[engine.toLowerCase()];
    if (override && Object.hasOwn(override, instanceClass)) return override[instanceClass] * (multiAz ? 2 : 1);
    return rdsPriceColumn(engine) === undefined ? undefined : bundledRdsHourlyUsd(instanceClass, engine, multiAz);
  };
  const lbOverrides = overrides?.loadBalancerHourlyUsd ?? {};
  const loadBalancerHourlyUsd = (lbType: LoadBalancerType): number =>
    Object.hasOwn(lbOverrides, lbType) ? lbOverrides[lbType] : LOAD_BALANCER_HOURLY_USD[lbType];
  const dynamo = overrides?.dynamoDb ?? {};
  const logs = overrides?.logs ?? {};
  const fargate = overrides?.fargate ?? {};
  const fargateRates: Record<FargateArchitecture, { vcpu: number; gb: number }> = {
    X86_64: { vcpu: fargate.x86VcpuHourUsd ?? FARGATE_VCPU_HOUR_USD.X86_64, gb: fargate.x86GbHourUsd ?? FARGATE_GB_HOUR_USD.X86_64 },
    ARM64: { vcpu: fargate.armVcpuHourUsd ?? FARGATE_VCPU_HOUR_USD.ARM64, gb: fargate.armGbHourUsd ?? FARGATE_GB_HOUR_USD.ARM64 },
  };
  const cacheOverrides = overrides?.elastiCacheHourlyUsd ?? {};
  const cacheNodeHourlyUsd = (nodeType: string, engine: CacheEngine): number | undefined => {
    const override = cacheOverrides[engine];
    return override && Object.hasOwn(override, nodeType) ? override[nodeType] : bundledCacheNodeHourlyUsd(nodeType, engine);
  };

  return {
    region,
    ec2HourlyUsd,
    ec2Spec,
    ec2Candidates,
    ebsGbMonthUsd,
    ebsVolumeMonthlyUsd,
    ebsSnapshotGbMonthUsd: overrides?.ebsSnapshotGbMonthUsd ?? EBS_SNAPSHOT_GB_MONTH_USD,
    ebsSnapshotArchiveGbMonthUsd: overrides?.ebsSnapshotArchiveGbMonthUsd ?? EBS_SNAPSHOT_ARCHIVE_GB_MONTH_USD,
    gp3: {
      baselineIops: GP3_BASELINE_IOPS,
      baselineThroughputMiBps: GP3_BASELINE_THROUGHPUT_MIBPS,
      iopsMonthUsd: GP3_IOPS_MONTH_USD,
      throughputMiBpsMonthUsd: GP3_THROUGHPUT_MIBPS_MONTH_USD,
    },
    lambdaGbSecondUsd: (architecture) => LAMBDA_GB_SECOND_USD_US_EAST_1[architecture],
    lambdaRequestUsd: LAMBDA_REQUEST_USD,
    rdsHourlyUsd,
    rdsStorageGbMonthUsd: overrides?.rdsStorageGbMonthUsd ?? RDS_STORAGE_GB_MONTH_USD,
    rdsSnapshotGbMonthUsd: overrides?.rdsSnapshotGbMonthUsd ?? RDS_SNAPSHOT_GB_MONTH_USD,
    elasticIpHourlyUsd: overrides?.elasticIpHourlyUsd ?? PUBLIC_IPV4_HOURLY_USD,
    natGateway: {
      hourlyUsd: overrides?.natGateway?.hourlyUsd ?? NAT_GATEWAY_HOURLY_USD,
      perGbProcessedUsd: overrides?.natGateway?.perGbProcessedUsd ?? NAT_GATEWAY_PER_GB_PROCESSED_USD,
    },
    loadBalancerHourlyUsd,
    dynamoDb: {
      wcuHourUsd: dynamo.wcuHourUsd ?? DYNAMODB_WCU_HOUR_USD,
      rcuHourUsd: dynamo.rcuHourUsd ?? DYNAMODB_RCU_HOUR_USD,
      writeRequestUnitUsd: dynamo.writeRequestUnitUsd ?? DYNAMODB_WRITE_REQUEST_UNIT_USD,
      readRequestUnitUsd: dynamo.readRequestUnitUsd ?? DYNAMODB_READ_REQUEST_UNIT_USD,
      storageGbMonthUsd: dynamo.storageGbMonthUsd ?? DYNAMODB_STORAGE_GB_MONTH_USD,
    },
    logs: {
      ingestionGbUsd: logs.ingestionGbUsd ?? LOGS_INGESTION_GB_USD,
      storageGbMonthUsd: logs.storageGbMonthUsd ?? LOGS_STORAGE_GB_MONTH_USD,
    },
    storageData: STORAGE_DATA_PRICES,
    apiGateway: API_GATEWAY_PRICES,
    rdsInstanceClasses: (engine) => bundledRdsInstanceClasses(engine),
    rdsStorage: {
      io1GbMonthUsd: RDS_IO1_GB_MONTH_USD,
      io1IopsMonthUsd: RDS_IO1_IOPS_MONTH_USD,
      gp3GbMonthUsd: RDS_GP3_GB_MONTH_USD,
      gp3IopsMonthUsd: RDS_GP3_IOPS_MONTH_USD,
    },
    fargateTaskHourlyUsd: (cpuUnits, memoryMiB, architecture) =>
      (cpuUnits / 1024) * fargateRates[architecture].vcpu + (memoryMiB / 1024) * fargateRates[architecture].gb,
    fargateSpotMaxDiscount: FARGATE_SPOT_MAX_DISCOUNT,
    cacheNodeSpec: (nodeType) => CACHE_NODE_CATALOGUE.get(nodeType),
    cacheNodeCandidates: () => [...CACHE_NODE_CATALOGUE.values()],
    cacheNodeHourlyUsd,
    sources: overrides ? ['snapshot-prices', 'price-catalogue'] : ['price-catalogue'],
  };
}
