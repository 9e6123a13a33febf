import { resource, tagsFor, type BuildContext, type Builder } from './build-context.js';
import type { Archetype, SampleResource, Workload } from './model.js';

/** An EC2 instance plus its root EBS volume (if there is still room for it). */
function instanceWithVolume(
  context: BuildContext,
  region: string,
  spec: {
    archetype: Archetype;
    name: string;
    instanceType: string;
    tags: Record<string, string>;
    workload: Omit<Workload, 'salt'>;
    cpuBurst: number;
    networkBytesPerCpuPct: number;
    createdAt: number;
    stoppedAt?: number;
    volume: { type: 'gp2' | 'gp3' | 'io1'; sizeGiB: number; iops?: number; iopsPerCpuPct: number };
  },
): SampleResource | undefined {
  const { rand, accountId: account } = context;
  const instanceId = context.ec2Id('i');
  const volumeId = context.ec2Id('vol');
  const az = `${region}${rand.pick(['a', 'b', 'c'])}`;
  const hasVolume = context.out.length + 2 <= context.capacity;
  const instance = context.add({
    archetype: spec.archetype,
    createdAt: spec.createdAt,
    resource: resource('ec2:instance', `arn:aws:ec2:${region}:${account}:instance/${instanceId}`, { account, region }, spec.name, { Name: spec.name, ...spec.tags }, {
      instanceType: spec.instanceType,
      state: spec.stoppedAt === undefined ? 'running' : 'stopped',
      platform: 'linux',
      launchTime: new Date(spec.createdAt).toISOString(),
      ...(spec.tags['aws:autoscaling:groupName'] ? { autoScalingGroup: spec.tags['aws:autoscaling:groupName'] } : {}),
      volumeIds: hasVolume ? [volumeId] : [],
    }),
    workload: spec.workload,
    details: { cpuBurst: spec.cpuBurst, networkBytesPerCpuPct: spec.networkBytesPerCpuPct, stoppedAt: spec.stoppedAt, availabilityZone: az },
  });
  if (instance === undefined || !hasVolume) return instance;
  context.add({
    archetype: spec.archetype,
    createdAt: spec.createdAt,
    resource: resource('ebs:volume', `arn:aws:ec2:${region}:${account}:volume/${volumeId}`, { account, region }, `${spec.name}-root`, { Name: `${spec.name}-root`, ...spec.tags }, {
      volumeType: spec.volume.type,
      sizeGiB: spec.volume.sizeGiB,
      ...(spec.volume.type === 'gp2' ? { iops: Math.min(16000, Math.max(100, spec.volume.sizeGiB * 3)) } : {}),
      ...(spec.volume.type === 'gp3' ? { iops: 3000, throughputMiBps: 125 } : {}),
      ...(spec.volume.iops !== undefined ? { iops: spec.volume.iops } : {}),
      state: 'in-use',
      attachedInstanceId: instanceId,
      createTime: new Date(spec.createdAt).toISOString(),
    }),
    workload: { ...spec.workload, level: spec.workload.level * spec.volume.iopsPerCpuPct, batch: spec.workload.batch && { ...spec.workload.batch, idleLevel: spec.workload.batch.idleLevel * spec.volume.iopsPerCpuPct } },
    details: { readShare: context.rand.between(0.4, 0.8), stoppedAt: spec.stoppedAt, availabilityZone: az },
  });
  return instance;
}

/**
 * Web or mobile API tier: an Auto Scaling fleet of 3–5 identical instances with a daily cycle peaking
 * in the afternoon (UTC), quieter weekends (web) or busier ones (mobile), steady growth. About a third
 * of fleets are oversized (CPU peaks near 15 %): rightsizing candidates.
 */
export function apiFleet(archetype: 'web-api' | 'mobile-api'): Builder {
  return (context, region) => {
    const { rand } = context;
    const team = context.team();
    const service = context.uniqueName(`${team.team}-${archetype === 'web-api' ? 'web' : 'mobile-api'}`);
    const instanceType = rand.pick(['m5.xlarge', 'c6i.2xlarge', 'm6i.xlarge', 'm7g.large', 'c6i.xlarge', 'm5.2xlarge']);
    const oversized = rand.chance(0.35);
    const workload = {
      level: oversized ? rand.between(4, 8) : rand.between(22, 42),
      dailyAmplitude: rand.between(0.4, 0.65),
      peakHourUtc: rand.between(14, 19),
      weekendFactor: archetype === 'web-api' ? rand.between(0.55, 0.75) : rand.between(1.05, 1.25),
      growthPerDay: rand.between(0.001, 0.005),
      noise: rand.between(0.06, 0.12),
    };
    const createdAt = context.daysAgo(rand.int(100, 500));
    const size = rand.int(3, 5);
    for (let i = 1; i <= size && !context.full; i++) {
      instanceWithVolume(context, region, {
        archetype,
        name: `${service}-${i}`,
        instanceType,
        tags: tagsFor(team, 'prod', service, { 'aws:autoscaling:groupName': `${service}-asg`, workload: oversized ? 'oversized' : 'cpu-bound' }),
        workload,
        cpuBurst: rand.between(1.25, 1.6),
        networkBytesPerCpuPct: rand.between(30_000, 90_000),
        createdAt,
        volume: { type: 'gp2', sizeGiB: rand.pick([30, 50, 100]), iopsPerCpuPct: rand.between(1, 4) },
      });
    }
  };
}

/** Nightly batch worker: CPU-bound runs near 90 % for 1–3 hours a night, ~3 % the rest of the day. */
export const batchWorker: Builder = (context, region) => {
  const { rand } = context;
  const team = { team: 'data', owner: 'priya.natarajan@example.com' } as const;
  const name = context.uniqueName('etl-worker');
  const level = rand.between(80, 92);
  instanceWithVolume(context, region, {
    archetype: 'batch-worker',
    name,
    instanceType: rand.pick(['c5.4xlarge', 'c6i.2xlarge', 'c7g.xlarge']),
    tags: tagsFor(team, 'prod', 'etl', { workload: 'batch' }),
    workload: {
      level,
      dailyAmplitude: 0,
      peakHourUtc: 0,
      weekendFactor: 1,
      growthPerDay: rand.between(0, 0.004),
      noise: 0.05,
      batch: { everyHours: 24, startHourUtc: rand.int(0, 3), durationMinutes: rand.int(60, 180), idleLevel: rand.between(2, 4) },
    },
    cpuBurst: 1.1,
    networkBytesPerCpuPct: rand.between(50_000, 150_000),
    createdAt: context.daysAgo(rand.int(60, 700)),
    volume: withProvisionedIops({ type: rand.pick(['gp2', 'io1'] as const), sizeGiB: 500, iopsPerCpuPct: rand.between(20, 40) }),
  });
};

/** An io1 volume always has provisioned IOPS (snapshot validation rejects one without): 3,000, gp3's baseline, for the batch tier's root. */
function withProvisionedIops<V extends { type: 'gp2' | 'io1' }>(volume: V): V & { iops?: number } {
  return volume.type === 'io1' ? { ...volume, iops: 3000 } : volume;
}

/** Memory-bound cache/JVM tier on memory-optimised instances: CPU flat at 6–12 %, heavy network. */
export const memoryBoundCache: Builder = (context, region) => {
  const { rand } = context;
  const team = context.team();
  const name = context.uniqueName(`${team.team}-cache`);
  instanceWithVolume(context, region, {
    archetype: 'cache',
    name,
    instanceType: rand.pick(['r6g.xlarge', 'r5.2xlarge', 'r6g.large']),
    tags: tagsFor(team, 'prod', `${team.team}-cache`, { workload: 'memory-bound' }),
    workload: { level: rand.between(6, 12), dailyAmplitude: 0.15, peakHourUtc: 16, weekendFactor: 0.9, growthPerDay: 0.001, noise: 0.05 },
    cpuBurst: 1.2,
    networkBytesPerCpuPct: rand.between(200_000, 500_000),
    createdAt: context.daysAgo(rand.int(200, 800)),
    volume: { type: 'gp3', sizeGiB: 100, iopsPerCpuPct: 2 },
  });
};

/**
 * Forgotten dev/test instance: CPU 1–4 %, almost no network (Trusted Advisor's idle definition).
 * One in five (and the second one) was stopped a month or two ago but still pays for its volume.
 */
export const idleDevInstance: Builder = (context, region) => {
  const { rand } = context;
  const team = context.team();
  const name = context.uniqueName(`${team.team}-dev-box`);
  // One in five, and always the account's second box, so every account of ordinary size has a stopped one.
  const nth = context.countOf('idle-dev-box');
  const stopped = rand.chance(0.2) || nth === 2;
  instanceWithVolume(context, region, {
    archetype: 'idle-dev',
    name,
    instanceType: rand.pick(['t3.medium', 'm5.large', 't3.large', 'm5.xlarge']),
    tags: tagsFor(team, 'dev', `${team.team}-sandbox`, { workload: 'idle' }),
    workload: { level: rand.between(1, 4), dailyAmplitude: 0.1, peakHourUtc: 12, weekendFactor: 1, growthPerDay: 0, noise: 0.3 },
    cpuBurst: 2,
    // ~2 MB a day in and out at 2.5 % CPU: under Trusted Advisor's 5 MB idle threshold.
    networkBytesPerCpuPct: rand.between(3, 10),
    createdAt: context.daysAgo(rand.int(120, 900)),
    stoppedAt: stopped ? context.daysAgo(rand.int(30, 60)) : undefined,
    volume: { type: 'gp2', sizeGiB: rand.pick([30, 50, 100]), iopsPerCpuPct: 0.5 },
  });
};

