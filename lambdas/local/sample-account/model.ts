import type { AutoScalingGroupRecommendation, InstanceRecommendation, LambdaFunctionRecommendation, VolumeRecommendation } from '@aws-sdk/client-compute-optimizer';
import type { CostForecast, DailyCost, Resource } from '../../engine/types/snapshot.js';

export type Archetype =
  | 'web-api'
  | 'mobile-api'
  | 'data-pipeline'
  | 'batch-worker'
  | 'cache'
  | 'idle-dev'
  | 'database'
  | 'storage'
  | 'load-balancer'
  | 'network'
  | 'backup'
  | 'logging'
  | 'container-service'
  | 'relational-database'
  | 'cache-cluster'
  | 'working-hours'
  | 'api-gateway';

/**
 * How busy a resource is over time; every metric of the resource derives from it. `level` is the
 * mean of the driving quantity: CPU % for EC2/RDS, requests per second for Lambda and load balancers
 * (new flows per second for an NLB), IOPS for EBS, consumed capacity units per second for DynamoDB,
 * MB/s through a NAT gateway. See workload.ts for the formula.
 */
export interface Workload {
  level: number;
  /** Relative amplitude of the daily cycle (0 = flat, 0.6 = ±60 % around the level). */
  dailyAmplitude: number;
  /** UTC hour of the daily peak. */
  peakHourUtc: number;
  /** Multiplier on Saturdays and Sundays (weekly seasonality). */
  weekendFactor: number;
  /** Fractional growth per day; the level is reached at `now`, so past values are lower when > 0. */
  growthPerDay: number;
  /** Relative standard deviation of the 5-minute noise. */
  noise: number;
  /** Spiky batch jobs: active `durationMinutes` every `everyHours` from `startHourUtc`, otherwise `idleLevel`. */
  batch?: { everyHours: number; startHourUtc: number; durationMinutes: number; idleLevel: number };
  /** Per-resource salt for the hashed noise. */
  salt: number;
}

export type Incident = {
  id: string;
  kind: 'cpu-saturation' | 'error-burst' | 'latency-spike' | 'cost-spike';
  /** The resource affected (absent for an account-level cost incident). */
  resourceArn?: string;
  /** The service line of a cost incident, as Cost Explorer names it. */
  service?: string;
  /** How many times the usual daily cost a cost incident costs. */
  costFactor?: number;
  start: number;
  end: number;
  description: string;
};

/** Per-type parameters beyond the workload. */
export interface SampleDetails {
  /** EC2: ratio of Maximum to Average CPU within 5 minutes (burstiness), network bytes per CPU-% per second. */
  cpuBurst?: number;
  networkBytesPerCpuPct?: number;
  /** Lambda: mean duration (ms) at the configured memory, p99/mean ratio, error share, CPU- or memory-bound. */
  durationMs?: number;
  tailFactor?: number;
  errorRate?: number;
  boundBy?: 'cpu' | 'memory' | 'io';
  /** EBS: share of operations that are reads. */
  readShare?: number;
  /** S3 size in GB, DynamoDB provisioned units, ALB LCUs, log ingestion GB/day. */
  sizeGb?: number;
  lcu?: number;
  ingestGbPerDay?: number;
  /** When the resource stopped running (EC2 stopped during the cost window), epoch ms. */
  stoppedAt?: number;
  /** Availability zone (EC2, EBS, NAT gateway). */
  availabilityZone?: string;
  /** Load balancer: seconds per request at the targets (mean); NAT gateway: concurrent connections per MB/s. */
  responseTimeSec?: number;
  connectionsPerMBps?: number;
  /** ECS service: memory utilisation %, steady; ElastiCache: memory in use, % of the node's. */
  memoryPct?: number;
  /** RDS: share of instance memory the engine holds at rest (default 0.5); used memory = share + 30 % × CPU share. */
  memoryUsedShare?: number;
  /** RDS on io1: read + write IOPS per CPU-% (70 % reads). */
  iopsPerCpuPct?: number;
}

export interface SampleResource {
  resource: Resource;
  archetype: Archetype;
  workload: Workload;
  details: SampleDetails;
  /** When the resource was created, epoch ms (metrics and costs start then). */
  createdAt: number;
}

/** Compute Optimizer's view of the sample account, in the API's own shapes. */
export interface SampleComputeOptimizer {
  optedInRegions: string[];
  ec2: InstanceRecommendation[];
  ebs: VolumeRecommendation[];
  lambda: LambdaFunctionRecommendation[];
  /** One per Auto Scaling group of members (whose own per-instance recommendations are in `ec2` too, as AWS gives them). */
  autoScalingGroups: AutoScalingGroupRecommendation[];
}

/** A deterministic synthetic AWS account; metric values are computed on demand (metrics.ts). */
export interface SampleAccount {
  accountId: string;
  regions: string[];
  seed: number;
  now: number;
  resources: SampleResource[];
  /** 90 complete days of unblended cost by service, oldest first. */
  costs: DailyCost[];
  /** What Cost Explorer would forecast for the next 30 days. */
  costForecast: CostForecast & { daily: { date: string; mean: number; lower: number; upper: number }[] };
  computeOptimizer: SampleComputeOptimizer;
  incidents: Incident[];
  /**
   * A Compute Savings Plan the account already holds (commitments-port.ts reports its coverage and utilisation):
   * $/hour of commitment at `discount` off on-demand. A commitment of 0 is an account without plans.
   */
  existingSavingsPlan: { hourlyCommitmentUsd: number; discount: number };
}
