import { z } from 'zod';
import { apiFleet, batchWorker, idleDevInstance, memoryBoundCache } from './archetypes-compute.js';
import { database, orphanStorage } from './archetypes-data.js';
import { backups, loadBalancer, networkEdge } from './archetypes-network.js';
import { apiFunctions, pipelineFunctions } from './archetypes-serverless.js';
import { storageAndPipelines } from './archetypes-storage-data.js';
import { cacheClusters, containerServices, relationalDatabases } from './archetypes-containers-db.js';
import { workingHoursResources } from './archetypes-schedule.js';
import { apiGateways } from './archetypes-web.js';
import { BuildContext, type Builder } from './build-context.js';
import { sampleCostForecast, sampleDailyCosts, sampleExistingSavingsPlan, SERVICES } from './costs.js';
import type { Incident, SampleAccount, SampleResource } from './model.js';
import { sampleComputeOptimizer } from './recommendations.js';
import { inBatchWindow } from './workload.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** 2026-11-29T00:00:00Z: the sample account's default "now", so the demo is reproducible. */
export const DEFAULT_SAMPLE_NOW = Date.UTC(2026, 10, 29);
export const SAMPLE_ACCOUNT_ID = '123456789012';
export const PRIMARY_REGION = 'us-east-1';
/** A second region with a few resources, where Compute Optimizer is not opted in. */
export const SECONDARY_REGION = 'eu-west-1';

export const GenerateOptionsSchema = z.object({
  resources: z.number().int('resources must be a whole number').min(1, 'resources must be at least 1').max(100_000, 'resources must be at most 100,000').default(200),
  seed: z.number().int('seed must be a whole number').default(42),
  now: z.number().int().positive().default(DEFAULT_SAMPLE_NOW),
  accountId: z.string().regex(/^\d{12}$/, 'accountId must be a 12-digit AWS account id').default(SAMPLE_ACCOUNT_ID),
});
export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;

/**
 * One cycle of archetypes; cycles repeat until the requested number of resources exists (the last
 * resource may cut a cycle short). Every archetype appears in the first cycle (~55 resources).
 * The second cycle's API tier lives in the second region.
 */
const CYCLE: { build: Builder; secondRegionInCycle?: number }[] = [
  { build: apiFleet('web-api') },
  { build: apiFunctions, secondRegionInCycle: 1 },
  { build: pipelineFunctions },
  { build: batchWorker },
  { build: memoryBoundCache },
  { build: idleDevInstance },
  { build: database },
  { build: orphanStorage },
  { build: loadBalancer },
  { build: apiFleet('mobile-api'), secondRegionInCycle: 1 },
  { build: idleDevInstance },
  { build: database },
  { build: networkEdge },
  { build: backups },
  { build: storageAndPipelines },
  { build: containerServices },
  { build: relationalDatabases },
  { build: cacheClusters },
  { build: workingHoursResources },
  { build: apiGateways },
];

/**
 * A deterministic synthetic AWS account (same options, same account, byte for byte): web and mobile
 * API fleets with daily and weekly seasonality and growth, oversized fleets, spiky data pipelines and
 * nightly batch workers, memory-bound caches, idle dev boxes, RDS and DynamoDB, unattached gp2
 * volumes, S3, log groups without retention, application and network load balancers, busy and idle NAT
 * gateways with their Elastic IPs and some unassociated ones, EBS snapshots (fresh, backing AMIs, and
 * outliving their deleted volumes), a dev instance and a staging database used only in working hours; incidents at known times; 90 days of
 * daily cost by service; Compute Optimizer findings. Metric values are not stored: metrics.ts computes
 * any datapoint on demand from each resource's workload parameters.
 */
export function generateSampleAccount(options: GenerateOptions = {}): SampleAccount {
  const parsed = GenerateOptionsSchema.safeParse(options);
  if (!parsed.success) throw new RangeError(`invalid sample account options: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const { resources: count, seed, now, accountId } = parsed.data;
  const context = new BuildContext(seed, accountId, now, count);
  for (let cycle = 0; !context.full; cycle++) {
    for (const step of CYCLE) {
      if (context.full) break;
      step.build(context, step.secondRegionInCycle === cycle ? SECONDARY_REGION : PRIMARY_REGION);
    }
  }
  const resources = context.out;
  const incidents = injectIncidents(resources, now);
  const costs = sampleDailyCosts({ accountId, now, seed, resources, incidents });
  const regions = [...new Set(resources.map((r) => r.resource.region))].sort((a, b) => (a === PRIMARY_REGION ? -1 : b === PRIMARY_REGION ? 1 : a.localeCompare(b)));
  return {
    accountId,
    regions,
    seed,
    now,
    resources,
    costs,
    costForecast: sampleCostForecast(costs, now),
    computeOptimizer: sampleComputeOptimizer(resources, [PRIMARY_REGION], now),
    incidents,
    existingSavingsPlan: sampleExistingSavingsPlan(costs),
  };
}

/**
 * Incidents at known times, so detectors and the demo have something true to find:
 * CPU saturation on a web instance (3 days ago, 14:00–16:00 UTC), an error burst on an API function
 * (5 days ago, 09:30–10:15), a latency spike in a pipeline run (8 days ago, during its batch window),
 * and a runaway pipeline that quadrupled the Lambda bill for a day (20 days ago).
 */
function injectIncidents(resources: SampleResource[], now: number): Incident[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const incidents: Incident[] = [];
  const web = resources.find((s) => s.archetype === 'web-api' && s.resource.type === 'ec2:instance' && s.resource.tags.workload === 'cpu-bound');
  if (web) {
    const start = today - 3 * DAY_MS + 14 * HOUR_MS;
    incidents.push({ id: 'cpu-saturation-1', kind: 'cpu-saturation', resourceArn: web.resource.arn, start, end: start + 2 * HOUR_MS, description: `CPU saturated at ~98 % on ${web.resource.name} for two hours` });
  }
  const api = resources.find((s) => s.archetype === 'mobile-api' && s.resource.type === 'lambda:function');
  if (api) {
    const start = today - 5 * DAY_MS + 9.5 * HOUR_MS;
    incidents.push({ id: 'error-burst-1', kind: 'error-burst', resourceArn: api.resource.arn, start, end: start + 45 * 60_000, description: `30 % errors and throttling on ${api.resource.name} for 45 minutes` });
  }
  const pipeline = resources.find((s) => s.archetype === 'data-pipeline' && s.resource.type === 'lambda:function' && s.workload.batch !== undefined);
  if (pipeline?.workload.batch) {
    // Start at the first batch window after 8 days ago so the slow runs actually have invocations.
    let start = today - 8 * DAY_MS;
    while (!inBatchWindow(pipeline.workload.batch, start)) start += 300_000;
    incidents.push({ id: 'latency-spike-1', kind: 'latency-spike', resourceArn: pipeline.resource.arn, start, end: start + pipeline.workload.batch.durationMinutes * 60_000, description: `durations ×4 on ${pipeline.resource.name} during one run` });
  }
  // Inside the 14 days cost anomalies are reported for, so the demo shows one with its $ impact and contributors.
  const costDay = today - 6 * DAY_MS;
  incidents.push({ id: 'cost-spike-1', kind: 'cost-spike', service: SERVICES.lambda, costFactor: 4, start: costDay, end: costDay + DAY_MS, description: 'a runaway pipeline retry loop quadrupled the Lambda bill for one day' });
  return incidents;
}
