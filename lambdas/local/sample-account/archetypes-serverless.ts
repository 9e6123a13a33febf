import { resource, tagsFor, type BuildContext, type Builder, type TEAMS } from './build-context.js';
import type { Archetype, SampleDetails, Workload } from './model.js';

interface FunctionSpec {
  archetype: Archetype;
  name: string;
  team: (typeof TEAMS)[number];
  env: string;
  service: string;
  memoryMb: number;
  timeoutSec: number;
  architecture: 'x86_64' | 'arm64';
  runtime: string;
  workload: Omit<Workload, 'salt'>;
  details: SampleDetails;
  createdAt: number;
}

/** A Lambda function and its /aws/lambda log group (half of them without a retention policy). */
function lambdaWithLogGroup(context: BuildContext, region: string, spec: FunctionSpec): void {
  const { accountId: account, rand } = context;
  const added = context.add({
    archetype: spec.archetype,
    createdAt: spec.createdAt,
    resource: resource('lambda:function', `arn:aws:lambda:${region}:${account}:function:${spec.name}`, { account, region }, spec.name, tagsFor(spec.team, spec.env, spec.service), {
      memoryMb: spec.memoryMb,
      timeoutSec: spec.timeoutSec,
      architecture: spec.architecture,
      runtime: spec.runtime,
    }),
    workload: spec.workload,
    details: spec.details,
  });
  if (added === undefined) return;
  const logGroup = `/aws/lambda/${spec.name}`;
  const ingestGbPerDay = Math.max(0.001, (spec.workload.level * 86_400 * 400) / 1e9);
  context.add({
    archetype: 'logging',
    createdAt: spec.createdAt,
    resource: resource('logs:log-group', `arn:aws:logs:${region}:${account}:log-group:${logGroup}`, { account, region }, logGroup, tagsFor(spec.team, spec.env, spec.service), {
      ...(rand.chance(0.5) ? {} : { retentionDays: rand.pick([7, 14, 30, 90]) }),
      storedBytes: Math.round(ingestGbPerDay * 1e9 * rand.between(30, 400)),
    }),
    workload: { level: 0, dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: 0, noise: 0 },
    details: { ingestGbPerDay },
  });
}

/**
 * Mobile/web API functions behind API Gateway: steady request rates with a daily cycle, 30–250 ms
 * durations, rare errors. Some are CPU-bound (duration would drop with more memory), some I/O-bound
 * and given far more memory than they use (memory-size candidates).
 */
export const apiFunctions: Builder = (context, region) => {
  const { rand } = context;
  const team = context.team();
  const count = rand.int(3, 5);
  for (let i = 0; i < count && !context.full; i++) {
    const verb = rand.pick(['get-profile', 'list-orders', 'create-order', 'search', 'auth-token', 'push-register', 'feed', 'upload-url']);
    const name = context.uniqueName(`${team.team}-${verb}`);
    const overProvisioned = rand.chance(0.3);
    const boundBy = overProvisioned ? 'io' : rand.pick(['cpu', 'io'] as const);
    lambdaWithLogGroup(context, region, {
      archetype: 'mobile-api',
      name,
      team,
      env: 'prod',
      service: `${team.team}-api`,
      memoryMb: overProvisioned ? rand.pick([2048, 3008]) : rand.pick([256, 512, 1024, 1769]),
      timeoutSec: rand.pick([10, 15, 30]),
      architecture: rand.chance(0.3) ? 'arm64' : 'x86_64',
      runtime: rand.pick(['nodejs20.x', 'nodejs22.x', 'python3.12', 'java21']),
      workload: {
        level: rand.between(2, 40),
        dailyAmplitude: rand.between(0.4, 0.7),
        peakHourUtc: rand.between(13, 20),
        weekendFactor: rand.between(0.8, 1.2),
        growthPerDay: rand.between(0.0005, 0.004),
        noise: 0.1,
      },
      details: { durationMs: rand.between(30, 250), tailFactor: rand.between(2, 4), errorRate: rand.between(0.0005, 0.005), boundBy },
      createdAt: context.daysAgo(rand.int(120, 600)),
    });
  }
};

/**
 * Data pipeline stage functions: spiky batch invocations (hourly, every 6 hours or nightly) of
 * seconds-long, often memory-bound work, with generous timeouts.
 */
export const pipelineFunctions: Builder = (context, region) => {
  const { rand } = context;
  const team = { team: 'data', owner: 'priya.natarajan@example.com' } as const;
  const count = rand.int(2, 3);
  for (let i = 0; i < count && !context.full; i++) {
    const stage = rand.pick(['ingest', 'transform', 'enrich', 'compact', 'export']);
    const name = context.uniqueName(`pipeline-${stage}`);
    const everyHours = rand.pick([1, 6, 24]);
    const memoryBound = rand.chance(0.5);
    lambdaWithLogGroup(context, region, {
      archetype: 'data-pipeline',
      name,
      team,
      env: 'prod',
      service: 'pipeline',
      memoryMb: memoryBound ? rand.pick([2048, 3008]) : rand.pick([1024, 1536, 3008]),
      timeoutSec: 900,
      architecture: rand.chance(0.4) ? 'arm64' : 'x86_64',
      runtime: rand.pick(['python3.12', 'python3.11', 'java21']),
      workload: {
        // Requests per second while a run is active (each lasting seconds: concurrency = rate × duration).
        level: rand.between(0.2, 2),
        dailyAmplitude: 0,
        peakHourUtc: 0,
        weekendFactor: 1,
        growthPerDay: rand.between(0.001, 0.004),
        noise: 0.15,
        batch: { everyHours, startHourUtc: rand.int(0, everyHours === 24 ? 4 : everyHours - 1), durationMinutes: rand.int(10, 40), idleLevel: 0 },
      },
      details: { durationMs: rand.between(1_000, 20_000), tailFactor: rand.between(1.5, 3), errorRate: rand.between(0.001, 0.01), boundBy: memoryBound ? 'memory' : 'cpu' },
      createdAt: context.daysAgo(rand.int(90, 500)),
    });
  }
};
