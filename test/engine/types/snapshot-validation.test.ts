import { describe, expect, it } from 'vitest';
import { MetricSeriesSchema, SnapshotSchema, type Snapshot } from '../../../lambdas/engine/types/snapshot.js';
import { NOW, resource, series } from '../rules/fixtures.js';

const web = resource('ec2:instance', 'web-1', { instanceType: 'r5.2xlarge', state: 'running' });
const db = resource('rds:db-instance', 'orders', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available' });
const cpu = series(web.arn, 'CPUUtilization', 'Average', (i) => 20 + (i % 5), { days: 1, unit: 'Percent', namespace: 'AWS/EC2' });

function snapshot(overrides: Partial<Record<keyof Snapshot, unknown>> = {}): Record<string, unknown> {
  return {
    version: 1,
    collectedAt: new Date(NOW).toISOString(),
    accounts: ['123456789012'],
    regions: ['us-east-1'],
    resources: [web, db],
    series: [cpu],
    costs: [{ date: '2026-11-14', account: '123456789012', service: 'Amazon EC2', amountUsd: 12.5 }],
    ...overrides,
  };
}

/** The first rule a snapshot breaks, as `path: message`. */
function rejection(input: unknown): string {
  const parsed = SnapshotSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  const issue = parsed.error!.issues[0];
  return `${issue.path.join('.')}: ${issue.message}`;
}

const withValue = (index: number, value: number | null) => ({ ...cpu, values: cpu.values.map((v, i) => (i === index ? value : v)) });

describe('snapshot validation: values within their metric’s physical range', () => {
  it('accepts a well-formed snapshot unchanged', () => {
    const parsed = SnapshotSchema.parse(snapshot());
    expect(parsed.series).toEqual([cpu]);
    expect(parsed.issues).toEqual([]);
  });

  it('rejects negative CPU with the path, the value, its time and the rule', () => {
    const at = new Date(cpu.timestamps[12]).toISOString().replace(':00.000Z', 'Z');
    expect(rejection(snapshot({ series: [withValue(12, -3)] }))).toBe(`series.0.values.12: CPUUtilization Average: value -3 at ${at} is below 0, the least a Percent metric can be`);
  });

  it('rejects CPU above 100 %, counts of 1.7e308 and negative byte counts', () => {
    expect(rejection(snapshot({ series: [withValue(3, 100.5)] }))).toMatch(/^series\.0\.values\.3: CPUUtilization Average: value 100\.5 at .* is above 100, the most a Percent metric can be$/);
    const network = series(web.arn, 'NetworkIn', 'Sum', (i) => (i === 7 ? 1.7e308 : 1e6), { days: 1, unit: 'Bytes', namespace: 'AWS/EC2' });
    expect(rejection(snapshot({ series: [network] }))).toMatch(/^series\.0\.values\.7: NetworkIn Sum: value 1\.7e\+308 at .* is above 2\^53 - 1, the most a Bytes metric can be$/);
    const negative = series(web.arn, 'NetworkOut', 'Sum', (i) => (i === 2 ? -1 : 5), { days: 1, unit: 'Bytes', namespace: 'AWS/EC2' });
    expect(rejection(snapshot({ series: [negative] }))).toMatch(/^series\.0\.values\.2: NetworkOut Sum: value -1 .* below 0/);
  });

  it('bounds a Lambda Duration by the 900 s timeout, and other time units by a day', () => {
    const fn = resource('lambda:function', 'orders', { memoryMb: 512, timeoutSec: 900, architecture: 'x86_64', runtime: 'nodejs20.x' });
    const duration = series(fn.arn, 'Duration', 'Maximum', (i) => (i === 1 ? 900_001 : 900_000), { days: 1, unit: 'Milliseconds', namespace: 'AWS/Lambda' });
    expect(rejection(snapshot({ resources: [web, db, fn], series: [duration] }))).toMatch(/^series\.0\.values\.1: Duration Maximum: value 900001 .* above 900000, the most AWS\/Lambda Duration can be$/);
    const custom = series(web.arn, 'QueueAge', 'Maximum', (i) => (i === 0 ? 86_401 : 10), { days: 1, unit: 'Seconds', namespace: 'Custom/App' });
    expect(rejection(snapshot({ series: [custom] }))).toMatch(/above 86400, the most a Seconds metric can be$/);
  });

  it('keeps Percent metrics it does not know that pass 100 (ECS CPU counts against the reservation)', () => {
    const ecs = series(web.arn, 'CPUUtilization', 'Average', () => 180, { days: 1, unit: 'Percent', namespace: 'AWS/ECS' });
    expect(SnapshotSchema.parse(snapshot({ series: [ecs] })).series).toHaveLength(1);
  });

  it('rejects a known metric in another unit, and timestamps out of order or repeated', () => {
    expect(rejection(snapshot({ series: [{ ...cpu, unit: 'Bytes' }] }))).toBe('series.0.unit: AWS/EC2 CPUUtilization is published in Percent, not Bytes');
    const swapped = [...cpu.timestamps];
    [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
    expect(rejection(snapshot({ series: [{ ...cpu, timestamps: swapped }] }))).toMatch(/^series\.0\.timestamps\.5: .* is not after the point before it .*strictly increasing$/);
    const repeated = cpu.timestamps.map((t, i) => (i === 9 ? cpu.timestamps[8] : t));
    expect(rejection(snapshot({ series: [{ ...cpu, timestamps: repeated }] }))).toMatch(/^series\.0\.timestamps\.9: /);
    expect(rejection(snapshot({ series: [{ ...cpu, timestamps: cpu.timestamps.map((t) => t + 0.5) }] }))).toMatch(/^series\.0\.timestamps\.0: timestamp .* is not a whole number of epoch milliseconds$/);
  });

  it('rejects out-of-range values in the compact form too', () => {
    const values = Buffer.from(new Float32Array([10, -4.8, 12]).buffer).toString('base64');
    const compact = { resourceArn: web.arn, namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Average', unit: 'Percent', periodSec: 300, encoding: 'f32-base64', start: NOW, values };
    expect(rejection(snapshot({ series: [compact] }))).toMatch(/^series\.0\.values\.1: CPUUtilization Average: value -4\.8\d* at .* is below 0/);
  });

  it('drops missing (null) points and counts them in issues, so they never become a value', () => {
    const parsed = SnapshotSchema.parse(snapshot({ series: [withValue(0, null), { ...withValue(1, null), stat: 'Maximum' }] }));
    expect(parsed.series[0].values).toEqual(cpu.values.slice(1));
    expect(parsed.series[0].timestamps).toEqual(cpu.timestamps.slice(1));
    expect(parsed.series[1].values).toHaveLength(cpu.values.length - 1);
    expect(parsed.issues).toEqual([
      { source: 'snapshot', code: 'MissingPointsDropped', message: `2 missing point(s) (null values) dropped (first: series.0, CPUUtilization Average of ${web.arn})` },
    ]);
  });

  it('rejects money no account spends: a day of 1.7e308 USD, a unit price of 1e300', () => {
    expect(rejection(snapshot({ costs: [{ date: '2026-11-14', account: '123456789012', service: 'Amazon EC2', amountUsd: 1.7e308 }] }))).toBe('costs.0.amountUsd: a USD amount is at most $1 trillion');
    expect(rejection(snapshot({ prices: { region: 'us-east-1', ec2HourlyUsd: { 'm5.large': 1e300 } } }))).toBe('prices.ec2HourlyUsd.m5.large: a unit price is at most $1,000,000');
  });

  it('checks series read from the store with the same rules', () => {
    const parsed = MetricSeriesSchema.safeParse(withValue(2, -1));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(['values', 2]);
  });
});

describe('snapshot validation: resources', () => {
  it('rejects a second resource with the same ARN and another configuration, naming both', () => {
    const twin = { ...web, config: { instanceType: 'm5.large', state: 'running' } };
    expect(rejection(snapshot({ resources: [web, db, twin] }))).toBe(`resources.2.arn: ${web.arn} is also resources.0, with different contents: an ARN names one resource`);
  });

  it('drops an exact repeat of a resource (keys in any order) and counts it in issues', () => {
    const repeat = { config: web.config, tags: {}, name: web.name, region: web.region, account: web.account, type: web.type, arn: web.arn };
    const parsed = SnapshotSchema.parse(snapshot({ resources: [web, db, repeat] }));
    expect(parsed.resources).toEqual([web, db]);
    expect(parsed.issues).toEqual([{ source: 'snapshot', code: 'DuplicateResourcesDropped', message: `1 exact repeat(s) of a resource dropped (first: resources.2, ${web.arn})` }]);
  });

  it('rejects two series of one metric, statistic and period of one resource', () => {
    expect(rejection(snapshot({ series: [cpu, withValue(0, 50)] }))).toBe(`series.1: AWS/EC2 CPUUtilization Average at 300 s of ${web.arn} is also series.0: one series per metric, statistic and period`);
  });

  it('drops and counts series of resources the snapshot does not hold', () => {
    const orphan = { ...cpu, resourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/gone' };
    const parsed = SnapshotSchema.parse(snapshot({ series: [cpu, orphan] }));
    expect(parsed.series).toEqual([cpu]);
    expect(parsed.issues.map((i) => i.code)).toEqual(['SeriesWithoutResourceDropped']);
  });

  it('rejects configuration that fails its type’s schema or contradicts itself, at the field', () => {
    const at = (r: unknown) => rejection(snapshot({ resources: [r] }));
    expect(at({ ...web, config: { instanceType: 'm5.large', state: 'sleeping' } })).toMatch(/^resources\.0\.config\.state: ec2:instance configuration: Invalid option/);
    expect(at(resource('ebs:volume', 'v-1', { volumeType: 'gp3', sizeGiB: 100, state: 'available', attachedInstanceId: 'i-1' }))).toBe('resources.0.config.attachedInstanceId: a volume attached to i-1 is in-use, not available');
    expect(at(resource('ebs:volume', 'v-2', { volumeType: 'io2', sizeGiB: 100, state: 'in-use', attachedInstanceId: 'i-1' }))).toBe('resources.0.config.iops: an io2 volume has provisioned IOPS');
    expect(at(resource('ebs:volume', 'v-3', { volumeType: 'gp3', sizeGiB: 1e308, state: 'available' }))).toBe('resources.0.config.sizeGiB: ebs:volume configuration: an EBS volume holds at most 64 TiB (65,536 GiB)');
    expect(at(resource('dynamodb:table', 't-1', { billingMode: 'PROVISIONED', readCapacityUnits: 5 }))).toBe('resources.0.config.writeCapacityUnits: a PROVISIONED table has read and write capacity units');
    expect(at(resource('dynamodb:table', 't-2', { billingMode: 'PAY_PER_REQUEST', autoScaling: true }))).toBe('resources.0.config.autoScaling: an on-demand (PAY_PER_REQUEST) table has no capacity to autoscale');
    expect(at(resource('elb:load-balancer', 'lb', { lbType: 'application', scheme: 'internal', state: 'active', registeredTargets: 2, healthyTargets: 3 }))).toBe('resources.0.config.healthyTargets: 3 healthy targets of 2 registered');
    expect(at(resource('ec2:elastic-ip', 'eip', { publicIp: '203.0.113.7', allocationId: 'eipalloc-1', instanceId: 'i-1' }))).toBe('resources.0.config.associationId: an address with an instance or network interface has an association');
  });

  it('rejects a resource whose ARN names another region or account', () => {
    expect(rejection(snapshot({ resources: [{ ...web, region: 'eu-west-1' }] }))).toBe('resources.0.region: eu-west-1, but its ARN names region us-east-1');
    expect(rejection(snapshot({ resources: [{ ...web, account: '210987654321' }] }))).toBe('resources.0.account: 210987654321, but its ARN names account 123456789012');
    expect(rejection(snapshot({ resources: [{ ...web, arn: 'i-123' }] }))).toBe('resources.0.arn: i-123 is not an ARN (arn:partition:service:region:account:resource)');
  });
});
