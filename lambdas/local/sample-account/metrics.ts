import { hashNormal, hashUnit } from './prng.js';
import type { Incident, SampleResource } from './model.js';
import { loadAt } from './workload.js';

/** A metric the sample account publishes, addressed the way CloudWatch addresses it. */
export interface PublishedMetric {
  namespace: string;
  metricName: string;
  dimension: { Name: string; Value: string };
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

/** Which metrics each resource publishes (CloudWatch namespaces and dimensions as AWS uses them). */
export function publishedMetrics(sample: SampleResource): PublishedMetric[] {
  const r = sample.resource;
  const m = (namespace: string, name: string, value: string, metricName: string, unit: string): PublishedMetric => ({
    namespace,
    metricName,
    dimension: { Name: name, Value: value },
    unit,
  });
  switch (r.type) {
    case 'ec2:instance': {
      const id = lastSegment(r.arn);
      return [m('AWS/EC2', 'InstanceId', id, 'CPUUtilization', 'Percent'), m('AWS/EC2', 'InstanceId', id, 'NetworkIn', 'Bytes'), m('AWS/EC2', 'InstanceId', id, 'NetworkOut', 'Bytes')];
    }
    case 'ebs:volume': {
      const id = lastSegment(r.arn);
      return [m('AWS/EBS', 'VolumeId', id, 'VolumeReadOps', 'Count'), m('AWS/EBS', 'VolumeId', id, 'VolumeWriteOps', 'Count')];
    }
    case 'lambda:function':
      return ['Invocations', 'Duration', 'Errors', 'Throttles', 'ConcurrentExecutions'].map((name) =>
        m('AWS/Lambda', 'FunctionName', r.name, name, name === 'Duration' ? 'Milliseconds' : 'Count'),
      );
    case 'rds:db-instance':
      return [m('AWS/RDS', 'DBInstanceIdentifier', r.name, 'CPUUtilization', 'Percent'), m('AWS/RDS', 'DBInstanceIdentifier', r.name, 'DatabaseConnections', 'Count')];
    case 'dynamodb:table':
      return [
        m('AWS/DynamoDB', 'TableName', r.name, 'ConsumedReadCapacityUnits', 'Count'),
        m('AWS/DynamoDB', 'TableName', r.name, 'ConsumedWriteCapacityUnits', 'Count'),
      ];
    case 'elb:load-balancer':
      return [m('AWS/ApplicationELB', 'LoadBalancer', r.arn.split(':loadbalancer/')[1] ?? r.name, 'RequestCount', 'Count')];
    default:
      return [];
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
  const values: number[] = [];
  for (let k = 0; k < slots; k++) {
    const value = slotValue(sample, metricName, stat, periodStart + k * SLOT_MS, context);
    if (value !== undefined) values.push(value);
  }
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  if (stat === 'Maximum') return Math.max(...values);
  if (stat === 'Minimum') return Math.min(...values);
  if (stat === 'Sum' || stat === 'SampleCount') return values.reduce((a, b) => a + b, 0);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function activeIncident(sample: SampleResource, kind: Incident['kind'], t: number, context: MetricContext): boolean {
  return (context.incidentsByArn.get(sample.resource.arn) ?? []).some((i) => i.kind === kind && t >= i.start && t < i.end);
}

/** Resources publish from creation until stopped; stopped instances and unattached volumes publish nothing. */
function isRunning(sample: SampleResource, t: number): boolean {
  if (t < sample.createdAt) return false;
  if (sample.details.stoppedAt !== undefined) return t < sample.details.stoppedAt;
  const state = sample.resource.config.state;
  return state !== 'stopped' && state !== 'available';
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
    return undefined;
  }

  if (resource.type === 'dynamodb:table') {
    // Consumed capacity units per slot = units/s × 300; writes are a third of reads.
    if (metricName === 'ConsumedReadCapacityUnits') return countStat(load * 300, stat, 5);
    if (metricName === 'ConsumedWriteCapacityUnits') return countStat((load * 300) / 3, stat, 5);
    return undefined;
  }

  if (resource.type === 'elb:load-balancer' && metricName === 'RequestCount') return countStat(Math.round(load * 300), stat, 5);
  return undefined;
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
