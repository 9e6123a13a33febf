import { resource, tagsFor, TEAMS, type Builder } from './build-context.js';
import { Random } from './prng.js';

/** On from `startHourUtc` for `hours` hours each day, near idle otherwise, off at weekends (workload.ts `batch`). */
const officeHours = (level: number, startHourUtc: number, hours: number, idleLevel: number) => ({
  level,
  dailyAmplitude: 0,
  peakHourUtc: startHourUtc,
  weekendFactor: 0,
  growthPerDay: 0,
  noise: 0.15,
  batch: { everyHours: 24, startHourUtc, durationMinutes: hours * 60, idleLevel },
});

/**
 * Working-hours non-production resources (schedule/off-hours candidates): a dev EC2 instance with a gp3 root volume,
 * busy 08:00–18:00 UTC on weekdays (CPU 30–45 %) and near idle (~1.5 %) otherwise, and a staging PostgreSQL instance
 * with connections only 07:00–19:00 UTC on weekdays. Draws from its own generator (seeded from the account seed and
 * its call count), builds its own ids and noise salts, so adding it moved no value of the other archetypes.
 */
export const workingHoursResources: Builder = (context, region) => {
  const nth = context.countOf('working-hours');
  const rand = new Random((context.seed * 6_271 + nth * 130_363) >>> 0);
  const team = rand.pick(TEAMS);
  const { accountId: account } = context;
  const where = { account, region };
  const createdAt = context.daysAgo(rand.int(60, 400));
  // Own salts (negative: counter salts are positive), so the noise of the resources built after these is unchanged.
  const salt = (i: number) => -((nth * 4 + i) * 7919 + context.seed);

  const name = context.uniqueName(`${team.team}-dev-workstation`);
  const instanceId = `i-${rand.hex(17)}`;
  const volumeId = `vol-${rand.hex(17)}`;
  const az = `${region}${rand.pick(['a', 'b', 'c'])}`;
  const tags = tagsFor(team, 'dev', `${team.team}-dev`, { Name: name });
  const cpu = officeHours(rand.between(30, 45), 8, 10, 1.5);
  context.add({
    archetype: 'working-hours',
    createdAt,
    resource: resource('ec2:instance', `arn:aws:ec2:${region}:${account}:instance/${instanceId}`, where, name, tags, {
      instanceType: rand.pick(['m5.xlarge', 'm6i.xlarge', 'c6i.2xlarge']),
      state: 'running',
      platform: 'linux',
      launchTime: new Date(createdAt).toISOString(),
      volumeIds: [volumeId],
    }),
    workload: cpu,
    details: { cpuBurst: 1.5, networkBytesPerCpuPct: rand.between(2_000, 8_000), availabilityZone: az },
  }, salt(1));
  const iopsPerCpuPct = 4;
  context.add({
    archetype: 'working-hours',
    createdAt,
    resource: resource('ebs:volume', `arn:aws:ec2:${region}:${account}:volume/${volumeId}`, where, `${name}-root`, { ...tags, Name: `${name}-root` }, {
      volumeType: 'gp3',
      sizeGiB: rand.pick([100, 200]),
      iops: 3000,
      throughputMiBps: 125,
      state: 'in-use',
      attachedInstanceId: instanceId,
      createTime: new Date(createdAt).toISOString(),
    }),
    workload: { ...cpu, level: cpu.level * iopsPerCpuPct, batch: { ...cpu.batch, idleLevel: cpu.batch.idleLevel * iopsPerCpuPct } },
    details: { readShare: rand.between(0.4, 0.8), availabilityZone: az },
  }, salt(2));

  const db = context.uniqueName(`${team.team}-qa-db`);
  context.add({
    archetype: 'working-hours',
    createdAt,
    resource: resource('rds:db-instance', `arn:aws:rds:${region}:${account}:db:${db}`, where, db, tagsFor(team, 'staging', `${team.team}-db`), {
      instanceClass: 'db.m5.large',
      engine: 'postgres',
      storageGiB: rand.pick([50, 100]),
      multiAz: false,
      status: 'available',
      storageType: 'gp3',
    }),
    // Idle CPU 0.2 % keeps DatabaseConnections at 0 (metrics.ts: no connection below 0.5 %).
    workload: officeHours(rand.between(10, 20), 7, 12, 0.2),
    details: { cpuBurst: 1.4 },
  }, salt(3));
};
