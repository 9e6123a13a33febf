import { describe, expect, it } from 'vitest';
import { bundledRdsHourlyUsd } from '../../../lambdas/engine/pricing/rds-prices.js';
import { configSchemaByType, DailyCostSchema, ResourceSchema } from '../../../lambdas/engine/types/snapshot.js';
import { ec2Catalogue, rdsHourlyUsd } from '../../../lambdas/local/sample-account/catalogue.js';
import { DEFAULT_SAMPLE_NOW, generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { metricValue, type MetricContext } from '../../../lambdas/local/sample-account/metrics.js';
import type { SampleAccount } from '../../../lambdas/local/sample-account/model.js';
import { summariseSampleAccount } from '../../../lambdas/local/sample-account/summary.js';

const account = generateSampleAccount();
const contextOf = (a: SampleAccount): MetricContext => ({
  seed: a.seed,
  now: a.now,
  incidentsByArn: new Map(a.incidents.filter((i) => i.resourceArn).map((i) => [i.resourceArn as string, [i]])),
});

describe('generateSampleAccount', () => {
  it('builds 200 resources by default, and exactly N with --resources N', () => {
    expect(account.resources).toHaveLength(200);
    expect(generateSampleAccount({ resources: 37 }).resources).toHaveLength(37);
    expect(generateSampleAccount({ resources: 1000 }).resources).toHaveLength(1000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSampleAccount({ seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(account));
    const other = generateSampleAccount({ seed: 7 });
    expect(other.resources.map((r) => r.resource.arn)).not.toEqual(account.resources.map((r) => r.resource.arn));
  });

  it('rejects invalid options with a clear message', () => {
    expect(() => generateSampleAccount({ resources: 0 })).toThrow(/resources must be at least 1/);
    expect(() => generateSampleAccount({ seed: 1.5 })).toThrow(/seed must be a whole number/);
  });

  it('covers the archetypes of SPEC §1 and §3', () => {
    const archetypes = new Set(account.resources.map((r) => r.archetype));
    for (const a of ['web-api', 'mobile-api', 'data-pipeline', 'batch-worker', 'cache', 'idle-dev', 'database', 'storage', 'load-balancer', 'logging']) expect(archetypes).toContain(a);
    const types = new Set(account.resources.map((r) => r.resource.type));
    for (const t of ['ec2:instance', 'ebs:volume', 'lambda:function', 'rds:db-instance', 'dynamodb:table', 's3:bucket', 'logs:log-group', 'elb:load-balancer']) expect(types).toContain(t);
    const ec2 = account.resources.filter((r) => r.resource.type === 'ec2:instance');
    expect(ec2.some((r) => r.resource.tags.workload === 'oversized')).toBe(true);
    expect(ec2.some((r) => r.resource.tags.workload === 'memory-bound')).toBe(true);
    expect(ec2.some((r) => r.resource.config.state === 'stopped')).toBe(true);
    const volumes = account.resources.filter((r) => r.resource.type === 'ebs:volume');
    expect(volumes.filter((r) => r.resource.config.state === 'available').length).toBeGreaterThanOrEqual(5);
    expect(volumes.filter((r) => r.resource.config.volumeType === 'gp2').length).toBeGreaterThan(volumes.length / 2);
    expect(account.resources.some((r) => r.workload.batch !== undefined)).toBe(true);
    expect(account.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('produces resources valid against the snapshot schema, with real instance types and typed config', () => {
    for (const { resource } of account.resources) {
      expect(() => ResourceSchema.parse(resource)).not.toThrow();
      const schema = configSchemaByType[resource.type as keyof typeof configSchemaByType];
      if (schema) expect(() => schema.parse(resource.config), resource.arn).not.toThrow();
      if (resource.type === 'ec2:instance') expect(ec2Catalogue).toHaveProperty([String(resource.config.instanceType)]);
      // A real class: in the sample's price list, or (the containers-db archetypes) priced by the engine's bundled table.
      if (resource.type === 'rds:db-instance') {
        const instanceClass = String(resource.config.instanceClass);
        expect(rdsHourlyUsd[instanceClass] ?? bundledRdsHourlyUsd(instanceClass, String(resource.config.engine), false), instanceClass).toBeDefined();
      }
      if (resource.type === 'lambda:function') {
        expect(Number(resource.config.memoryMb)).toBeGreaterThanOrEqual(128);
        expect(Number(resource.config.memoryMb)).toBeLessThanOrEqual(3008);
      }
    }
    const tagged = account.resources.filter((r) => ['team', 'env', 'service', 'owner'].every((k) => k in r.resource.tags));
    expect(tagged.length).toBe(account.resources.length);
    expect(new Set(account.resources.map((r) => r.resource.arn)).size).toBe(account.resources.length);
  });

  it('has 90 complete days of daily cost by service, weekly seasonality in EC2 and the injected cost spike', () => {
    const dates = [...new Set(account.costs.map((c) => c.date))].sort();
    expect(dates).toHaveLength(90);
    expect(dates[0]).toBe('2026-08-31');
    expect(dates.at(-1)).toBe('2026-11-28');
    for (const cost of account.costs) DailyCostSchema.parse(cost);
    const services = new Set(account.costs.map((c) => c.service));
    for (const s of ['Amazon Elastic Compute Cloud - Compute', 'EC2 - Other', 'AWS Lambda', 'Amazon Relational Database Service', 'Amazon DynamoDB', 'Amazon Simple Storage Service', 'AmazonCloudWatch']) expect(services).toContain(s);
    const lambdaByDate = new Map(account.costs.filter((c) => c.service === 'AWS Lambda').map((c) => [c.date, c.amountUsd]));
    const spike = account.incidents.find((i) => i.kind === 'cost-spike');
    const spikeDay = new Date(spike?.start ?? 0).toISOString().slice(0, 10);
    const others = [...lambdaByDate.entries()].filter(([d]) => d !== spikeDay).map(([, v]) => v);
    expect(lambdaByDate.get(spikeDay)).toBeGreaterThan(3 * Math.max(...others) * 0.9);
    const ec2 = account.costs.filter((c) => c.service === 'Amazon Elastic Compute Cloud - Compute');
    const weekend = ec2.filter((c) => [0, 6].includes(new Date(`${c.date}T00:00:00Z`).getUTCDay()));
    const weekday = ec2.filter((c) => ![0, 6].includes(new Date(`${c.date}T00:00:00Z`).getUTCDay()));
    const mean = (xs: { amountUsd: number }[]) => xs.reduce((s, c) => s + c.amountUsd, 0) / xs.length;
    expect(mean(weekend)).toBeLessThan(mean(weekday) * 0.97);
  });

  it('forecasts 30 days ahead with a band around the mean', () => {
    expect(account.costForecast.start).toBe('2026-11-29');
    expect(account.costForecast.daily).toHaveLength(30);
    expect(account.costForecast.lowerUsd).toBeLessThan(account.costForecast.meanUsd);
    expect(account.costForecast.upperUsd).toBeGreaterThan(account.costForecast.meanUsd);
  });

  it('shows daily seasonality, idle instances and the CPU saturation incident in metric values', () => {
    const context = contextOf(account);
    const incident = account.incidents.find((i) => i.kind === 'cpu-saturation');
    const web = account.resources.find((r) => r.resource.arn === incident?.resourceArn);
    expect(web).toBeDefined();
    if (!web || !incident) return;
    const during = metricValue(web, 'CPUUtilization', 'Average', incident.start + 600_000, 300, context) ?? 0;
    const dayBefore = metricValue(web, 'CPUUtilization', 'Average', incident.start - 86_400_000 + 600_000, 300, context) ?? 0;
    expect(during).toBeGreaterThan(95);
    expect(dayBefore).toBeLessThan(80);

    const idle = account.resources.find((r) => r.archetype === 'idle-dev' && r.resource.config.state === 'running');
    const idleCpu = Array.from({ length: 288 }, (_, i) => metricValue(idle!, 'CPUUtilization', 'Average', DEFAULT_SAMPLE_NOW - 86_400_000 + i * 300_000, 300, context) ?? 0);
    expect(Math.max(...idleCpu)).toBeLessThan(10);
    // Trusted Advisor's idle test: daily network I/O of 5 MB or less.
    const dayStart = DEFAULT_SAMPLE_NOW - 2 * 86_400_000;
    const networkBytes = ['NetworkIn', 'NetworkOut']
      .flatMap((m) => Array.from({ length: 288 }, (_, i) => metricValue(idle!, m, 'Sum', dayStart + i * 300_000, 300, context) ?? 0))
      .reduce((a, b) => a + b, 0);
    expect(networkBytes).toBeLessThan(5e6);

    const peakHour = Math.round(web.workload.peakHourUtc);
    const at = (hour: number) => {
      const values = Array.from({ length: 7 }, (_, d) => metricValue(web, 'CPUUtilization', 'Average', DEFAULT_SAMPLE_NOW - (d + 8) * 86_400_000 + hour * 3_600_000, 300, context) ?? 0);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(at(peakHour)).toBeGreaterThan(at((peakHour + 12) % 24) * 1.5);
  });

  it('publishes no Lambda datapoints where a batch function had no invocations', () => {
    const context = contextOf(account);
    const pipeline = account.resources.find((r) => r.archetype === 'data-pipeline' && r.resource.type === 'lambda:function' && r.workload.batch?.everyHours === 24);
    expect(pipeline).toBeDefined();
    const values = Array.from({ length: 288 }, (_, i) => metricValue(pipeline!, 'Invocations', 'Sum', DEFAULT_SAMPLE_NOW - 2 * 86_400_000 + i * 300_000, 300, context));
    const present = values.filter((v) => v !== undefined).length;
    expect(present).toBeGreaterThan(0);
    expect(present).toBeLessThan(20);
  });

  it('gives Compute Optimizer findings for primary-region resources only', () => {
    const { ec2, ebs, lambda, optedInRegions } = account.computeOptimizer;
    expect(optedInRegions).toEqual(['us-east-1']);
    expect(ec2.some((r) => r.finding === 'Overprovisioned')).toBe(true);
    expect(ebs.length).toBeGreaterThan(0);
    expect(lambda.every((r) => r.functionArn?.endsWith(':$LATEST'))).toBe(true);
    expect([...ec2.map((r) => r.instanceArn), ...ebs.map((r) => r.volumeArn)].every((arn) => arn?.includes(':us-east-1:'))).toBe(true);
  });

  it('summarises itself for the demo output', () => {
    const summary = summariseSampleAccount(account);
    expect(summary.resources).toBe(200);
    expect(Object.values(summary.byType).reduce((a, b) => a + b, 0)).toBe(200);
    expect(summary.meanDailyCostUsd).toBeGreaterThan(0);
    expect(summary.incidents.map((i) => i.kind)).toEqual(['cpu-saturation', 'error-burst', 'latency-spike', 'cost-spike']);
  });
});
