import { CloudWatchLogsClient, DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import '../helpers/empty-containers-db.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectInventory } from '../../../lambdas/collectors/inventory/collect-inventory.js';
import { ACCOUNT, testContext } from '../helpers/context.js';
import { emptyStorageDataServices } from '../helpers/storage-data-mocks.js';

const ec2 = mockClient(EC2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
const lambda = mockClient(LambdaClient);
const rds = mockClient(RDSClient);
const dynamodb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const apiGateway = mockClient(APIGatewayClient);
const apiGatewayV2 = mockClient(ApiGatewayV2Client);
const denied = (name: string) => Object.assign(new Error(`not authorized (${name})`), { name, $fault: 'client', $metadata: { httpStatusCode: 403 } });

beforeEach(() => {
  emptyStorageDataServices();
  apiGateway.on(GetRestApisCommand).resolves({ items: [] });
  apiGatewayV2.on(GetApisCommand).resolves({ Items: [] });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
  ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
  ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(DescribeImagesCommand).resolves({ Images: [] });
  ec2.on(DescribeAddressesCommand).resolves({ Addresses: [] });
  ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
  elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
  elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [] });
  lambda.on(ListFunctionsCommand).resolves({ Functions: [] });
  rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
  dynamodb.on(ListTablesCommand).resolves({ TableNames: [] });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
});
afterEach(() => {
  for (const mock of [ec2, elb, lambda, rds, dynamodb, logs, apiGateway, apiGatewayV2]) mock.reset();
});

const resourcesOf = async (context: ReturnType<typeof testContext>, type: string) => (await context.store.listResources()).filter((r) => r.type === type);

describe('collectInventory: snapshots, Elastic IPs, NAT gateways, load balancers', () => {
  it('pages own snapshots, links them to own AMIs and tells whether their volume still exists', async () => {
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-049df61146c4d7901', VolumeType: 'gp3', Size: 8, State: 'in-use' }] });
    ec2
      .on(DescribeSnapshotsCommand, { NextToken: undefined })
      .resolves({
        Snapshots: [
          { SnapshotId: 'snap-066877671789bd71b', VolumeId: 'vol-049df61146c4d7901', VolumeSize: 8, StartTime: new Date('2026-11-20T03:00:00Z'), State: 'completed', OwnerId: ACCOUNT, StorageTier: 'standard', Description: 'nightly', Tags: [{ Key: 'team', Value: 'data' }] },
        ],
        NextToken: 'snap-page-2',
      })
      .on(DescribeSnapshotsCommand, { NextToken: 'snap-page-2' })
      .resolves({
        Snapshots: [
          { SnapshotId: 'snap-0aaaaaaaaaaaaaaa1', VolumeId: 'vol-0deleted000000001', VolumeSize: 500, StartTime: new Date('2024-02-01T00:00:00Z'), State: 'completed', OwnerId: ACCOUNT, StorageTier: 'archive' },
          { SnapshotId: 'snap-0aaaaaaaaaaaaaaa2', VolumeId: 'vol-ffffffff', VolumeSize: 30, StartTime: new Date('2025-06-01T00:00:00Z'), State: 'completed', OwnerId: ACCOUNT, Description: 'Copied for DestinationAmi ami-0abcdef1234567890' },
        ],
      });
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0abcdef1234567890', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0aaaaaaaaaaaaaaa2', VolumeSize: 30 } }, { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }] },
      ],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(ec2.commandCalls(DescribeSnapshotsCommand).map((c) => c.args[0].input)).toEqual([
      { OwnerIds: ['self'], MaxResults: 1000, NextToken: undefined },
      { OwnerIds: ['self'], MaxResults: 1000, NextToken: 'snap-page-2' },
    ]);
    expect(ec2.commandCalls(DescribeImagesCommand)[0].args[0].input).toMatchObject({ Owners: ['self'] });
    const byId = new Map((await resourcesOf(context, 'ebs:snapshot')).map((r) => [r.arn.split('/').pop(), r]));
    expect(byId.get('snap-066877671789bd71b')).toMatchObject({
      arn: 'arn:aws:ec2:us-east-1::snapshot/snap-066877671789bd71b',
      account: ACCOUNT,
      tags: { team: 'data' },
      config: { sizeGiB: 8, startTime: '2026-11-20T03:00:00.000Z', volumeId: 'vol-049df61146c4d7901', sourceVolumeExists: true, amiIds: [], storageTier: 'standard' },
    });
    expect(byId.get('snap-0aaaaaaaaaaaaaaa1')?.config).toMatchObject({ sourceVolumeExists: false, storageTier: 'archive' });
    expect(byId.get('snap-0aaaaaaaaaaaaaaa2')?.config).toMatchObject({ amiIds: ['ami-0abcdef1234567890'] });
    expect(byId.get('snap-0aaaaaaaaaaaaaaa2')?.config).not.toHaveProperty('volumeId');
    expect(report.calls).toMatchObject({ 'ec2:DescribeSnapshots': 2, 'ec2:DescribeImages': 1 });
  });

  it('leaves sourceVolumeExists unknown when the volume listing was denied', async () => {
    ec2.on(DescribeVolumesCommand).rejects(denied('UnauthorizedOperation'));
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1', VolumeSize: 8, StartTime: new Date('2026-01-01T00:00:00Z'), OwnerId: ACCOUNT }] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectInventory(context);

    const [snapshot] = await resourcesOf(context, 'ebs:snapshot');
    expect(snapshot.config).not.toHaveProperty('sourceVolumeExists');
    expect(snapshot.config).toMatchObject({ volumeId: 'vol-1' });
  });

  it('normalises associated and unassociated Elastic IPs (DescribeAddresses reference shape)', async () => {
    ec2.on(DescribeAddressesCommand).resolves({
      Addresses: [
        {
          InstanceId: 'i-1234567890abcdef0',
          PublicIp: '198.51.100.0',
          AllocationId: 'eipalloc-12345678',
          AssociationId: 'eipassoc-12345678',
          Domain: 'vpc',
          NetworkInterfaceId: 'eni-12345678',
          NetworkInterfaceOwnerId: ACCOUNT,
          PrivateIpAddress: '10.0.1.241',
          PublicIpv4Pool: 'amazon',
          NetworkBorderGroup: 'us-east-1',
        },
        { PublicIp: '203.0.113.0', AllocationId: 'eipalloc-87654321', Domain: 'vpc', PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1', Tags: [{ Key: 'Name', Value: 'spare' }, { Key: 'owner', Value: 'sam@example.com' }] },
        { PublicIp: '192.0.2.1', Domain: 'standard' },
      ],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    const byName = new Map((await resourcesOf(context, 'ec2:elastic-ip')).map((r) => [r.name, r]));
    expect(byName.get('198.51.100.0')).toMatchObject({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:elastic-ip/eipalloc-12345678`,
      config: { publicIp: '198.51.100.0', allocationId: 'eipalloc-12345678', associationId: 'eipassoc-12345678', instanceId: 'i-1234567890abcdef0', networkInterfaceId: 'eni-12345678' },
    });
    expect(byName.get('spare')).toMatchObject({ tags: { owner: 'sam@example.com' } });
    expect(byName.get('spare')?.config).not.toHaveProperty('associationId');
    expect(report.issues).toEqual([expect.objectContaining({ code: 'UnsupportedResourceShape', message: expect.stringMatching(/192\.0\.2\.1.*AllocationId/) })]);
  });

  it('pages NAT gateways with NextToken, leaving deleted ones out by filter', async () => {
    ec2
      .on(DescribeNatGatewaysCommand, { NextToken: undefined })
      .resolves({
        NatGateways: [
          { NatGatewayId: 'nat-05dba92075d71c408', State: 'available', ConnectivityType: 'public', VpcId: 'vpc-0a60eb65b4EXAMPLE', SubnetId: 'subnet-0d6f4c8cEXAMPLE', CreateTime: new Date('2026-01-10T12:00:00Z'), Tags: [{ Key: 'Name', Value: 'prod-nat-a' }] },
        ],
        NextToken: 'nat-2',
      })
      .on(DescribeNatGatewaysCommand, { NextToken: 'nat-2' })
      .resolves({ NatGateways: [{ NatGatewayId: 'nat-0a93acc57881d4199', State: 'pending', ConnectivityType: 'private', VpcId: 'vpc-1' }] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectInventory(context);

    expect(ec2.commandCalls(DescribeNatGatewaysCommand)[0].args[0].input.Filter).toEqual([{ Name: 'state', Values: ['pending', 'available', 'deleting', 'failed'] }]);
    const byName = new Map((await resourcesOf(context, 'ec2:nat-gateway')).map((r) => [r.name, r]));
    expect(byName.get('prod-nat-a')).toMatchObject({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:natgateway/nat-05dba92075d71c408`,
      config: { state: 'available', connectivityType: 'public', vpcId: 'vpc-0a60eb65b4EXAMPLE', createTime: '2026-01-10T12:00:00.000Z' },
    });
    expect(byName.get('nat-0a93acc57881d4199')?.config).toMatchObject({ state: 'pending', connectivityType: 'private' });
  });

  it('pages load balancers with Marker, reads tags 20 ARNs at a time and counts registered and healthy targets', async () => {
    const lb = (i: number, type: 'application' | 'network' = 'application'): LoadBalancer => ({
      LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/${type === 'network' ? 'net' : 'app'}/lb-${i}/50dc6c495c0c9${String(i).padStart(3, '0')}`,
      LoadBalancerName: `lb-${i}`,
      Type: type,
      Scheme: 'internet-facing',
      State: { Code: 'active' },
      CreatedTime: new Date('2025-04-01T10:00:00Z'),
      VpcId: 'vpc-3ac0fb5f',
    });
    const all = Array.from({ length: 25 }, (_, i) => lb(i, i === 24 ? 'network' : 'application'));
    elb
      .on(DescribeLoadBalancersCommand, { Marker: undefined })
      .resolves({ LoadBalancers: all.slice(0, 20), NextMarker: 'lb-page-2' })
      .on(DescribeLoadBalancersCommand, { Marker: 'lb-page-2' })
      .resolves({ LoadBalancers: all.slice(20) });
    elb.on(DescribeTagsCommand).callsFake((input: { ResourceArns: string[] }) => ({
      TagDescriptions: input.ResourceArns.map((arn) => ({ ResourceArn: arn, Tags: [{ Key: 'team', Value: `team-${arn.split('/')[2]}` }] })),
    }));
    const tg = (name: string, lbs: string[]) => ({ TargetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/73e2d6bc24d8a067`, TargetGroupName: name, LoadBalancerArns: lbs });
    elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [tg('web', [all[0].LoadBalancerArn ?? '']), tg('api', [all[0].LoadBalancerArn ?? '']), tg('broken', [all[1].LoadBalancerArn ?? '']), tg('orphan', [])] });
    elb.on(DescribeTargetHealthCommand).callsFake((input: { TargetGroupArn: string }) => {
      if (input.TargetGroupArn.includes('/broken/')) throw Object.assign(new Error('Target groups not found'), { name: 'TargetGroupNotFoundException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      return {
        TargetHealthDescriptions: [
          { Target: { Id: 'i-0f76fade', Port: 80 }, HealthCheckPort: '80', TargetHealth: { State: 'healthy' } },
          { Target: { Id: 'i-0f76fadf', Port: 80 }, HealthCheckPort: '80', TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' } },
        ],
      };
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(elb.commandCalls(DescribeLoadBalancersCommand)[0].args[0].input).toEqual({ PageSize: 400, Marker: undefined });
    expect(elb.commandCalls(DescribeTagsCommand).map((c) => c.args[0].input.ResourceArns?.length)).toEqual([20, 5]);
    expect(elb.commandCalls(DescribeTargetHealthCommand)).toHaveLength(3);
    const byName = new Map((await resourcesOf(context, 'elb:load-balancer')).map((r) => [r.name, r]));
    expect(byName.size).toBe(25);
    expect(byName.get('lb-0')).toMatchObject({
      arn: all[0].LoadBalancerArn,
      tags: { team: 'team-lb-0' },
      config: { lbType: 'application', scheme: 'internet-facing', state: 'active', createdTime: '2025-04-01T10:00:00.000Z', registeredTargets: 4, healthyTargets: 2 },
    });
    expect(byName.get('lb-1')?.config).not.toHaveProperty('registeredTargets');
    expect(byName.get('lb-2')?.config).toMatchObject({ registeredTargets: 0, healthyTargets: 0 });
    expect(byName.get('lb-24')?.config).toMatchObject({ lbType: 'network' });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'TargetGroupNotFoundException', message: expect.stringMatching(/targetgroup\/broken/) })]);
    expect(report.calls).toMatchObject({ 'elasticloadbalancing:DescribeLoadBalancers': 2, 'elasticloadbalancing:DescribeTags': 2, 'elasticloadbalancing:DescribeTargetGroups': 1 });
  });

  it('keeps load balancers untagged, with an issue, when DescribeTags is denied', async () => {
    elb.on(DescribeLoadBalancersCommand).resolves({
      LoadBalancers: [{ LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/a/1`, LoadBalancerName: 'a', Type: 'application', Scheme: 'internal', State: { Code: 'active' } }],
    });
    elb.on(DescribeTagsCommand).rejects(denied('AccessDenied'));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(await resourcesOf(context, 'elb:load-balancer')).toEqual([expect.objectContaining({ name: 'a', tags: {} })]);
    expect(report.issues.map((i) => i.code)).toEqual(['AccessDenied']);
  });

  it('reads log group tags for owner routing', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: '/aws/lambda/api', logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api`, arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api:*`, storedBytes: 10, retentionInDays: 14 }],
    });
    logs.on(ListTagsForResourceCommand).resolves({ tags: { team: 'mobile', owner: 'lukas@example.com' } });
    dynamodb.on(DescribeTableCommand).resolves({});
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectInventory(context);

    expect(logs.commandCalls(ListTagsForResourceCommand)[0].args[0].input).toEqual({ resourceArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api` });
    expect(await resourcesOf(context, 'logs:log-group')).toEqual([expect.objectContaining({ tags: { team: 'mobile', owner: 'lukas@example.com' }, config: { storedBytes: 10, retentionDays: 14 } })]);
  });
});
