import { z } from 'zod';
import { createSeriesDecoder, decodeSnapshotSeries } from './compact-series.js';
import { KinesisStreamConfigSchema, S3BucketConfigSchema, SqsQueueConfigSchema, StateMachineConfigSchema } from './storage-data-configs.js';
import { checkSnapshotContents } from './snapshot-checks.js';
import { seriesDefect } from './snapshot-series-checks.js';

/**
 * The snapshot is everything the engine needs about an account: resources with their configuration,
 * metric series, costs, prices and external recommendations. Collectors produce it (from AWS or from
 * the sample account); the engine consumes it and does no I/O. Published as JSON Schema in
 * schema/snapshot.schema.json.
 */

export const ResourceTypeSchema = z.enum([
  'ec2:instance',
  'ebs:volume',
  'ebs:snapshot',
  'ec2:elastic-ip',
  'ec2:nat-gateway',
  'elb:load-balancer',
  'lambda:function',
  'rds:db-instance',
  'dynamodb:table',
  'logs:log-group',
  's3:bucket',
  'ecs:service',
  'apigateway:api',
  'kinesis:stream',
  'states:state-machine',
  'savingsplans:commitment',
  'sqs:queue',
  /** An EC2 Auto Scaling group (known from Compute Optimizer's group recommendations; its members are ec2:instance). */
  'autoscaling:group',
  'elasticache:cluster',
]);
export type ResourceType = z.infer<typeof ResourceTypeSchema>;

export const ResourceRefSchema = z.object({
  arn: z.string().min(1),
  type: ResourceTypeSchema,
  account: z.string().regex(/^\d{12}$/, 'account must be a 12-digit AWS account id'),
  region: z.string().min(1),
  name: z.string(),
  tags: z.record(z.string(), z.string()).default({}),
});
export type ResourceRef = z.infer<typeof ResourceRefSchema>;

export const Ec2ConfigSchema = z.object({
  instanceType: z.string(),
  state: z.enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']),
  platform: z.enum(['linux', 'windows']).default('linux'),
  launchTime: z.iso.datetime().optional(),
  autoScalingGroup: z.string().optional(),
  volumeIds: z.array(z.string()).default([]),
  /** DescribeInstances InstanceLifecycle; absent means on-demand. Spot hours are not covered by a Savings Plan. */
  lifecycle: z.enum(['on-demand', 'spot', 'scheduled']).optional(),
  /**
   * DescribeInstances Architecture (the AMI's): a type change must keep it (an x86_64 AMI does not boot on Graviton).
   * Absent in older snapshots: the current type's architecture is assumed.
   */
  architecture: z.enum(['i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac']).optional(),
});

/** EBS limits (io2 Block Express, the largest volume type): 64 TiB, 256,000 IOPS, 4,000 MiB/s. */
const EBS_MAX_GIB = 65_536;
const EBS_MAX_IOPS = 256_000;
const EBS_MAX_THROUGHPUT_MIBPS = 4_000;
/** Counts and sizes in bytes: at most 2^53 - 1, the largest integer a double holds exactly. */
const quantity = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER, 'must be at most 2^53 - 1');

export const EbsVolumeConfigSchema = z.object({
  volumeType: z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']),
  sizeGiB: z.number().positive().max(EBS_MAX_GIB, 'an EBS volume holds at most 64 TiB (65,536 GiB)'),
  iops: z.number().nonnegative().max(EBS_MAX_IOPS, 'an EBS volume provides at most 256,000 IOPS').optional(),
  throughputMiBps: z.number().nonnegative().max(EBS_MAX_THROUGHPUT_MIBPS, 'an EBS volume provides at most 4,000 MiB/s').optional(),
  state: z.enum(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
  attachedInstanceId: z.string().optional(),
  createTime: z.iso.datetime().optional(),
});

export const LambdaConfigSchema = z.object({
  memoryMb: z.number().int().min(128).max(10240),
  timeoutSec: z.number().int().min(1).max(900),
  architecture: z.enum(['x86_64', 'arm64']),
  runtime: z.string(),
});

export const RdsConfigSchema = z.object({
  instanceClass: z.string(),
  engine: z.string(),
  storageGiB: z.number().nonnegative().max(EBS_MAX_GIB, 'an RDS instance stores at most 64 TiB (65,536 GiB)'),
  multiAz: z.boolean(),
  status: z.string(),
  /** DescribeDBInstances StorageType (gp2, gp3, io1, io2, standard, aurora, aurora-iopt1); absent in older snapshots. */
  storageType: z.string().optional(),
  /** Provisioned IOPS (io1, io2, gp3 above its baseline). */
  iops: z.number().nonnegative().optional(),
  /** ReadReplicaSourceDBInstanceIdentifier: set when this instance is a read replica of another. */
  readReplicaSource: z.string().optional(),
  /** DBClusterIdentifier: set for Aurora (and Multi-AZ DB cluster) members. */
  dbClusterId: z.string().optional(),
  engineVersion: z.string().optional(),
});

/**
 * An ECS service (DescribeServices) with the size of its task definition (DescribeTaskDefinition). `capacityProviders`
 * is the service's capacity provider strategy (FARGATE, FARGATE_SPOT or an Auto Scaling group provider); a service
 * with a launch type has none. CPU is in CPU units (1,024 = 1 vCPU), memory in MiB; the container sums are the
 * container-level reservations a smaller task must still hold (RegisterTaskDefinition rejects a task below them).
 */
export const EcsServiceConfigSchema = z.object({
  clusterName: z.string(),
  serviceName: z.string(),
  status: z.string(),
  launchType: z.enum(['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES']).optional(),
  capacityProviders: z.array(z.object({ name: z.string(), weight: z.number().nonnegative().default(0), base: z.number().nonnegative().default(0) })).default([]),
  schedulingStrategy: z.enum(['REPLICA', 'DAEMON']).default('REPLICA'),
  desiredCount: z.number().int().nonnegative(),
  runningCount: z.number().int().nonnegative().default(0),
  taskDefinitionArn: z.string(),
  taskCpuUnits: z.number().positive().optional(),
  taskMemoryMiB: z.number().positive().optional(),
  cpuArchitecture: z.enum(['X86_64', 'ARM64']).default('X86_64'),
  operatingSystemFamily: z.string().default('LINUX'),
  containerCpuUnits: z.number().nonnegative().default(0),
  containerMemoryMiB: z.number().nonnegative().default(0),
});

/**
 * An ElastiCache cache cluster (DescribeCacheClusters): one Memcached cluster, or one node group member of a Redis OSS
 * or Valkey replication group (`replicationGroupId`). Every node has `nodeType`.
 */
export const ElastiCacheClusterConfigSchema = z.object({
  engine: z.enum(['redis', 'valkey', 'memcached']),
  engineVersion: z.string().optional(),
  nodeType: z.string(),
  numNodes: z.number().int().positive(),
  status: z.string(),
  replicationGroupId: z.string().optional(),
});

export const DynamoDbConfigSchema = z.object({
  billingMode: z.enum(['PROVISIONED', 'PAY_PER_REQUEST']),
  readCapacityUnits: quantity.optional(),
  writeCapacityUnits: quantity.optional(),
  autoScaling: z.boolean().default(false),
  sizeBytes: quantity.optional(),
});

export const LogGroupConfigSchema = z.object({
  retentionDays: z.number().int().positive().optional(),
  storedBytes: quantity,
});

/** An EBS snapshot (DescribeSnapshots, owner self). `amiIds`: images registered from it (deleting it would break them). */
export const EbsSnapshotConfigSchema = z.object({
  sizeGiB: z.number().nonnegative().max(EBS_MAX_GIB, 'an EBS snapshot is of a volume of at most 64 TiB (65,536 GiB)'),
  startTime: z.iso.datetime(),
  volumeId: z.string().optional(),
  /** Whether the source volume still exists in the inventory (false: the snapshot outlived its volume). */
  sourceVolumeExists: z.boolean().optional(),
  amiIds: z.array(z.string()).default([]),
  storageTier: z.enum(['standard', 'archive']).default('standard'),
  description: z.string().optional(),
});

/** An Elastic IP (DescribeAddresses). Unassociated = no associationId. */
export const ElasticIpConfigSchema = z.object({
  publicIp: z.string(),
  allocationId: z.string(),
  associationId: z.string().optional(),
  instanceId: z.string().optional(),
  networkInterfaceId: z.string().optional(),
});

/** A NAT gateway (DescribeNatGateways). */
export const NatGatewayConfigSchema = z.object({
  state: z.enum(['pending', 'failed', 'available', 'deleting', 'deleted']),
  connectivityType: z.enum(['public', 'private']).default('public'),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  createTime: z.iso.datetime().optional(),
});

/** A load balancer (ELBv2 DescribeLoadBalancers + DescribeTargetGroups/DescribeTargetHealth). */
export const LoadBalancerConfigSchema = z.object({
  lbType: z.enum(['application', 'network', 'gateway', 'classic']),
  scheme: z.enum(['internet-facing', 'internal']),
  state: z.enum(['active', 'provisioning', 'active_impaired', 'failed']),
  createdTime: z.iso.datetime().optional(),
  /** Registered targets across its target groups, and how many of them are healthy (undefined: not collected). */
  registeredTargets: z.number().int().nonnegative().optional(),
  healthyTargets: z.number().int().nonnegative().optional(),
});

/**
 * An API Gateway API: REST (apigateway GetRestApis) or HTTP/WebSocket (apigatewayv2 GetApis). `protocol` tells the
 * CloudWatch collector which metrics and dimension to ask for (REST: `ApiName`, HTTP and WebSocket: `ApiId`).
 */
export const ApiGatewayConfigSchema = z.object({
  protocol: z.enum(['REST', 'HTTP', 'WEBSOCKET']),
  apiId: z.string(),
  endpointType: z.string().optional(),
  createdDate: z.iso.datetime().optional(),
});

export {
  S3BucketConfigSchema,
  KinesisStreamConfigSchema,
  SqsQueueConfigSchema,
  StateMachineConfigSchema,
  type S3BucketConfig,
  type S3LifecycleRule,
  type KinesisStreamConfig,
  type SqsQueueConfig,
  type StateMachineConfig,
} from './storage-data-configs.js';

/** A resource: identity plus type-specific configuration. `config` is validated per `type` by `parseResourceConfig`. */
export const ResourceSchema = ResourceRefSchema.extend({
  config: z.record(z.string(), z.unknown()),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const configSchemaByType = {
  'ec2:instance': Ec2ConfigSchema,
  'ebs:volume': EbsVolumeConfigSchema,
  'lambda:function': LambdaConfigSchema,
  'rds:db-instance': RdsConfigSchema,
  'dynamodb:table': DynamoDbConfigSchema,
  'logs:log-group': LogGroupConfigSchema,
  'ebs:snapshot': EbsSnapshotConfigSchema,
  'ec2:elastic-ip': ElasticIpConfigSchema,
  'ec2:nat-gateway': NatGatewayConfigSchema,
  'elb:load-balancer': LoadBalancerConfigSchema,
  'apigateway:api': ApiGatewayConfigSchema,
  's3:bucket': S3BucketConfigSchema,
  'kinesis:stream': KinesisStreamConfigSchema,
  'sqs:queue': SqsQueueConfigSchema,
  'states:state-machine': StateMachineConfigSchema,
  'ecs:service': EcsServiceConfigSchema,
  'elasticache:cluster': ElastiCacheClusterConfigSchema,
} as const;
export type Ec2Config = z.infer<typeof Ec2ConfigSchema>;
export type EbsVolumeConfig = z.infer<typeof EbsVolumeConfigSchema>;
export type LambdaConfig = z.infer<typeof LambdaConfigSchema>;
export type RdsConfig = z.infer<typeof RdsConfigSchema>;
export type DynamoDbConfig = z.infer<typeof DynamoDbConfigSchema>;
export type LogGroupConfig = z.infer<typeof LogGroupConfigSchema>;
export type EbsSnapshotConfig = z.infer<typeof EbsSnapshotConfigSchema>;
export type ElasticIpConfig = z.infer<typeof ElasticIpConfigSchema>;
export type NatGatewayConfig = z.infer<typeof NatGatewayConfigSchema>;
export type LoadBalancerConfig = z.infer<typeof LoadBalancerConfigSchema>;
export type ApiGatewayConfig = z.infer<typeof ApiGatewayConfigSchema>;
export type EcsServiceConfig = z.infer<typeof EcsServiceConfigSchema>;
export type ElastiCacheClusterConfig = z.infer<typeof ElastiCacheClusterConfigSchema>;

/**
 * One CloudWatch metric of one resource at a fixed period, oldest first.
 * `timestamps` are epoch milliseconds (UTC); `values` has the same length.
 */
/** Which metric of which resource a series is, without its points. */
export const MetricSeriesIdentitySchema = z.object({
  resourceArn: z.string(),
  namespace: z.string(),
  metricName: z.string(),
  stat: z.string(),
  unit: z.string().optional(),
  periodSec: z.number().int().positive(),
});

const plainPoints = {
  timestamps: z.array(z.number()),
  values: z.array(z.number()),
};
const sameLength = [(s: { timestamps: unknown[]; values: unknown[] }) => s.timestamps.length === s.values.length, { message: 'timestamps and values must have the same length' }] as const;

/** A metric series as the engine reads it, checked against the rules of snapshot-series-checks.ts. */
export const MetricSeriesSchema = MetricSeriesIdentitySchema.extend(plainPoints)
  .refine(...sameLength)
  .superRefine((series, ctx) => {
    const defect = seriesDefect(series);
    if (defect !== undefined) ctx.addIssue({ code: 'custom', path: defect.path, message: defect.message });
  });
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;

const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `text` matches BASE64_TEXT. Canonical padded base64 — what Headroom writes — is recognised by decoding and
 * re-encoding natively, ~10 times faster than the regular expression over the ~1 GB of a 10,000-resource snapshot;
 * anything else is left to the expression, so the answer is the expression's.
 */
function isBase64Text(text: string): boolean {
  return Buffer.from(text, 'base64').toString('base64') === text || BASE64_TEXT.test(text);
}

/** How a compact series packs its values: little-endian IEEE 754 Float32 or Float64, then base64 (RFC 4648, padded). */
export const SeriesEncodingSchema = z.enum(['f32-base64', 'f64-base64']);
export type SeriesEncoding = z.infer<typeof SeriesEncodingSchema>;

/**
 * A metric series in compact form (written by Headroom; decoded by compact-series.ts into a MetricSeries):
 * slot i of the packed values is at `start + i × periodSec × 1000` ms and NaN marks a slot without data (dropped
 * when decoded). Float32 keeps ~7 significant digits and Headroom uses it only where it is lossless (its store
 * already packs values as Float32), Float64 otherwise.
 */
export const CompactMetricSeriesSchema = MetricSeriesIdentitySchema.extend({
  encoding: SeriesEncodingSchema,
  start: z.number().int().describe('Epoch milliseconds (UTC) of grid slot 0.'),
  values: z
    .string()
    .refine(isBase64Text, 'values must be base64 text')
    .meta({ pattern: BASE64_TEXT.source })
    .describe('The grid slots as little-endian floats (Float32 or Float64 per `encoding`), NaN where no data point exists, base64-encoded.'),
}).describe('A metric series in compact form: values on a regular grid of periodSec, packed and base64-encoded.');
export type CompactMetricSeries = z.infer<typeof CompactMetricSeriesSchema>;

/** A series as a snapshot file may hold it: plain (`encoding` absent or "json") or compact. */
export const SnapshotSeriesSchema = z.discriminatedUnion('encoding', [
  MetricSeriesIdentitySchema.extend({
    encoding: z.literal('json').optional(),
    timestamps: plainPoints.timestamps,
    values: z.array(z.number().nullable()).describe('Values in the series unit; null marks a missing point (dropped and counted in the snapshot issues).'),
  })
    .refine(...sameLength)
    .describe('A metric series in plain form: timestamps (epoch milliseconds, UTC) and values of the same length, oldest first.'),
  CompactMetricSeriesSchema,
]);
export type SnapshotSeries = z.infer<typeof SnapshotSeriesSchema>;

/** Decodes a snapshot's series into MetricSeries: compact ones through one decoder (shared timestamps), plain ones as they are. */
export const SnapshotSeriesListSchema = z.array(SnapshotSeriesSchema).transform((entries, ctx) => {
  const decode = createSeriesDecoder();
  const out: MetricSeries[] = new Array<MetricSeries>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const decoded = decodeSnapshotSeries(entries[i], decode);
    if ('error' in decoded) {
      ctx.issues.push({ code: 'custom', message: decoded.error, input: entries[i], path: [i, ...decoded.path] });
      return z.NEVER;
    }
    out[i] = decoded.series;
  }
  return out;
});

/**
 * A USD amount: credits and refunds are negative. At most $1 trillion either way: no account spends that on a service
 * in a day, and sums of such amounts stay finite and exact to the cent.
 */
const MAX_USD = 1e12;
const money = z.number().min(-MAX_USD, 'a USD amount is at least -$1 trillion').max(MAX_USD, 'a USD amount is at most $1 trillion');

/** Unblended cost of one service on one day (Cost Explorer, DAILY granularity), in USD. */
export const DailyCostSchema = z.object({
  date: z.iso.date(),
  account: z.string(),
  service: z.string(),
  amountUsd: money,
  amortisedUsd: money.optional(),
});
export type DailyCost = z.infer<typeof DailyCostSchema>;

/** Cost Explorer's own forecast, kept to compare ours with. */
export const CostForecastSchema = z.object({
  start: z.iso.date(),
  end: z.iso.date(),
  meanUsd: money,
  lowerUsd: money.optional(),
  upperUsd: money.optional(),
});
export type CostForecast = z.infer<typeof CostForecastSchema>;

/** A recommendation from outside the engine (Compute Optimizer, Cost Optimization Hub), normalised. */
export const ExternalRecommendationSchema = z.object({
  source: z.enum(['compute-optimizer', 'cost-optimization-hub', 'trusted-advisor']),
  resourceArn: z.string(),
  finding: z.string(),
  current: z.record(z.string(), z.unknown()),
  options: z.array(
    z.object({
      proposed: z.record(z.string(), z.unknown()),
      monthlySavingsUsd: money,
      performanceRisk: z.number().min(0).max(4),
    }),
  ),
});
export type ExternalRecommendation = z.infer<typeof ExternalRecommendationSchema>;

/** A list price per unit (hour, GB-month, request): no AWS unit price reaches $1 million. */
const usd = z.number().nonnegative().max(1e6, 'a unit price is at most $1,000,000');

/**
 * Price overrides for the snapshot's region; absent entries fall back to the bundled us-east-1 catalogue
 * (lambdas/engine/pricing). Every member after `ebsGbMonthUsd` is optional so older snapshots stay valid.
 */
export const PricesSchema = z.object({
  region: z.string(),
  ec2HourlyUsd: z.record(z.string(), usd).default({}),
  ebsGbMonthUsd: z.record(z.string(), usd).default({}),
  /** USD per GB-month of EBS snapshot storage (standard tier). */
  ebsSnapshotGbMonthUsd: usd.optional(),
  /** USD per GB-month of EBS snapshot storage, archive tier. */
  ebsSnapshotArchiveGbMonthUsd: usd.optional(),
  /** RDS on-demand USD/hour, Single-AZ (Multi-AZ is twice), by engine then DB instance class: `{ "postgres": { "db.m5.large": 0.178 } }`. */
  rdsHourlyUsd: z.record(z.string(), z.record(z.string(), usd)).optional(),
  /** RDS General Purpose (gp2/gp3) storage, USD per GB-month, Single-AZ. */
  rdsStorageGbMonthUsd: usd.optional(),
  /** RDS backup storage beyond the free allowance (what a deleted instance's final snapshot costs), USD per GB-month. */
  rdsSnapshotGbMonthUsd: usd.optional(),
  /** Public IPv4 address (Elastic IP), USD per hour. */
  elasticIpHourlyUsd: usd.optional(),
  natGateway: z.object({ hourlyUsd: usd.optional(), perGbProcessedUsd: usd.optional() }).optional(),
  /** Load balancer USD/hour by type: application, network, gateway, classic. */
  loadBalancerHourlyUsd: z.record(z.string(), usd).optional(),
  /** DynamoDB Standard table class: provisioned capacity per unit-hour, on-demand per request unit, storage per GB-month. */
  dynamoDb: z
    .object({
      wcuHourUsd: usd.optional(),
      rcuHourUsd: usd.optional(),
      writeRequestUnitUsd: usd.optional(),
      readRequestUnitUsd: usd.optional(),
      storageGbMonthUsd: usd.optional(),
    })
    .optional(),
  /** CloudWatch Logs Standard class: USD per GB ingested and per GB-month stored. */
  logs: z.object({ ingestionGbUsd: usd.optional(), storageGbMonthUsd: usd.optional() }).optional(),
  /** Fargate on-demand Linux: USD per vCPU-hour and per GB-hour, by CPU architecture. */
  fargate: z
    .object({ x86VcpuHourUsd: usd.optional(), x86GbHourUsd: usd.optional(), armVcpuHourUsd: usd.optional(), armGbHourUsd: usd.optional() })
    .optional(),
  /** ElastiCache on-demand USD per node-hour, by engine (redis, valkey, memcached) then node type. */
  elastiCacheHourlyUsd: z.record(z.string(), z.record(z.string(), usd)).optional(),
});
export type Prices = z.infer<typeof PricesSchema>;

/**
 * What one account's existing commitments covered over a window of complete UTC days [start, end) (Cost Explorer):
 * its Savings Plans' coverage (GetSavingsPlansCoverage) and utilisation (GetSavingsPlansUtilization), and its EC2
 * Reserved Instances' coverage in hours (GetReservationCoverage). Sizing a new plan subtracts what these already
 * cover (lambdas/engine/rules/account/existing-coverage.ts). Amounts in USD over the whole window.
 */
export const CommitmentCoverageSchema = z.object({
  account: z.string().regex(/^\d{12}$/, 'account must be a 12-digit AWS account id'),
  start: z.iso.date(),
  end: z.iso.date(),
  savingsPlans: z.object({
    /** SpendCoveredBySavingsPlans: the on-demand cost of the usage the plans covered. */
    coveredOnDemandUsd: usd,
    /** OnDemandCost: Savings-Plans-eligible usage billed at on-demand rates. */
    uncoveredOnDemandUsd: usd,
    /** TotalCommitment and UsedCommitment (Savings Plans charges, not on-demand equivalents). */
    commitmentUsd: usd,
    usedCommitmentUsd: usd,
  }),
  /** EC2 Reserved Instance coverage: reserved and on-demand running hours, and the on-demand hours' cost. */
  reservations: z.object({ reservedHours: usd, onDemandHours: usd, onDemandCostUsd: usd }).optional(),
});
export type CommitmentCoverage = z.infer<typeof CommitmentCoverageSchema>;

/**
 * A collector's trouble that did not stop the collection (denied region, not opted in, throttled, unreachable), or
 * what snapshot validation dropped (source `snapshot`). `service` and `operation` name the AWS API that failed
 * (`cloudwatch`, `GetMetricData`), `resourcesAffected` how many resources lost data by it, when known.
 */
export const CollectionIssueSchema = z.object({
  source: z.string(),
  account: z.string().optional(),
  region: z.string().optional(),
  service: z.string().optional(),
  operation: z.string().optional(),
  code: z.string(),
  message: z.string(),
  resourcesAffected: z.number().int().nonnegative().optional(),
});
export type CollectionIssue = z.infer<typeof CollectionIssueSchema>;

/**
 * The published description of `series` (schema/snapshot.schema.json): both series forms and the file layout the
 * large-file reader relies on.
 */
const SERIES_LAYOUT = [
  'Metric series, each in plain form (timestamps and values arrays) or compact form (encoding "f32-base64" or "f64-base64": values on the grid start + i × periodSec × 1000 ms, little-endian floats, NaN for a missing point, base64); both decode to the same series, missing points dropped.',
  'Files Headroom writes put one series per line: the first line holds every other member and ends with `"series":[`, each following line is one series (with its trailing comma), and the last line starts with `]` and closes the document (it may carry members after `series`).',
  'Readers may rely on that layout for large files: `headroom analyze` reads other layouts whole, which V8 limits to ~512 MiB.',
].join(' ');

/** The published rules a series obeys (snapshot-series-checks.ts), beyond its shape. */
const SERIES_RULES = [
  'Rules: a metric Headroom collects carries its CloudWatch unit; timestamps are whole epoch milliseconds, strictly increasing;',
  'every value is finite and within its metric\'s physical range: Percent 0-100 for CPU and memory utilisation (other Percent metrics >= 0),',
  'time units 0 to one day (Lambda Duration at most 900,000 ms), other units 0 to 2^53 - 1, unitless metrics within +-(2^53 - 1).',
  'One series per resource, namespace, metric, statistic and period. A null value is a missing point: dropped and counted in issues.',
  'Series of resources the snapshot does not hold are dropped and counted.',
].join(' ');

/** The published rules across resources (snapshot-checks.ts). */
const RESOURCE_RULES =
  "Rules: ARNs are unique (an exact repeat is dropped and counted in issues, a repeat with other contents is rejected); an ARN's region and account are the resource's; config passes its type's schema and is self-consistent (an attached volume is in-use, io1/io2 volumes have IOPS, PROVISIONED tables have capacity units and on-demand ones none, healthy targets do not outnumber registered ones, an associated address has its association).";

const SnapshotObjectSchema = z.object({
  version: z.literal(1),
  collectedAt: z.iso.datetime(),
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  resources: z.array(ResourceSchema).describe(RESOURCE_RULES),
  series: SnapshotSeriesListSchema.describe(`${SERIES_LAYOUT} ${SERIES_RULES}`),
  costs: z.array(DailyCostSchema),
  costForecast: CostForecastSchema.optional(),
  prices: PricesSchema.optional(),
  regionPrices: z
    .array(PricesSchema)
    .optional()
    .describe("Each collected region's list prices, when several regions were collected (each entry names its region). A resource is priced with its region's entry, else with `prices`, else with the bundled us-east-1 catalogue."),
  recommendations: z.array(ExternalRecommendationSchema).default([]),
  issues: z.array(CollectionIssueSchema).default([]),
  /** Existing Savings Plans and Reserved Instance coverage per account; absent in older snapshots (none assumed). */
  commitments: z.array(CommitmentCoverageSchema).optional(),
});
export type Snapshot = z.infer<typeof SnapshotObjectSchema>;

/**
 * A snapshot, validated: every part against its schema, then the rules across parts (snapshot-checks.ts: ARNs
 * unique, configuration self-consistent, one series per metric). What is dropped as tolerable is counted in `issues`.
 */
export const SnapshotSchema = SnapshotObjectSchema.transform((snapshot, ctx) => checkSnapshotContents(snapshot, ctx, configSchemaByType));

/**
 * The rules across parts for a snapshot whose parts were validated one by one (the large-file reader validates each
 * series line with SnapshotSeriesSchema and decodeSnapshotSeries, the rest with SnapshotSchema).
 */
export const SnapshotContentsSchema = z.custom<Snapshot>().transform((snapshot, ctx) => checkSnapshotContents(snapshot, ctx, configSchemaByType));
