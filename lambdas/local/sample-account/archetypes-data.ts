import { rdsHourlyUsd } from './catalogue.js';
import { resource, tagsFor, type Builder } from './build-context.js';

/**
 * A database: alternately an RDS instance (one in five idle: no connections for weeks) or a DynamoDB
 * table, either provisioned far above its consumed capacity (capacity-mode candidate), sometimes
 * without autoscaling, or on-demand.
 */
export const database: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  if (rand.chance(0.5)) {
    const name = context.uniqueName(`${team.team}-db`);
    const idle = rand.chance(0.2);
    const instanceClass = rand.pick(Object.keys(rdsHourlyUsd));
    context.add({
      archetype: 'database',
      createdAt: context.daysAgo(rand.int(200, 1200)),
      resource: resource('rds:db-instance', `arn:aws:rds:${region}:${account}:db:${name}`, { account, region }, name, tagsFor(team, idle ? 'staging' : 'prod', `${team.team}-db`, { workload: idle ? 'idle' : 'oltp' }), {
        instanceClass,
        engine: rand.pick(['postgres', 'mysql', 'aurora-postgresql']),
        storageGiB: rand.pick([100, 200, 500, 1000]),
        multiAz: !idle && rand.chance(0.6),
        status: 'available',
      }),
      workload: { level: idle ? 0.2 : rand.between(15, 45), dailyAmplitude: 0.4, peakHourUtc: 16, weekendFactor: 0.7, growthPerDay: 0.003, noise: 0.08 },
      details: { cpuBurst: 1.4 },
    });
    return;
  }
  const name = context.uniqueName(`${team.team}-table`);
  const provisioned = rand.chance(0.6);
  const rcu = rand.pick([100, 500, 1000, 2000]);
  context.add({
    archetype: 'database',
    createdAt: context.daysAgo(rand.int(200, 1200)),
    resource: resource('dynamodb:table', `arn:aws:dynamodb:${region}:${account}:table/${name}`, { account, region }, name, tagsFor(team, 'prod', `${team.team}-api`), {
      billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
      ...(provisioned ? { readCapacityUnits: rcu, writeCapacityUnits: rcu / 4, autoScaling: rand.chance(0.4) } : { autoScaling: false }),
      sizeBytes: Math.round(rand.between(1, 200) * 1e9),
    }),
    // Consumed read units per second: 5–30 % of provisioned, or 5–200 on demand.
    workload: { level: provisioned ? rcu * rand.between(0.05, 0.3) : rand.between(5, 200), dailyAmplitude: 0.5, peakHourUtc: 17, weekendFactor: 0.8, growthPerDay: 0.004, noise: 0.1 },
    details: {},
  });
};

/**
 * Storage left behind: two unattached EBS volumes (mostly gp2, some gp3 or io1 with provisioned
 * IOPS, months old) and one S3 bucket.
 */
export const orphanStorage: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  for (let i = 0; i < 2 && !context.full; i++) {
    const id = context.ec2Id('vol');
    const volumeType = rand.pick(['gp2', 'gp2', 'gp2', 'gp3', 'io1'] as const);
    const sizeGiB = rand.pick([20, 100, 250, 500, 1000]);
    const createdAt = context.daysAgo(rand.int(60, 700));
    const name = context.uniqueName(`${team.team}-detached-data`);
    context.add({
      archetype: 'storage',
      createdAt,
      resource: resource('ebs:volume', `arn:aws:ec2:${region}:${account}:volume/${id}`, { account, region }, name, { Name: name, ...tagsFor(team, rand.pick(['dev', 'staging', 'prod']), `${team.team}-storage`) }, {
        volumeType,
        sizeGiB,
        ...(volumeType === 'gp2' ? { iops: Math.min(16000, Math.max(100, sizeGiB * 3)) } : {}),
        ...(volumeType === 'gp3' ? { iops: 3000, throughputMiBps: 125 } : {}),
        ...(volumeType === 'io1' ? { iops: rand.pick([1000, 3000, 5000]) } : {}),
        state: 'available',
        createTime: new Date(createdAt).toISOString(),
      }),
      workload: { level: 0, dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: 0, noise: 0 },
      details: { availabilityZone: `${region}${rand.pick(['a', 'b', 'c'])}` },
    });
  }
  const bucket = context.uniqueName(`${team.team}-${rand.pick(['assets', 'exports', 'backups', 'raw-events'])}-${account}`);
  context.add({
    archetype: 'storage',
    createdAt: context.daysAgo(rand.int(300, 1500)),
    resource: resource('s3:bucket', `arn:aws:s3:::${bucket}`, { account, region }, bucket, tagsFor(team, 'prod', `${team.team}-storage`), { storageClass: 'STANDARD' }),
    workload: { level: 0, dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: rand.between(0.001, 0.006), noise: 0 },
    details: { sizeGb: rand.between(50, 5000) },
  });
};
