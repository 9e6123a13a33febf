import { hashNormal, hashUnit } from './prng.js';
import type { Incident, SampleResource } from './model.js';
import { loadAt } from './workload.js';
import { storageDataPublishedMetrics, storageDataSlotValue } from './storage-data-metrics.js';
import { webPublishedMetrics, webSlotValue } from './web-metrics.js';
import { CACHE_NODE_CATALOGUE } from '../../engine/pricing/elasticache-prices.js';

/** A metric the sample account publishes, addressed the way CloudWatch addresses it (the exact dimension set). */
export interface PublishedMetric {
  namespace: string;
  metricName: string;
  dimensions: { Name: string; Value: string }[];
  unit: string;
}

/** Shared inputs of every metric evaluation. */
export interface MetricContext {
  seed: number;
  now: number;
  incidentsByArn: Map<string, Incident[]>;
}

const SLOT_MS = 300_000;
const lastSegment = (arn: string): string => arn.split('/').pop() ?? arn;

/** Memory of the sample's RDS instance classes, GiB. */
const RDS_MEMORY_GIB: Record<string, number> = { 'db.t3.medium': 4, 'db.m5.xlarge': 16, 'db.r6g.large': 16, 'db.r5.xlarge': 32, 'db.r5.2xlarge': 64 };

/**
 * Whether the CloudWatch agent runs on an instance (memory-bound caches and web fleets have it) and its
 * baseline memory use, %: caches 72–88 %, web fleets 35–55 %. Hashed from the resource, not drawn from
 * the generator's sequence, so adding the agent changed no other sample value.
 */
export function agentMemoryPct(sample: SampleResource, seed: number): number | undefined {
  if (sample.resource.type !== 'ec2:instance') return undefined;
  const u = hashUnit(seed, sample.workload.salt, 0, 101);
  if (sample.archetype === 'cache') return 72 + 16 * u;
  if (sample.archetype === 'web-api') return 35 + 20 * u;
  return undefined;
}

/** Whether a function has Lambda Insights: every pipeline stage, about half the API functions (hashed). */
export function hasLambdaInsights(sample: SampleResource, seed: number): boolean {
  if (sample.resource.type !== 'lambda:function') return false;
  return sample.archetype === 'data-pipeline' || hashUnit(seed, sample.workload.salt, 0, 103) < 0.5;
}

/** Which metrics each resource publishes (CloudWatch namespaces and dimensions as AWS uses them). */
export function publishedMetrics(sample: SampleResource, seed: number): PublishedMetric[] {
  const r = sample.resource;
  const all = (namespace: string, dimensions: PublishedMetric['dimensions'], metrics: [string, string][]): PublishedMetric[] =>
    metrics.map(([metricName, unit]) => ({ namespace, metricName, dimensions, unit }));
  switch (r.type) {
    case 'ec2:instance': {
      const id = lastSegment(r.arn);
      const metrics = all('AWS/EC2', [{ Name: 'InstanceId', Value: id }], [['CPUUtilization', 'Percent'], ['NetworkIn', 'Bytes'], ['NetworkOut', 'Bytes']]);
      if (agentMemoryPct(sample, seed) === undefined) return metrics;
      // The agent's default append_dimensions: InstanceId, ImageId, InstanceType (the collector must discover the set).
      const agent = [
        { Name: 'InstanceId', Value: id },
        { Name: 'ImageId', Value: `ami-${id.slice(2)}` },
        { Name: 'InstanceType', Value: String(r.config.instanceType) },
      ];
      return [...metrics, ...all('CWAgent', agent, [['mem_used_percent', 'Percent']])];
    }
    case 'ebs:volume':
      return all('AWS/EBS', [{ Name: 'VolumeId', Value: lastSegment(r.arn) }], [
        ['VolumeReadOps', 'Count'],
        ['VolumeWriteOps', 'Count'],
        ['VolumeReadBytes', 'Bytes'],
        ['VolumeWriteBytes', 'Bytes'],
        ['VolumeTotalReadTime', 'Seconds'],
        ['VolumeTotalWriteTime', 'Seconds'],
        ['VolumeQueueLength', 'Count'],
      ]);
    case 'lambda:function': {
      const metrics = all('AWS/Lambda', [{ Name: 'FunctionName', Value: r.name }], [
        ['Invocations', 'Count'],
        ['Duration', 'Milliseconds'],
        ['Errors', 'Count'],
        ['Throttles', 'Count'],
        ['ConcurrentExecutions', 'Count'],
      ]);
      if (!hasLambdaInsights(sample, seed)) return metrics;
      return [...metrics, ...all('LambdaInsights', [{ Name: 'function_name', Value: r.name }], [['memory_utilization', 'Percent'], ['used_memory_max', 'Megabytes'], ['cpu_total_time', 'Milliseconds']])];
    }
    case 'rds:db-instance':
      return all('AWS/RDS', [{ Name: 'DBInstanceIdentifier', Value: r.name }], [
        ['CPUUtilization', 'Percent'],
        ['DatabaseConnections', 'Count'],
        ['FreeableMemory', 'Bytes'],
        ...(r.config.storageType === 'io1' ? ([['ReadIOPS', 'Count/Second'], ['WriteIOPS', 'Count/Second']] as [string, string][]) : []),
      ]);
    case 'ecs:service':
      if (r.config.launchType === 'EC2') return [];
      return all('AWS/ECS', [{ Name: 'ClusterName', Value: String(r.config.clusterName) }, { Name: 'ServiceName', Value: String(r.config.serviceName) }], [['CPUUtilization', 'Percent'], ['MemoryUtilization', 'Percent']]);
    case 'elasticache:cluster':
      return all('AWS/ElastiCache', [{ Name: 'CacheClusterId', Value: r.name }], [
        ['CurrConnections', 'Count'],
        ...(r.config.engine === 'memcached'
          ? ([['CPUUtilization', 'Percent'], ['BytesUsedForCacheItems', 'Bytes']] as [string, string][])
          : ([['EngineCPUUtilization', 'Percent'], ['DatabaseMemoryUsagePercentage', 'Percent']] as [string, string][])),
      ]);
    case 'dynamodb:table':
      return all('AWS/DynamoDB', [{ Name: 'TableName', Value: r.name }], [
        ['ConsumedReadCapacityUnits', 'Count'],
        ['ConsumedWriteCapacityUnits', 'Count'],
        ...(r.config.billingMode === 'PROVISIONED' ? ([['ProvisionedReadCapacityUnits', 'Count'], ['ProvisionedWriteCapacityUnits', 'Count']] as [string, string][]) : []),
      ]);
    case 'elb:load-balancer': {
      const dimensions = [{ Name: 'LoadBalancer', Value: r.arn.split(':loadbalancer/')[1] ?? r.name }];
      return r.config.lbType === 'network'
        ? all('AWS/NetworkELB', dimensions, [['NewFlowCount', 'Count'], ['ActiveFlowCount', 'Count']])
        : all('AWS/ApplicationELB', dimensions, [['RequestCount', 'Count'], ['TargetResponseTime', 'Seconds'], ['HTTPCode_Target_5XX_Count', 'Count'], ['HTTPCode_ELB_5XX_Count', 'Count']]);
    }
    case 'ec2:nat-gateway':
      return all('AWS/NATGateway', [{ Name: 'NatGatewayId', Value: lastSegment(r.arn) }], [['BytesInFromSource', 'Bytes'], ['BytesInFromDestination', 'Bytes'], ['ActiveConnectionCount', 'Count']]);
    case 'apigateway:api':
      return webPublishedMetrics(sample);
    default:
      return storageDataPublishedMetrics(sample);
  }
}

/**
 * The value of `stat` of one metric over [periodStart, periodStart + periodSec), or undefined when
 * CloudWatch would have no datapoint (resource not running yet or stopped, a Lambda with no
 * invocations). Periods longer than 5 minutes aggregate the 5-minute slots: Average and percentiles
 * by the mean of slot values (exact for Average, an approximation for percentiles), Maximum by max,
 * Minimum by min, Sum and SampleCount by sum.
 */
export function metricValue(
  sample: SampleResource,
  metricName: string,
  stat: string,
  periodStart: number,
  periodSec: number,
  context: MetricContext,
): number | undefined {
  const slots = Math.max(1, Math.round(periodSec / 300));
  // Called once per datapoint (millions for a large account): accumulate without allocating.
  if (slots === 1) return slotValue(sample, metricName, stat, periodStart, context);
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < slots; k++) {
    const value = slotValue(sample, metricName, stat, periodStart + k * SLOT_MS, context);
    if (value === undefined) continue;
    count += 1;
    sum += value;
    max = Math.max(max, value);
    min = Math.min(min, value);
  }
  if (count === 0) return undefined;
  if (stat === 'Maximum') return max;
  if (stat === 'Minimum') return min;
  if (stat === 'Sum' || stat === 'SampleCount') return sum;
  return sum / count;
}

function activeIncident(sample: SampleResource, kind: Incident['kind'], t: number, context: MetricContext): boolean {
  return (context.incidentsByArn.get(sample.resource.arn) ?? []).some((i) => i.kind === kind && t >= i.start && t < i.end);
}

/** Resources publish from creation until stopped; stopped instances and unattached volumes publish nothing. */
export function isRunning(sample: SampleResource, t: number): boolean {
  if (t < sample.createdAt) return false;
  if (sample.details.stoppedAt !== undefined) return t < sample.details.stoppedAt;
  const { type, config } = sample.resource;
  if (type === 'ebs:volume') return config.state === 'in-use';
  if (type === 'ec2:nat-gateway') return config.state === 'available';
  return config.state !== 'stopped';
}

/** One 5-minute slot of one metric statistic. Formulas are in the doc comments of each branch. */
function slotValue(sample: SampleResource, metricName: string, stat: string, t: number, context: MetricContext): number | undefined {
  const { resource, details, workload } = sample;
  if (!isRunning(sample, t)) return undefined;
  const slot = Math.floor(t / SLOT_MS);
  const u = hashUnit(context.seed, workload.salt, slot, metricName.length * 31 + stat.length);
  const load = loadAt(workload, t, context.now, context.seed);

  if (resource.type === 'ec2:instance' || resource.type === 'rds:db-instance') {
    // CPU % = load clamped to [0.1, 100]; saturation incidents pin it near 100. Maximum = Average ×
    // (1 + (burst − 1) × u): the within-5-minute peak. Network bytes = CPU % × bytes-per-%-second × 300.
    const cpu = activeIncident(sample, 'cpu-saturation', t, context) ? 96 + 3.5 * u : Math.min(100, Math.max(0.1, load));
    if (metricName === 'CPUUtilization') return cpuStat(cpu, stat, details.cpuBurst ?? 1.3, u);
    if (metricName === 'NetworkIn' || metricName === 'NetworkOut') {
      const bytes = cpu * (details.networkBytesPerCpuPct ?? 20_000) * 300 * (0.85 + 0.3 * u) * (metricName === 'NetworkOut' ? 0.6 : 1);
      return countStat(bytes, stat, 5);
    }
    if (metricName === 'DatabaseConnections') return cpu < 0.5 ? 0 : Math.round(cpu * 2 * (0.9 + 0.2 * u));
    if (metricName === 'FreeableMemory') {
      // Free bytes = memory × (1 − used), used = 50 % + 30 % × CPU share; Minimum dips up to 5 % lower.
      const memoryBytes = (RDS_MEMORY_GIB[String(resource.config.instanceClass)] ?? 8) * 2 ** 30;
      const free = memoryBytes * (1 - ((details.memoryUsedShare ?? 0.5) + 0.3 * (cpu / 100)));
      return stat === 'Minimum' ? free * (1 - 0.05 * u) : free;
    }
    // io1 databases: IOPS = CPU % × iopsPerCpuPct, 70 % reads.
    if (metricName === 'ReadIOPS') return cpu * (details.iopsPerCpuPct ?? 30) * 0.7 * (0.9 + 0.2 * u);
    if (metricName === 'WriteIOPS') return cpu * (details.iopsPerCpuPct ?? 30) * 0.3 * (0.9 + 0.2 * u);
    if (metricName === 'mem_used_percent') {
      // Agent memory % = baseline × (0.97 + 0.06 u), Maximum up to 3 points higher.
      const base = agentMemoryPct(sample, context.seed);
      if (base === undefined) return undefined;
      const mem = Math.min(99.5, base * (0.97 + 0.06 * u));
      return stat === 'Maximum' ? Math.min(100, mem + 3 * u) : mem;
    }
    return undefined;
  }

  if (resource.type === 'lambda:function') {
    // Invocations per slot = requests/s × 300; no datapoints at all in a slot without invocations.
    const invocations = Math.round(load * 300);
    if (invocations < 1) return undefined;
    const slowdown = activeIncident(sample, 'latency-spike', t, context) ? 4 : 1;
    const burst = activeIncident(sample, 'error-burst', t, context);
    const meanMs = (details.durationMs ?? 100) * slowdown * Math.max(0.3, 1 + 0.08 * hashNormal(context.seed, workload.salt + 7, slot));
    const tail = details.tailFactor ?? 2.5;
    switch (metricName) {
      case 'Invocations':
        return countStat(invocations, stat, invocations);
      case 'Errors':
        return countStat(Math.round(invocations * (burst ? 0.3 : (details.errorRate ?? 0.001) * 2 * u)), stat, invocations);
      case 'Throttles':
        return countStat(burst ? Math.round(invocations * 0.1) : 0, stat, invocations);
      case 'ConcurrentExecutions':
        return Math.max(1, Math.ceil(load * (meanMs / 1000) * 1.5));
      case 'Duration':
        return durationStat(meanMs, tail, invocations, stat);
      case 'used_memory_max':
      case 'memory_utilization': {
        // Memory used: memory-bound 85–95 % of the configured size, CPU-bound 30–40 %, I/O-bound 12–20 %.
        const share = { memory: 0.85, cpu: 0.3, io: 0.12 }[details.boundBy ?? 'io'] + 0.08 * hashUnit(context.seed, workload.salt, 0, 107) + 0.02 * u;
        const memoryMb = Number(resource.config.memoryMb);
        return metricName === 'used_memory_max' ? Math.round(memoryMb * Math.min(1, share)) : 100 * Math.min(1, share);
      }
      case 'cpu_total_time':
        // CPU time per invocation: 90 % of the duration when CPU-bound, 60 % memory-bound, 10 % I/O-bound.
        return meanMs * { cpu: 0.9, memory: 0.6, io: 0.1 }[details.boundBy ?? 'io'];
      default:
        return undefined;
    }
  }

  if (resource.type === 'ebs:volume') {
    // Operations per slot = IOPS × 300, split between reads and writes by readShare.
    const ops = load * 300;
    const share = details.readShare ?? 0.6;
    if (metricName === 'VolumeReadOps') return countStat(Math.round(ops * share), stat, 5);
    if (metricName === 'VolumeWriteOps') return countStat(Math.round(ops * (1 - share)), stat, 5);
    // I/O size 16–64 KiB per operation and 0.5–1.5 ms per operation, fixed per volume (hashed).
    const ioBytes = (16 + 48 * hashUnit(context.seed, workload.salt, 0, 109)) * 1024;
    const latencySec = 0.0005 + 0.001 * hashUnit(context.seed, workload.salt, 0, 113);
    if (metricName === 'VolumeReadBytes') return countStat(ops * share * ioBytes, stat, 5);
    if (metricName === 'VolumeWriteBytes') return countStat(ops * (1 - share) * ioBytes, stat, 5);
    if (metricName === 'VolumeTotalReadTime') return countStat(ops * share * latencySec, stat, 5);
    if (metricName === 'VolumeTotalWriteTime') return countStat(ops * (1 - share) * latencySec * 1.2, stat, 5);
    // Little's law: operations in flight = IOPS × latency.
    if (metricName === 'VolumeQueueLength') return load * latencySec * (0.9 + 0.2 * u);
    return undefined;
  }

  if (resource.type === 'dynamodb:table') {
    // Consumed capacity units per slot = units/s × 300; writes are a third of reads.
    if (metricName === 'ConsumedReadCapacityUnits') return countStat(load * 300, stat, 5);
    if (metricName === 'ConsumedWriteCapacityUnits') return countStat((load * 300) / 3, stat, 5);
    if (metricName === 'ProvisionedReadCapacityUnits') return Number(resource.config.readCapacityUnits ?? 0);
    if (metricName === 'ProvisionedWriteCapacityUnits') return Number(resource.config.writeCapacityUnits ?? 0);
    return undefined;
  }

  if (resource.type === 'elb:load-balancer') return loadBalancerValue(sample, metricName, stat, load, u);

  if (resource.type === 'ecs:service') {
    // CPU % = load (Maximum: the busiest task, up to cpuBurst × the mean); memory % = memoryPct × (0.97 + 0.06 u).
    const cpu = Math.min(100, Math.max(0.1, load));
    if (metricName === 'CPUUtilization') return cpuStat(cpu, stat, details.cpuBurst ?? 1.3, u);
    if (metricName === 'MemoryUtilization') return Math.min(100, (details.memoryPct ?? 50) * (0.97 + 0.06 * u));
    return undefined;
  }

  if (resource.type === 'elasticache:cluster') {
    // Engine (or host) CPU % = load; memory in use = memoryPct of the node (BytesUsedForCacheItems: of its GiB);
    // connections = 2–3 of ElastiCache's own when idle (load < 0.5), else 10 per CPU-%.
    const cpu = Math.min(100, Math.max(0, load));
    if (metricName === 'CurrConnections') return load < 0.5 ? 2 + Math.floor(2 * u) : Math.round(10 * cpu * (0.9 + 0.2 * u));
    if (metricName === 'EngineCPUUtilization' || metricName === 'CPUUtilization') return cpuStat(Math.max(0.1, cpu), stat, 1.3, u);
    const memoryPct = Math.min(100, (details.memoryPct ?? 50) * (0.98 + 0.04 * u));
    if (metricName === 'DatabaseMemoryUsagePercentage') return memoryPct;
    if (metricName === 'BytesUsedForCacheItems') return ((CACHE_NODE_CATALOGUE.get(String(resource.config.nodeType))?.memoryGiB ?? 1) * 2 ** 30 * memoryPct) / 100;
    return undefined;
  }

  if (resource.type === 'ec2:nat-gateway') {
    // load = MB/s out through the gateway (bytes per slot from clients); the replies coming back from the internet are
    // a few times larger (downloads dominate); connections = MB/s × connections per MB/s.
    const bytes = load * 1e6 * 300;
    if (metricName === 'BytesInFromSource') return countStat(bytes * (1.01 + 0.02 * u), stat, 5);
    if (metricName === 'BytesInFromDestination') return countStat(bytes * (3 + 0.5 * u), stat, 5);
    if (metricName === 'ActiveConnectionCount') return Math.round(load * (details.connectionsPerMBps ?? 40) * (stat === 'Maximum' ? 1.2 + 0.3 * u : 1));
    return undefined;
  }
  if (resource.type === 'apigateway:api') return webSlotValue(sample, metricName, load, u);
  return storageDataSlotValue(sample, metricName, stat, t, context.now, load, u, context.seed);
}

/**
 * ALB: requests per slot = requests/s × 300; TargetResponseTime mean = responseTimeSec × (1 + 0.3 × load
 * share) with p95 = 2.2 × mean and p99 = 3.5 × mean, absent without requests; target 5XX = 0.05 % of
 * requests × 2u; ELB 5XX = every request when no target is healthy. NLB: new flows = flows/s × 300, active
 * flows = flows/s × 30 s.
 */
function loadBalancerValue(sample: SampleResource, metricName: string, stat: string, load: number, u: number): number | undefined {
  const { config } = sample.resource;
  const requests = Math.round(load * 300);
  switch (metricName) {
    case 'RequestCount':
    case 'NewFlowCount':
      return countStat(requests, stat, 5);
    case 'ActiveFlowCount':
      return load * 30 * (stat === 'Maximum' ? 1.3 : 1);
    case 'TargetResponseTime': {
      if (requests === 0) return undefined;
      const mean = (sample.details.responseTimeSec ?? 0.1) * (1 + (0.3 * load) / Math.max(sample.workload.level, 1e-9));
      const p = percentileOf(stat);
      return p === undefined ? mean : mean * (p >= 99 ? 3.5 : p >= 95 ? 2.2 : 1);
    }
    case 'HTTPCode_Target_5XX_Count':
      return countStat(Math.round(requests * 0.0005 * 2 * u), stat, 5);
    case 'HTTPCode_ELB_5XX_Count':
      return countStat(config.healthyTargets === 0 ? requests : 0, stat, 5);
    default:
      return undefined;
  }
}

function cpuStat(cpu: number, stat: string, burst: number, u: number): number {
  const peak = Math.min(100, cpu * (1 + (burst - 1) * u));
  if (stat === 'Maximum') return peak;
  if (stat === 'Minimum') return cpu * (1 - 0.3 * u);
  if (stat === 'SampleCount') return 5;
  if (stat === 'Sum') return cpu * 5;
  const p = percentileOf(stat);
  return p === undefined ? cpu : cpu + (peak - cpu) * Math.min(1, Math.max(0, (p - 50) / 50));
}

/** Count metrics: Sum is the slot total; Average and percentiles divide it by the samples; Maximum is a sample's worth. */
function countStat(total: number, stat: string, samples: number): number {
  if (stat === 'Sum') return total;
  if (stat === 'SampleCount') return samples;
  return total / Math.max(1, samples);
}

/** Duration: a right-skewed distribution with the given mean and p99 = mean × tail. */
function durationStat(meanMs: number, tail: number, invocations: number, stat: string): number {
  if (stat === 'Average') return meanMs;
  if (stat === 'Sum') return meanMs * invocations;
  if (stat === 'SampleCount') return invocations;
  if (stat === 'Maximum') return meanMs * tail * 1.4;
  if (stat === 'Minimum') return meanMs * 0.3;
  const p = percentileOf(stat);
  if (p === undefined) return meanMs;
  // Interpolates between p50 = 0.85 × mean, p90 = 1.6 × mean and p99 = tail × mean.
  if (p <= 50) return meanMs * 0.85 * (p / 50);
  if (p <= 90) return meanMs * (0.85 + ((1.6 - 0.85) * (p - 50)) / 40);
  return meanMs * (1.6 + ((tail - 1.6) * (p - 90)) / 9);
}

/** 'p99' -> 99, 'p99.9' -> 99.9, anything else -> undefined. */
export function percentileOf(stat: string): number | undefined {
  const match = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(stat);
  return match ? Number(match[1]) : undefined;
}
