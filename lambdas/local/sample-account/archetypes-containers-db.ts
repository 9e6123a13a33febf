import { resource, tagsFor, type BuildContext, type Builder } from './build-context.js';

const workload = (level: number, extra: Partial<{ dailyAmplitude: number; growthPerDay: number; noise: number }> = {}) => ({
  level,
  dailyAmplitude: extra.dailyAmplitude ?? 0.35,
  peakHourUtc: 15,
  weekendFactor: 0.75,
  growthPerDay: extra.growthPerDay ?? 0.002,
  noise: extra.noise ?? 0.08,
});

/**
 * Containers on ECS: a production Fargate web service with tasks sized far above use (2 vCPU / 8 GB at ~10 % CPU
 * and ~20 % memory: task-size and Graviton candidates), a staging Fargate worker on on-demand capacity (a Fargate Spot
 * candidate), and a service on EC2 capacity (inventoried; its instances bill as EC2).
 */
export const containerServices: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const cluster = context.uniqueName(`${team.team}-cluster`);
  const service = (name: string, env: string, config: Record<string, unknown>, level: number, memoryPct: number) => {
    const serviceName = context.uniqueName(name);
    const family = serviceName;
    context.add({
      archetype: 'container-service',
      createdAt: context.daysAgo(rand.int(60, 600)),
      resource: resource('ecs:service', `arn:aws:ecs:${region}:${account}:service/${cluster}/${serviceName}`, { account, region }, serviceName, tagsFor(team, env, serviceName), {
        clusterName: cluster,
        serviceName,
        status: 'ACTIVE',
        schedulingStrategy: 'REPLICA',
        taskDefinitionArn: `arn:aws:ecs:${region}:${account}:task-definition/${family}:${rand.int(3, 40)}`,
        cpuArchitecture: 'X86_64',
        operatingSystemFamily: 'LINUX',
        capacityProviders: [],
        containerCpuUnits: 0,
        containerMemoryMiB: 0,
        ...config,
      }),
      workload: workload(level),
      details: { cpuBurst: 1.5, memoryPct },
    });
  };
  const desired = rand.int(3, 8);
  service(`${team.team}-web`, 'prod', { launchType: 'FARGATE', desiredCount: desired, runningCount: desired, taskCpuUnits: 2048, taskMemoryMiB: 8192 }, rand.between(6, 12), rand.between(15, 25));
  service(`${team.team}-worker`, 'staging', { launchType: 'FARGATE', desiredCount: 2, runningCount: 2, taskCpuUnits: 1024, taskMemoryMiB: 2048 }, rand.between(30, 50), rand.between(55, 70));
  service(`${team.team}-batch`, 'prod', { launchType: 'EC2', desiredCount: 2, runningCount: 2 }, rand.between(20, 40), rand.between(30, 50));
};

/**
 * Relational databases: a production PostgreSQL instance on a large memory-optimised class it barely uses
 * (rightsizing), its read replica nobody reads (idle replica), a Multi-AZ MySQL instance tagged staging, and an io1
 * instance with IOPS provisioned far above what it does (gp3 candidate).
 */
export const relationalDatabases: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const db = (name: string, env: string, config: Record<string, unknown>, level: number, details: Record<string, number> = {}) => {
    const id = context.uniqueName(name);
    context.add({
      archetype: 'relational-database',
      createdAt: context.daysAgo(rand.int(200, 900)),
      resource: resource('rds:db-instance', `arn:aws:rds:${region}:${account}:db:${id}`, { account, region }, id, tagsFor(team, env, `${team.team}-db`), { status: 'available', multiAz: false, storageType: 'gp3', ...config }),
      workload: workload(level),
      details: { cpuBurst: 1.4, ...details },
    });
    return id;
  };
  const primary = db(`${team.team}-orders-db`, 'prod', { instanceClass: 'db.r5.2xlarge', engine: 'postgres', storageGiB: 500, multiAz: true }, rand.between(5, 9), { memoryUsedShare: 0.12 });
  db(`${primary}-replica`, 'prod', { instanceClass: 'db.r5.xlarge', engine: 'postgres', storageGiB: 500, readReplicaSource: primary }, 0.2);
  db(`${team.team}-staging-db`, 'staging', { instanceClass: 'db.m5.xlarge', engine: 'mysql', storageGiB: 200, multiAz: true }, rand.between(15, 30));
  db(`${team.team}-ledger-db`, 'prod', { instanceClass: 'db.m5.xlarge', engine: 'postgres', storageGiB: 600, storageType: 'io1', iops: 12000 }, rand.between(20, 35), { iopsPerCpuPct: 40 });
};

/**
 * Caches: a Redis OSS replication group of two node groups members on cache.r5.xlarge holding ~18 % of their memory
 * (node rightsizing to Graviton), a Memcached cluster no client connects to (idle), and a busy Valkey cluster that is
 * well sized (nothing to do).
 */
export const cacheClusters: Builder = (context: BuildContext, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const cache = (id: string, env: string, config: Record<string, unknown>, level: number, memoryPct: number) =>
    context.add({
      archetype: 'cache-cluster',
      createdAt: context.daysAgo(rand.int(100, 900)),
      resource: resource('elasticache:cluster', `arn:aws:elasticache:${region}:${account}:cluster:${id}`, { account, region }, id, tagsFor(team, env, `${team.team}-cache`), { status: 'available', numNodes: 1, ...config }),
      workload: workload(level, { dailyAmplitude: 0.4 }),
      details: { memoryPct },
    });
  const group = context.uniqueName(`${team.team}-sessions`);
  const memory = rand.between(14, 20);
  for (const member of ['001', '002']) cache(`${group}-${member}`, 'prod', { engine: 'redis', engineVersion: '7.1.0', nodeType: 'cache.r5.xlarge', replicationGroupId: group }, rand.between(4, 8), memory);
  cache(context.uniqueName(`${team.team}-page-cache`), 'staging', { engine: 'memcached', engineVersion: '1.6.22', nodeType: 'cache.m5.large', numNodes: 2 }, 0, 1);
  cache(context.uniqueName(`${team.team}-leaderboard`), 'prod', { engine: 'valkey', engineVersion: '8.0.1', nodeType: 'cache.r7g.large' }, rand.between(25, 40), rand.between(65, 75));
};
