import type { z } from 'zod';
import { droppedPointsOf } from './compact-series.js';
import type { CollectionIssue, MetricSeries, Resource } from './snapshot.js';

/**
 * The rules that hold across a snapshot's parts (docs/snapshot-validation.md), after each part passed its own schema:
 * - a resource's configuration passes its type's schema and is self-consistent (resource-consistency below), and its
 *   ARN names its own account and region;
 * - an ARN names one resource: a second resource with the same ARN and different contents is rejected (two
 *   configurations of one instance would be sized, priced and counted twice); an exact repeat is dropped;
 * - one series per (resource, namespace, metric, statistic, period);
 * - series of resources the snapshot does not hold are dropped (nothing reads them).
 * Rejections become zod issues at their path (`resources.12.config.healthyTargets: …`); what is dropped is counted
 * in the snapshot's `issues` (source `snapshot`), so a run reports it and no value of it becomes money.
 */

type Ctx = z.core.$RefinementCtx<unknown>;
type ConfigSchemas = Readonly<Record<string, z.ZodType>>;

interface Contents {
  resources: Resource[];
  series: MetricSeries[];
  issues: CollectionIssue[];
}

export function checkSnapshotContents<T extends Contents>(snapshot: T, ctx: Ctx, configSchemas: ConfigSchemas): T {
  const resources = uniqueResources(snapshot.resources, ctx, configSchemas);
  const arns = new Set(resources.kept.map((r) => r.arn));
  const series = knownSeries(snapshot.series, arns, ctx);
  const issues = [...snapshot.issues, ...resources.issues, ...series.issues];
  if (issues.length === snapshot.issues.length) return snapshot;
  return { ...snapshot, resources: resources.kept, series: series.kept, issues };
}

const issue = (code: string, message: string): CollectionIssue => ({ source: 'snapshot', code, message });

function uniqueResources(resources: Resource[], ctx: Ctx, configSchemas: ConfigSchemas): { kept: Resource[]; issues: CollectionIssue[] } {
  const firstIndex = new Map<string, number>();
  const kept: Resource[] = [];
  const repeats: number[] = [];
  resources.forEach((resource, i) => {
    for (const defect of resourceDefects(resource, configSchemas)) {
      ctx.issues.push({ code: 'custom', input: resource, path: ['resources', i, ...defect.path], message: defect.message });
    }
    const first = firstIndex.get(resource.arn);
    if (first === undefined) {
      firstIndex.set(resource.arn, i);
      kept.push(resource);
    } else if (canonical(resources[first]) === canonical(resource)) {
      repeats.push(i);
    } else {
      ctx.issues.push({
        code: 'custom',
        input: resource.arn,
        path: ['resources', i, 'arn'],
        message: `${resource.arn} is also resources.${first}, with different contents: an ARN names one resource`,
      });
    }
  });
  if (repeats.length === 0) return { kept, issues: [] };
  return { kept, issues: [issue('DuplicateResourcesDropped', `${repeats.length} exact repeat(s) of a resource dropped (first: resources.${repeats[0]}, ${resources[repeats[0]].arn})`)] };
}

function knownSeries(series: MetricSeries[], arns: ReadonlySet<string>, ctx: Ctx): { kept: MetricSeries[]; issues: CollectionIssue[] } {
  const firstIndex = new Map<string, number>();
  const orphans: number[] = [];
  let dropped = 0;
  let firstDropped = -1;
  const kept: MetricSeries[] = [];
  series.forEach((s, i) => {
    const key = `${s.resourceArn}\u0000${s.namespace}\u0000${s.metricName}\u0000${s.stat}\u0000${s.periodSec}`;
    const first = firstIndex.get(key);
    if (first !== undefined) {
      ctx.issues.push({
        code: 'custom',
        input: s.resourceArn,
        path: ['series', i],
        message: `${s.namespace} ${s.metricName} ${s.stat} at ${s.periodSec} s of ${s.resourceArn} is also series.${first}: one series per metric, statistic and period`,
      });
      return;
    }
    firstIndex.set(key, i);
    const points = droppedPointsOf(s);
    if (points > 0) {
      dropped += points;
      if (firstDropped < 0) firstDropped = i;
    }
    if (!arns.has(s.resourceArn)) orphans.push(i);
    else kept.push(s);
  });
  const issues: CollectionIssue[] = [];
  if (dropped > 0) {
    const first = series[firstDropped];
    issues.push(issue('MissingPointsDropped', `${dropped} missing point(s) (null values) dropped (first: series.${firstDropped}, ${first.metricName} ${first.stat} of ${first.resourceArn})`));
  }
  if (orphans.length > 0) {
    issues.push(issue('SeriesWithoutResourceDropped', `${orphans.length} series of resources not in the snapshot dropped (first: series.${orphans[0]}, ${series[orphans[0]].resourceArn})`));
  }
  return { kept: issues.length === 0 ? series : kept, issues };
}

interface Defect {
  path: (string | number)[];
  message: string;
}

/** `arn:partition:service:region:account:resource`; region and account are empty for global resources (S3). */
const ARN = /^arn:[^:]+:[^:]+:([^:]*):([^:]*):.+$/;

function resourceDefects(resource: Resource, configSchemas: ConfigSchemas): Defect[] {
  const defects: Defect[] = [];
  const arn = ARN.exec(resource.arn);
  if (arn === null) defects.push({ path: ['arn'], message: `${resource.arn} is not an ARN (arn:partition:service:region:account:resource)` });
  else {
    const [, region, account] = arn;
    if (region !== '' && region !== resource.region) defects.push({ path: ['region'], message: `${resource.region}, but its ARN names region ${region}` });
    if (account !== '' && account !== resource.account) defects.push({ path: ['account'], message: `${resource.account}, but its ARN names account ${account}` });
  }
  const schema = configSchemas[resource.type];
  if (schema === undefined) return defects;
  const parsed = schema.safeParse(resource.config);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return [...defects, { path: ['config', ...first.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: `${resource.type} configuration: ${first.message}` }];
  }
  return [...defects, ...consistencyDefects(resource.type, parsed.data as Record<string, unknown>)];
}

/** Configuration fields that contradict each other, per resource type. */
function consistencyDefects(type: Resource['type'], config: Record<string, unknown>): Defect[] {
  const at = (field: string, message: string): Defect => ({ path: ['config', field], message });
  switch (type) {
    case 'ebs:volume': {
      const defects: Defect[] = [];
      if (config.attachedInstanceId !== undefined && config.state !== 'in-use') defects.push(at('attachedInstanceId', `a volume attached to ${String(config.attachedInstanceId)} is in-use, not ${String(config.state)}`));
      if ((config.volumeType === 'io1' || config.volumeType === 'io2') && config.iops === undefined) defects.push(at('iops', `an ${String(config.volumeType)} volume has provisioned IOPS`));
      return defects;
    }
    case 'dynamodb:table': {
      if (config.billingMode === 'PROVISIONED' && (config.readCapacityUnits === undefined || config.writeCapacityUnits === undefined)) {
        return [at(config.readCapacityUnits === undefined ? 'readCapacityUnits' : 'writeCapacityUnits', 'a PROVISIONED table has read and write capacity units')];
      }
      if (config.billingMode === 'PAY_PER_REQUEST' && config.autoScaling === true) return [at('autoScaling', 'an on-demand (PAY_PER_REQUEST) table has no capacity to autoscale')];
      if (config.billingMode === 'PAY_PER_REQUEST' && (Number(config.readCapacityUnits ?? 0) > 0 || Number(config.writeCapacityUnits ?? 0) > 0)) {
        return [at('readCapacityUnits', 'an on-demand (PAY_PER_REQUEST) table has no provisioned capacity')];
      }
      return [];
    }
    case 'elb:load-balancer': {
      const { registeredTargets, healthyTargets } = config;
      if (typeof healthyTargets === 'number' && typeof registeredTargets === 'number' && healthyTargets > registeredTargets) {
        return [at('healthyTargets', `${healthyTargets} healthy targets of ${registeredTargets} registered`)];
      }
      return [];
    }
    case 'ec2:elastic-ip':
      if (config.associationId === undefined && (config.instanceId !== undefined || config.networkInterfaceId !== undefined)) {
        return [at('associationId', 'an address with an instance or network interface has an association')];
      }
      return [];
    default:
      return [];
  }
}

/** JSON with object keys sorted: two resources are the same when this text is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
