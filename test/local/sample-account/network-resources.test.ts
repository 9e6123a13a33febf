import { describe, expect, it } from 'vitest';
import { configSchemaByType } from '../../../lambdas/engine/types/snapshot.js';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { createSamplePortsFor } from '../../../lambdas/local/sample-account/sample-ports.js';

const account = generateSampleAccount();
const ofType = (type: string) => account.resources.filter((r) => r.resource.type === type);

describe('sample account: snapshots, Elastic IPs, NAT gateways, load balancers', () => {
  it('generates each new type in the typed config shape, with the cases rules look for', () => {
    for (const type of ['ebs:snapshot', 'ec2:elastic-ip', 'ec2:nat-gateway', 'elb:load-balancer'] as const) {
      expect(ofType(type).length, type).toBeGreaterThan(0);
      for (const { resource } of ofType(type)) expect(() => configSchemaByType[type].parse(resource.config), resource.name).not.toThrow();
    }
    const snapshots = ofType('ebs:snapshot').map((s) => s.resource.config);
    expect(snapshots.some((c) => c.sourceVolumeExists === false)).toBe(true);
    expect(snapshots.some((c) => (c.amiIds as string[]).length > 0)).toBe(true);
    expect(snapshots.some((c) => c.sourceVolumeExists === true && (c.amiIds as string[]).length === 0)).toBe(true);
    expect(ofType('ec2:elastic-ip').some((s) => s.resource.config.associationId === undefined)).toBe(true);
    expect(ofType('ec2:nat-gateway').some((s) => s.workload.level < 0.001)).toBe(true);
    expect(ofType('ec2:nat-gateway').some((s) => s.workload.level > 0.1)).toBe(true);
    const volumeIds = new Set(ofType('ebs:volume').map((s) => s.resource.arn.split('/').pop()));
    for (const c of snapshots) expect(volumeIds.has(String(c.volumeId))).toBe(c.sourceVolumeExists);
  });

  it('serves snapshots with their AMIs, addresses, NAT gateways and load balancers with target health through the inventory port', async () => {
    const inventory = createSamplePortsFor(account, { maxPageSize: 5 })(account.accountId, 'us-east-1').inventory;
    const snapshotPage = await inventory.describeSnapshots({ OwnerIds: ['self'], MaxResults: 5 });
    expect(snapshotPage.Snapshots).toHaveLength(5);
    expect(snapshotPage.NextToken).toBeDefined();
    await expect(inventory.describeSnapshots({ OwnerIds: ['self'], MaxResults: 5, NextToken: 'forged' })).rejects.toMatchObject({ name: 'InvalidNextToken' });
    const images = (await inventory.describeImages({ Owners: ['self'] })).Images ?? [];
    expect(images.length).toBeGreaterThan(0);
    expect(images[0].BlockDeviceMappings?.[0].Ebs?.SnapshotId).toMatch(/^snap-/);
    expect((await inventory.describeAddresses({})).Addresses?.length).toBe(ofType('ec2:elastic-ip').filter((s) => s.resource.region === 'us-east-1').length);
    expect((await inventory.describeNatGateways({ Filter: [{ Name: 'state', Values: ['deleted'] }] })).NatGateways).toEqual([]);
    const lbs = (await inventory.describeLoadBalancers({ PageSize: 400 })).LoadBalancers ?? [];
    expect(lbs.length).toBeGreaterThan(0);
    await expect(inventory.describeTags({ ResourceArns: Array.from({ length: 21 }, () => 'x') })).rejects.toMatchObject({ name: 'ValidationError' });
    const [group] = (await inventory.describeTargetGroups({ LoadBalancerArn: lbs[0].LoadBalancerArn })).TargetGroups ?? [];
    const health = (await inventory.describeTargetHealth({ TargetGroupArn: group.TargetGroupArn })).TargetHealthDescriptions ?? [];
    const sample = account.resources.find((s) => s.resource.arn === lbs[0].LoadBalancerArn);
    expect(health).toHaveLength(Number(sample?.resource.config.registeredTargets));
  });

  it('lists agent and Lambda Insights metrics with their full dimension sets, and answers GetMetricData only for the exact set', async () => {
    const cloudwatch = createSamplePortsFor(account)(account.accountId, 'us-east-1').cloudwatch;
    const listed = (await cloudwatch.listMetrics({ Namespace: 'CWAgent', MetricName: 'mem_used_percent' })).Metrics ?? [];
    expect(listed.length).toBeGreaterThan(0);
    const dimensions = listed[0].Dimensions ?? [];
    expect(dimensions.map((d) => d.Name)).toEqual(['InstanceId', 'ImageId', 'InstanceType']);
    expect(((await cloudwatch.listMetrics({ Namespace: 'LambdaInsights', MetricName: 'memory_utilization' })).Metrics ?? []).length).toBeGreaterThan(0);
    const query = (dims: typeof dimensions) => ({ Id: 'm', MetricStat: { Metric: { Namespace: 'CWAgent', MetricName: 'mem_used_percent', Dimensions: dims }, Period: 300, Stat: 'Average' } });
    const window = { StartTime: new Date(account.now - 86_400_000), EndTime: new Date(account.now) };
    const exact = await cloudwatch.getMetricData({ MetricDataQueries: [query([...dimensions].reverse())], ...window });
    expect(exact.MetricDataResults?.[0].Values?.length).toBe(288);
    const partial = await cloudwatch.getMetricData({ MetricDataQueries: [query(dimensions.slice(0, 1))], ...window });
    expect(partial.MetricDataResults?.[0].Values).toEqual([]);
  });
});
