import { resource, tagsFor, TEAMS, type BuildContext, type Builder } from './build-context.js';
import { Random } from './prng.js';

const FLAT = { dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: 0, noise: 0 } as const;

/**
 * A team's data platform, built in two halves on alternate calls: a raw-events S3 bucket (versioned, no lifecycle rules, incomplete multipart uploads left by
 * a crashed uploader, request metrics on, read a little), a well-kept exports bucket (abort, Intelligent-Tiering and
 * noncurrent-version rules: nothing to find), a provisioned Kinesis stream (every other one far above its write
 * throughput), SQS queues (one short-polling, one long-polling) and Step Functions state machines (a short,
 * high-volume Standard workflow, and one that waits on a Glue job with `.sync`, which Express cannot run).
 * Draws from its own generator (seeded from the account seed and its call count), so adding it moved no value of
 * the other archetypes.
 */
export const storageAndPipelines: Builder = (context, region) => {
  const nth = context.countOf('storage-data');
  const rand = new Random((context.seed * 7919 + nth * 104_729) >>> 0);
  const team = rand.pick(TEAMS);
  const { accountId: account } = context;
  const where = { account, region };
  const add = (spec: Parameters<BuildContext['add']>[0]) => context.add(spec);

  // Odd calls build the storage half (buckets, stream), even calls the pipeline half (queues, state machines).
  if (nth % 2 === 0) {
    pipelines(context, region, rand, team);
    return;
  }
  const raw = context.uniqueName(`${team.team}-raw-events-${account}`);
  add({
    archetype: 'storage',
    createdAt: context.daysAgo(rand.int(200, 1200)),
    resource: resource('s3:bucket', `arn:aws:s3:::${raw}`, where, raw, tagsFor(team, 'prod', `${team.team}-data`), {
      versioning: 'Enabled',
      lifecycleRules: [],
      requestMetricsFilterId: 'EntireBucket',
      staleMultipartUploads: rand.int(3, 40),
    }),
    // MB/s read: a trickle against terabytes stored.
    workload: { ...FLAT, level: rand.between(0.05, 0.6), growthPerDay: rand.between(0.001, 0.004) },
    details: { sizeGb: rand.between(2000, 9000) },
  });

  const exportsBucket = context.uniqueName(`${team.team}-exports-${account}`);
  add({
    archetype: 'storage',
    createdAt: context.daysAgo(rand.int(200, 1200)),
    resource: resource('s3:bucket', `arn:aws:s3:::${exportsBucket}`, where, exportsBucket, tagsFor(team, 'prod', `${team.team}-data`), {
      versioning: 'Enabled',
      lifecycleRules: [
        { id: 'abort-uploads', enabled: true, prefix: '', abortIncompleteMultipartUploadDays: 7, transitions: [] },
        { id: 'tiering', enabled: true, prefix: '', noncurrentVersionExpirationDays: 30, transitions: [{ days: 0, storageClass: 'INTELLIGENT_TIERING' }] },
      ],
    }),
    workload: { ...FLAT, level: 0, growthPerDay: 0.002 },
    details: { sizeGb: rand.between(100, 800) },
  });

  // Every other stream far above its write throughput.
  const oversized = nth % 4 === 1;
  const stream = context.uniqueName(`${team.team}-clickstream`);
  const shards = oversized ? rand.pick([8, 12, 16, 24]) : 4;
  add({
    archetype: 'data-pipeline',
    createdAt: context.daysAgo(rand.int(90, 800)),
    resource: resource('kinesis:stream', `arn:aws:kinesis:${region}:${account}:stream/${stream}`, where, stream, tagsFor(team, 'prod', `${team.team}-data`), {
      streamMode: 'PROVISIONED',
      openShardCount: shards,
      status: 'ACTIVE',
      retentionHours: 24,
      consumerCount: 0,
    }),
    // MB/s written: 3–15 % of the shards' write limit when oversized, 55–70 % otherwise.
    workload: { level: shards * (oversized ? rand.between(0.03, 0.15) : rand.between(0.55, 0.7)), dailyAmplitude: 0.3, peakHourUtc: 15, weekendFactor: 0.8, growthPerDay: 0, noise: 0.05 },
    details: {},
  });
};

function pipelines(context: BuildContext, region: string, rand: Random, team: (typeof TEAMS)[number]): void {
  const { accountId: account } = context;
  const where = { account, region };
  const add = (spec: Parameters<BuildContext['add']>[0]) => context.add(spec);
  for (const longPolling of [false, true]) {
    const queue = context.uniqueName(`${team.team}-${longPolling ? 'events' : 'jobs'}-queue`);
    add({
      archetype: 'data-pipeline',
      createdAt: context.daysAgo(rand.int(90, 800)),
      resource: resource('sqs:queue', `arn:aws:sqs:${region}:${account}:${queue}`, where, queue, tagsFor(team, 'prod', `${team.team}-workers`), {
        queueUrl: `https://sqs.${region}.amazonaws.com/${account}/${queue}`,
        receiveWaitTimeSeconds: longPolling ? 20 : 0,
        fifo: false,
      }),
      // Messages per second.
      workload: { level: rand.between(0.05, 0.5), dailyAmplitude: 0.5, peakHourUtc: 14, weekendFactor: 0.6, growthPerDay: 0, noise: 0.1 },
      details: {},
    });
  }

  for (const blocked of [false, true]) {
    const machine = context.uniqueName(`${team.team}-${blocked ? 'nightly-etl' : 'order-events'}`);
    add({
      archetype: 'data-pipeline',
      createdAt: context.daysAgo(rand.int(90, 800)),
      resource: resource('states:state-machine', `arn:aws:states:${region}:${account}:stateMachine:${machine}`, where, machine, tagsFor(team, 'prod', `${team.team}-workflows`), {
        workflowType: 'STANDARD',
        expressBlockers: blocked ? ['sync-integration'] : [],
        stateCount: blocked ? 3 : 2,
      }),
      // Executions per second: a busy event handler, or a few ETL runs.
      workload: { level: blocked ? 0.01 : rand.between(1, 6), dailyAmplitude: 0.4, peakHourUtc: 16, weekendFactor: 0.8, growthPerDay: 0, noise: 0.1 },
      details: { durationMs: blocked ? 600_000 : rand.between(300, 3000) },
    });
  }
}
