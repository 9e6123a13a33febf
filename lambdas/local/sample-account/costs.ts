import type { DailyCost } from '../../engine/types/snapshot.js';
import {
  DAYS_PER_MONTH,
  DYNAMODB_PRICES,
  ebsGbMonthUsd,
  ec2Catalogue,
  IO1_IOPS_MONTH_USD,
  LAMBDA_GB_SECOND_USD,
  LAMBDA_REQUEST_USD,
  MISC_PRICES,
  rdsHourlyUsd,
} from './catalogue.js';
import type { Incident, SampleAccount, SampleResource } from './model.js';
import { hashNormal } from './prng.js';
import { bundledRdsHourlyUsd, RDS_IO1_IOPS_MONTH_USD } from '../../engine/pricing/rds-prices.js';
import { FARGATE_GB_HOUR_USD, FARGATE_VCPU_HOUR_USD, type FargateArchitecture } from '../../engine/pricing/fargate-prices.js';
import { bundledCacheNodeHourlyUsd, type CacheEngine } from '../../engine/pricing/elasticache-prices.js';
import { meanDailyLoad } from './workload.js';

const DAY_MS = 86_400_000;
export const COST_DAYS = 90;

/** Cost Explorer's service names for the lines the sample account produces. */
export const SERVICES = {
  ec2: 'Amazon Elastic Compute Cloud - Compute',
  ec2Other: 'EC2 - Other',
  lambda: 'AWS Lambda',
  rds: 'Amazon Relational Database Service',
  dynamodb: 'Amazon DynamoDB',
  s3: 'Amazon Simple Storage Service',
  cloudwatch: 'AmazonCloudWatch',
  transfer: 'AWS Data Transfer',
  elb: 'Amazon Elastic Load Balancing',
  /** Public IPv4 addresses (Elastic IPs included, associated or not) are billed here since February 2024. */
  vpc: 'Amazon Virtual Private Cloud',
  ecs: 'Amazon Elastic Container Service',
  elastiCache: 'Amazon ElastiCache',
} as const;

/**
 * List prices (us-east-1) of the network and backup lines, from the AWS pricing pages: NAT gateway per hour and per
 * GB processed, a public IPv4 address per hour, EBS snapshot storage (standard tier) per GB-month, and the NLB
 * capacity unit per hour (an NLB's hour costs what an ALB's does).
 */
export const NETWORK_PRICES = { natHour: 0.045, natGb: 0.045, publicIpv4Hour: 0.005, snapshotGbMonth: 0.05, nlcuHour: 0.006 } as const;

/**
 * Bytes a NAT gateway processes per byte its clients send: the requests out (BytesInFromSource, 1.01–1.03×) plus the
 * larger replies back (BytesInFromDestination, 3–3.5×), the mid-points of the sample metrics (metrics.ts).
 */
const NAT_PROCESSED_PER_SENT_BYTE = 1.02 + 3.25;

type CostInputs = Pick<SampleAccount, 'accountId' | 'now' | 'seed'> & { resources: SampleResource[]; incidents: Incident[] };

/**
 * 90 complete UTC days of unblended cost by service, oldest first, consistent with the resources:
 * each resource contributes only while it exists (and EC2 only while running), at list prices:
 *   EC2 = hourly × 24 × share of day running (web fleets scale in to 80 % at weekends)
 *   EBS = GB × $/GB-month / 30.44 (+ io1 IOPS × $0.065 / 30.44)
 *   Lambda = invocations × (duration s × memory GB × $/GB-s + $0.20/M), invocations = mean req/s × 86,400
 *   RDS = hourly × 24 × (2 if Multi-AZ) + storage × $0.115 / 30.44;  DynamoDB provisioned = RCU × $0.00013 × 24
 *   + WCU × $0.00065 × 24, on demand = reads × $0.125/M + writes × $0.625/M;  S3 = GB × $0.023 / 30.44
 *   CloudWatch = log ingestion GB × $0.50 + stored GB × $0.03 / 30.44
 *   ALB = ($0.0225 + LCU × $0.008) × 24;  NLB = ($0.0225 + NLCU × $0.006) × 24   (Amazon Elastic Load Balancing)
 *   NAT gateway = $0.045 × 24 + GB processed × $0.045, GB = mean MB/s × 86,400 × 4.27 / 1,000   (EC2 - Other)
 *   Elastic IP = $0.005 × 24, associated or not   (Amazon Virtual Private Cloud, where public IPv4 bills since 2024)
 *   EBS snapshot = GiB × $0.05 / 30.44 (full size: an upper bound, snapshots store changed blocks)   (EC2 - Other)
 *   Data transfer = 5 % of EC2 NetworkOut bytes × $0.09/GB
 *   ECS on Fargate = desired tasks × (vCPU × $/vCPU-h + GB × $/GB-h) × 24; ECS on EC2 bills as its instances (none here)
 *   ElastiCache = nodes × node $/h × 24;  RDS classes outside the sample's table at the engine's bundled price, io1 IOPS
 *   × $0.10 / 30.44
 * then × (1 + 0.03 z) daily noise and × the factor of any cost incident that day.
 */
export function sampleDailyCosts(inputs: CostInputs): DailyCost[] {
  const today = Math.floor(inputs.now / DAY_MS) * DAY_MS;
  const costs: DailyCost[] = [];
  for (let d = COST_DAYS; d >= 1; d--) {
    const dayStart = today - d * DAY_MS;
    const totals = new Map<string, number>();
    const add = (service: string, usd: number) => totals.set(service, (totals.get(service) ?? 0) + usd);
    for (const sample of inputs.resources) resourceDayCost(sample, dayStart, inputs.now, add);
    for (const [service, usd] of totals) {
      const noise = 1 + 0.03 * hashNormal(inputs.seed, service.length * 131 + service.charCodeAt(0), dayStart / DAY_MS);
      const incident = inputs.incidents.find((i) => i.kind === 'cost-spike' && i.service === service && i.start <= dayStart && dayStart < i.end);
      const factor = incident?.costFactor ?? 1;
      costs.push({ date: new Date(dayStart).toISOString().slice(0, 10), account: inputs.accountId, service, amountUsd: round(usd * noise * factor) });
    }
  }
  return costs;
}

function round(usd: number): number {
  return Math.round(usd * 1e8) / 1e8;
}

/** Share of [dayStart, dayStart + 1 day) during which the resource existed (and ran, for EC2). */
function shareOfDay(sample: SampleResource, dayStart: number): number {
  const end = Math.min(dayStart + DAY_MS, sample.details.stoppedAt ?? Infinity);
  const start = Math.max(dayStart, sample.createdAt);
  return Math.max(0, Math.min(1, (end - start) / DAY_MS));
}

function resourceDayCost(sample: SampleResource, dayStart: number, now: number, add: (service: string, usd: number) => void): void {
  const { resource: r, workload, details } = sample;
  const c = r.config as Record<string, unknown>;
  const exists = Math.max(0, Math.min(1, (dayStart + DAY_MS - Math.max(dayStart, sample.createdAt)) / DAY_MS));
  if (exists === 0) return;
  const weekday = new Date(dayStart).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  switch (r.type) {
    case 'ec2:instance': {
      const running = shareOfDay(sample, dayStart);
      const info = ec2Catalogue[String(c.instanceType)];
      const scale = sample.archetype === 'web-api' && weekend ? 0.8 : 1;
      add(SERVICES.ec2, (info?.hourlyUsd ?? 0.1) * 24 * running * scale);
      const outBytes = meanDailyLoad(workload, dayStart, now) * (details.networkBytesPerCpuPct ?? 0) * 86_400 * 0.6 * running;
      add(SERVICES.transfer, ((outBytes * 0.05) / 1e9) * MISC_PRICES.transferOutGb);
      return;
    }
    case 'ebs:volume': {
      const perGb = ebsGbMonthUsd[String(c.volumeType)] ?? 0.1;
      const iopsCost = c.volumeType === 'io1' || c.volumeType === 'io2' ? Number(c.iops ?? 0) * IO1_IOPS_MONTH_USD : 0;
      add(SERVICES.ec2Other, ((Number(c.sizeGiB) * perGb + iopsCost) / DAYS_PER_MONTH) * exists);
      return;
    }
    case 'lambda:function': {
      const invocations = meanDailyLoad(workload, dayStart, now) * 86_400 * exists;
      const gbSeconds = invocations * ((details.durationMs ?? 100) / 1000) * (Number(c.memoryMb) / 1024);
      const rate = c.architecture === 'arm64' ? LAMBDA_GB_SECOND_USD.arm64 : LAMBDA_GB_SECOND_USD.x86_64;
      add(SERVICES.lambda, gbSeconds * rate + invocations * LAMBDA_REQUEST_USD);
      return;
    }
    case 'rds:db-instance': {
      const hourly = rdsHourlyUsd[String(c.instanceClass)] ?? bundledRdsHourlyUsd(String(c.instanceClass), String(c.engine), false) ?? 0.2;
      const iops = c.storageType === 'io1' ? Number(c.iops ?? 0) * RDS_IO1_IOPS_MONTH_USD : 0;
      add(SERVICES.rds, (hourly * 24 * (c.multiAz ? 2 : 1) + (Number(c.storageGiB) * 0.115 + iops) / DAYS_PER_MONTH) * exists);
      return;
    }
    case 'dynamodb:table': {
      const storage = ((Number(c.sizeBytes ?? 0) / 1e9) * 0.25) / DAYS_PER_MONTH;
      if (c.billingMode === 'PROVISIONED') {
        add(SERVICES.dynamodb, (Number(c.readCapacityUnits) * DYNAMODB_PRICES.rcuHour * 24 + Number(c.writeCapacityUnits) * DYNAMODB_PRICES.wcuHour * 24 + storage) * exists);
      } else {
        const reads = meanDailyLoad(workload, dayStart, now) * 86_400 * exists;
        add(SERVICES.dynamodb, (reads / 1e6) * DYNAMODB_PRICES.rruMillion + (reads / 3 / 1e6) * DYNAMODB_PRICES.wruMillion + storage);
      }
      return;
    }
    case 's3:bucket': {
      const growth = Math.max(0.05, 1 + (workload.growthPerDay * (dayStart - now)) / DAY_MS);
      add(SERVICES.s3, (((details.sizeGb ?? 0) * growth * MISC_PRICES.s3GbMonth) / DAYS_PER_MONTH) * exists);
      return;
    }
    case 'logs:log-group':
      add(SERVICES.cloudwatch, ((details.ingestGbPerDay ?? 0) * MISC_PRICES.logsIngestGb + ((Number(c.storedBytes) / 1e9) * MISC_PRICES.logsGbMonth) / DAYS_PER_MONTH) * exists);
      return;
    case 'elb:load-balancer': {
      const capacityUnitHour = c.lbType === 'network' ? NETWORK_PRICES.nlcuHour : MISC_PRICES.lcuHour;
      add(SERVICES.elb, (MISC_PRICES.albHour + (details.lcu ?? 0) * capacityUnitHour) * 24 * exists);
      return;
    }
    case 'ec2:nat-gateway': {
      const processedGb = (meanDailyLoad(workload, dayStart, now) * 86_400 * NAT_PROCESSED_PER_SENT_BYTE * exists) / 1000;
      add(SERVICES.ec2Other, NETWORK_PRICES.natHour * 24 * exists + processedGb * NETWORK_PRICES.natGb);
      return;
    }
    case 'ec2:elastic-ip':
      add(SERVICES.vpc, NETWORK_PRICES.publicIpv4Hour * 24 * exists);
      return;
    case 'ebs:snapshot':
      add(SERVICES.ec2Other, ((Number(c.sizeGiB) * NETWORK_PRICES.snapshotGbMonth) / DAYS_PER_MONTH) * exists);
      return;
    case 'ecs:service': {
      if (c.launchType !== 'FARGATE') return;
      const architecture = String(c.cpuArchitecture) as FargateArchitecture;
      const taskHour = (Number(c.taskCpuUnits) / 1024) * FARGATE_VCPU_HOUR_USD[architecture] + (Number(c.taskMemoryMiB) / 1024) * FARGATE_GB_HOUR_USD[architecture];
      add(SERVICES.ecs, taskHour * Number(c.desiredCount) * 24 * exists);
      return;
    }
    case 'elasticache:cluster':
      add(SERVICES.elastiCache, (bundledCacheNodeHourlyUsd(String(c.nodeType), String(c.engine) as CacheEngine) ?? 0.1) * Number(c.numNodes) * 24 * exists);
      return;
    default:
      return;
  }
}

/**
 * What Cost Explorer would forecast for the next `days` days: the mean daily total of the last two
 * weeks extended by the trend between the last two fortnights, with an 80 % band of ±(6 % + 0.2 % per day ahead).
 */
export function sampleCostForecast(costs: DailyCost[], now: number, days = 30): SampleAccount['costForecast'] {
  const byDate = new Map<string, number>();
  for (const c of costs) byDate.set(c.date, (byDate.get(c.date) ?? 0) + c.amountUsd);
  const totals = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const last = mean(totals.slice(-14));
  const previous = mean(totals.slice(-28, -14));
  const slopePerDay = previous > 0 ? (last - previous) / 14 : 0;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const daily = Array.from({ length: days }, (_, k) => {
    const value = Math.max(0, last + slopePerDay * (k + 7));
    const width = 0.06 + 0.002 * k;
    return { date: new Date(today + k * DAY_MS).toISOString().slice(0, 10), mean: value, lower: value * (1 - width), upper: value * (1 + width) };
  });
  return {
    start: daily[0]?.date ?? new Date(today).toISOString().slice(0, 10),
    end: new Date(today + days * DAY_MS).toISOString().slice(0, 10),
    meanUsd: daily.reduce((s, d) => s + d.mean, 0),
    lowerUsd: daily.reduce((s, d) => s + d.lower, 0),
    upperUsd: daily.reduce((s, d) => s + d.upper, 0),
    daily,
  };
}

/** Discount of the sample's existing plan: the bundled 1-year no-upfront Compute Savings Plan rate for EC2. */
const EXISTING_PLAN_DISCOUNT = 0.25;
/** The existing plan covers this share of the quietest recent day's eligible spend: a part, not all, of the base. */
const EXISTING_PLAN_SHARE_OF_BASE = 0.4;

/**
 * The Compute Savings Plan the sample account already holds, so sizing a new one must net it out: its commitment is
 * 40 % of the lowest daily EC2 + Lambda spend of the last 14 days, per hour, at the plan's rate —
 * C = 0.4 × min_d(spend_d ÷ 24) × (1 − 0.25), rounded to the cent (it is used fully every hour of the base).
 */
export function sampleExistingSavingsPlan(costs: DailyCost[]): SampleAccount['existingSavingsPlan'] {
  const byDay = new Map<string, number>();
  for (const c of costs) if (c.service === SERVICES.ec2 || c.service === SERVICES.lambda) byDay.set(c.date, (byDay.get(c.date) ?? 0) + c.amountUsd);
  const recent = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-14).map(([, usd]) => usd);
  const base = recent.length === 0 ? 0 : Math.min(...recent) / 24;
  return { hourlyCommitmentUsd: Math.round(EXISTING_PLAN_SHARE_OF_BASE * base * (1 - EXISTING_PLAN_DISCOUNT) * 100) / 100, discount: EXISTING_PLAN_DISCOUNT };
}
