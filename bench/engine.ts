/**
 * Engine throughput and memory (SPEC §10: 10,000 resources × 14 days of 5-minute data × 3 metrics analysed in ≤ 10 s
 * and ≤ 1.5 GB RSS on one core): `npx tsx bench/engine.ts [--resources N] [--synthetic]`, or under `/usr/bin/time -v`
 * for the kernel's peak RSS figure.
 *
 * By default the snapshot is the demo generator's (bench/demo-snapshot.ts: `headroom demo --resources N`'s sample
 * account, every resource type of the catalogue), and every phase of the engine pipeline `headroom analyze` runs
 * (lambdas/engine/pipeline.ts) is timed: batch (resource rules, metric anomalies, capacity forecasts, hourly spend),
 * cost (forecasts, anomalies), run (account rules, prioritisation). `--synthetic` uses the older synthetic snapshot instead:
 * a synthetic snapshot in memory — 70 % EC2 instances (CPUUtilization, NetworkIn, NetworkOut), 20 % Lambda
 * functions (Duration, Invocations, used_memory_max), 10 % gp2 volumes (VolumeReadOps, VolumeWriteOps,
 * VolumeIdleTime) — each series 14 × 288 = 4,032 points. All series share one timestamp array (they are on the same
 * 5-minute grid; a collector can intern it the same way), so the data alone is ≈ 8 bytes × 3 × 4,032 per resource.
 * Times the pipeline (not data generation), as wall time and as this process's CPU time (the fair figure on a shared
 * machine: it excludes time spent waiting for a core), sampling RSS after every phase and batch (one per region).
 */
import { analyseSnapshotPipeline, type PipelinePhase } from '../lambdas/engine/pipeline.js';
import { accountRules, rules } from '../lambdas/engine/rules/index.js';
import type { MetricSeries, Resource, Snapshot } from '../lambdas/engine/types/snapshot.js';
import { buildDemoSnapshot } from './demo-snapshot.js';
import { generator, option } from './support.js';

const POINTS = 14 * 288;
const NOW = Date.UTC(2026, 10, 15);
const TIMESTAMPS = Array.from({ length: POINTS }, (_, i) => NOW - (POINTS - 1 - i) * 300_000);
const INSTANCE_TYPES = ['m5.2xlarge', 'm5.xlarge', 'c5.2xlarge', 'r5.xlarge', 'm6i.large', 't3.large', 'c6g.xlarge', 'm7i.4xlarge'];

function metric(arn: string, namespace: string, metricName: string, stat: string, values: number[]): MetricSeries {
  return { resourceArn: arn, namespace, metricName, stat, periodSec: 300, timestamps: TIMESTAMPS, values };
}

/** A daily cycle around `base` with noise and rare spikes, clamped to [0, cap]. */
function cycle(random: () => number, base: number, cap: number): number[] {
  const values = new Array<number>(POINTS);
  for (let i = 0; i < POINTS; i++) {
    const daily = 0.4 * base * Math.sin((2 * Math.PI * i) / 288);
    const spike = random() < 0.001 ? base * 2 : 0;
    values[i] = Math.min(cap, Math.max(0, base + daily + spike + 0.1 * base * (random() - 0.5)));
  }
  return values;
}

function resourceOf(type: Resource['type'], name: string, config: Record<string, unknown>): Resource {
  return { arn: `arn:aws:${type.split(':')[0]}:us-east-1:123456789012:${name}`, type, account: '123456789012', region: 'us-east-1', name, tags: {}, config };
}

function buildSnapshot(count: number): Snapshot {
  const resources: Resource[] = [];
  const series: MetricSeries[] = [];
  for (let n = 0; n < count; n++) {
    const random = generator(Math.imul(n + 1, 2654435761)); // spread small seeds: xorshift's first outputs follow them
    const kind = n % 10;
    if (kind < 7) {
      const r = resourceOf('ec2:instance', `i-${n}`, { instanceType: INSTANCE_TYPES[n % INSTANCE_TYPES.length], state: 'running', platform: 'linux', volumeIds: [] });
      const idle = random() < 0.15;
      resources.push(r);
      series.push(metric(r.arn, 'AWS/EC2', 'CPUUtilization', 'Average', cycle(random, idle ? 2 : 5 + 60 * random(), 100)));
      series.push(metric(r.arn, 'AWS/EC2', 'NetworkIn', 'Sum', cycle(random, idle ? 500 : 2e6, 1e12)));
      series.push(metric(r.arn, 'AWS/EC2', 'NetworkOut', 'Sum', cycle(random, idle ? 500 : 1e6, 1e12)));
    } else if (kind < 9) {
      const memoryMb = [512, 1024, 2048, 3008][n % 4];
      const r = resourceOf('lambda:function', `fn-${n}`, { memoryMb, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x' });
      resources.push(r);
      series.push(metric(r.arn, 'AWS/Lambda', 'Duration', 'Average', cycle(random, 50 + 500 * random(), 30_000)));
      series.push(metric(r.arn, 'AWS/Lambda', 'Invocations', 'Sum', cycle(random, 100 + 5000 * random(), 1e9)));
      series.push(metric(r.arn, 'LambdaInsights', 'used_memory_max', 'Maximum', cycle(random, memoryMb * (0.1 + 0.5 * random()), memoryMb)));
    } else {
      const r = resourceOf('ebs:volume', `vol-${n}`, { volumeType: 'gp2', sizeGiB: 20 + Math.floor(2000 * random()), state: 'in-use' });
      resources.push(r);
      series.push(metric(r.arn, 'AWS/EBS', 'VolumeReadOps', 'Sum', cycle(random, 3000, 1e9)));
      series.push(metric(r.arn, 'AWS/EBS', 'VolumeWriteOps', 'Sum', cycle(random, 3000, 1e9)));
      series.push(metric(r.arn, 'AWS/EBS', 'VolumeIdleTime', 'Sum', cycle(random, 200, 300)));
    }
  }
  return { version: 1, collectedAt: new Date(NOW).toISOString(), accounts: ['123456789012'], regions: ['us-east-1'], resources, series, costs: [], recommendations: [], issues: [] };
}

const count = option('resources', 10_000);
const synthetic = process.argv.includes('--synthetic');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const buildStarted = performance.now();
const { snapshot, grids } = synthetic ? { snapshot: buildSnapshot(count), grids: 1 } : await buildDemoSnapshot(count);
const buildSeconds = (performance.now() - buildStarted) / 1000;
// Drop the collection's garbage so the RSS below is the engine's: a full collection, then a pause so V8's background
// unmapper can hand the freed pages back to the system (RSS sampled at once still counts them).
(globalThis as { gc?: () => void }).gc?.();
await new Promise((resolve) => setTimeout(resolve, 1000));
const heapAfterBuild = process.memoryUsage();
let peakRss = process.memoryUsage().rss;
const rssAfterBuild = peakRss;

const PHASE_NAMES: Record<PipelinePhase, string> = {
  slice: 'slice the snapshot',
  batch: `batch phase (${rules.length} rules, anomalies, capacity)`,
  cost: 'cost phase (forecasts, anomalies)',
  run: `run phase (${accountRules.length} account rules, prioritise)`,
};
/** Each phase's wall and CPU seconds (CPU is the fair figure on a shared machine), summed over its calls (one per batch). */
const phases = new Map<PipelinePhase, { name: string; wall: number; cpu: number }>();
function observe<T>(phase: PipelinePhase, work: () => T): T {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  const sum = phases.get(phase) ?? { name: PHASE_NAMES[phase], wall: 0, cpu: 0 };
  phases.set(phase, { name: sum.name, wall: sum.wall + (performance.now() - wall) / 1000, cpu: sum.cpu + (used.user + used.system) / 1e6 });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return result;
}

// What `headroom analyze` runs: the engine pipeline (lambdas/engine/pipeline.ts), one batch per region.
const { findings, actions, forecasts, anomalies } = analyseSnapshotPipeline(snapshot, { observe });

const total = [...phases.values()].reduce((sum, p) => ({ wall: sum.wall + p.wall, cpu: sum.cpu + p.cpu }), { wall: 0, cpu: 0 });
const byRule = new Map<string, number>();
for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
const points = snapshot.series.reduce((sum, s) => sum + s.values.length, 0);
process.stdout.write(
  [
    `snapshot: ${synthetic ? 'synthetic' : `demo generator (seed 42)`}, ${snapshot.resources.length.toLocaleString('en')} resources, ${snapshot.series.length.toLocaleString('en')} series, ${points.toLocaleString('en')} points, ${grids} timestamp grid(s)`,
    `data generation (not timed below): ${buildSeconds.toFixed(2)} s, RSS after build ${mib(rssAfterBuild)} (V8 heap ${mib(heapAfterBuild.heapUsed)} used of ${mib(heapAfterBuild.heapTotal)})`,
    ...[...phases.values()].map((p) => `  ${p.name.padEnd(30)} ${p.wall.toFixed(2).padStart(6)} s wall ${p.cpu.toFixed(2).padStart(6)} s CPU`),
    `total engine time: ${total.wall.toFixed(2)} s wall (budget 10 s)`,
    `engine CPU time: ${total.cpu.toFixed(2)} s (wall time inflates when other processes share the cores)`,
    `findings: ${findings.length} (${[...byRule].sort().map(([rule, n]) => `${rule} ${n}`).join(', ')}), actions: ${actions.length}, forecasts: ${forecasts.length}, anomalies: ${anomalies.length}`,
    `peak RSS sampled: ${mib(peakRss)} (budget 1.5 GB = 1431 MiB); the process's peak, data generation included: ${mib(process.resourceUsage().maxRSS * 1024)}`,
    '',
  ].join('\n'),
);
