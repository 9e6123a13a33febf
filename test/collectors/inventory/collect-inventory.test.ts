import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
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
const lambda = mockClient(LambdaClient);
const rds = mockClient(RDSClient);
const dynamodb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const apiGateway = mockClient(APIGatewayClient);
const apiGatewayV2 = mockClient(ApiGatewayV2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
beforeEach(() => {
  emptyStorageDataServices();
  apiGateway.on(GetRestApisCommand).resolves({ items: [] });
  apiGatewayV2.on(GetApisCommand).resolves({ Items: [] });
  // Services a test does not look at answer with empty inventories.
  rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
  dynamodb.on(ListTablesCommand).resolves({ TableNames: [] });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  logs.on(ListTagsForResourceCommand).resolves({ tags: {} });
  ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(DescribeImagesCommand).resolves({ Images: [] });
  ec2.on(DescribeAddressesCommand).resolves({ Addresses: [] });
  ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
  elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
  elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [] });
});
afterEach(() => {
  for (const mock of [ec2, lambda, rds, dynamodb, logs, elb, apiGateway, apiGatewayV2]) mock.reset();
});

/** A DescribeInstances instance in the documented response shape. */
function instance(id: string, overrides: Partial<Instance> = {}): Instance {
  return {
    InstanceId: id,
    InstanceType: 'm5.xlarge',
    State: { Code: 16, Name: 'running' },
    LaunchTime: new Date('2026-01-15T08:30:00Z'),
    Platform: undefined,
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: `vol-${id.slice(2)}`, Status: 'attached' } }],
    Tags: [
      { Key: 'Name', Value: `web-${id.slice(-1)}` },
      { Key: 'team', Value: 'checkout' },
      { Key: 'aws:autoscaling:groupName', Value: 'web-asg' },
    ],
    ...overrides,
  };
}

function mockEmptyLambda(): void {
  lambda.on(ListFunctionsCommand).resolves({ Functions: [] });
}

describe('collectInventory', () => {
  it('pages DescribeInstances with NextToken and normalises instances with tags and ARNs', async () => {
    ec2
      .on(DescribeInstancesCommand, { NextToken: undefined })
      .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0aaaaaaaaaaaaaaa1')] }], NextToken: 'tok-2' })
      .on(DescribeInstancesCommand, { NextToken: 'tok-2' })
      .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0aaaaaaaaaaaaaaa2', { Platform: 'windows' as Instance['Platform'], State: { Code: 80, Name: 'stopped' } })] }] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(2);
    expect(ec2.commandCalls(DescribeInstancesCommand)[0].args[0].input).toMatchObject({ MaxResults: 1000 });
    const resources = await context.store.listResources();
    expect(resources).toHaveLength(2);
    const first = resources.find((r) => r.name === 'web-1');
    expect(first).toMatchObject({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0aaaaaaaaaaaaaaa1`,
      type: 'ec2:instance',
      account: ACCOUNT,
      region: 'us-east-1',
      tags: { team: 'checkout', Name: 'web-1' },
      config: { instanceType: 'm5.xlarge', state: 'running', platform: 'linux', launchTime: '2026-01-15T08:30:00.000Z', autoScalingGroup: 'web-asg', volumeIds: ['vol-0aaaaaaaaaaaaaaa1'] },
    });
    expect(resources.find((r) => r.name === 'web-2')?.config).toMatchObject({ state: 'stopped', platform: 'windows' });
    expect(report.calls['ec2:DescribeInstances']).toBe(2);
    expect(report.itemsWritten.resources).toBe(2);
  });

  it('normalises EBS volumes, attached and unattached', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeVolumesCommand).resolves({
      Volumes: [
        { VolumeId: 'vol-1', VolumeType: 'gp2', Size: 100, Iops: 300, State: 'in-use', Attachments: [{ InstanceId: 'i-1', State: 'attached' }], CreateTime: new Date('2025-02-01T00:00:00Z') },
        { VolumeId: 'vol-2', VolumeType: 'gp3', Size: 500, Iops: 3000, Throughput: 125, State: 'available', Attachments: [], Tags: [{ Key: 'Name', Value: 'old-data' }] },
      ],
    });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectInventory(context);

    const volumes = (await context.store.listResources()).filter((r) => r.type === 'ebs:volume');
    expect(volumes.find((v) => v.name === 'vol-1')).toMatchObject({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1`,
      config: { volumeType: 'gp2', sizeGiB: 100, iops: 300, state: 'in-use', attachedInstanceId: 'i-1', createTime: '2025-02-01T00:00:00.000Z' },
    });
    expect(volumes.find((v) => v.name === 'old-data')?.config).toMatchObject({ volumeType: 'gp3', state: 'available', throughputMiBps: 125 });
  });

  it('pages ListFunctions with Marker/NextMarker, fetches tags per function and keys on the unqualified ARN', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    const fn = (name: string, extra = {}) => ({
      FunctionName: name,
      FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`,
      Runtime: 'nodejs20.x' as const,
      MemorySize: 1024,
      Timeout: 30,
      Architectures: ['arm64' as const],
      ...extra,
    });
    lambda
      .on(ListFunctionsCommand, { Marker: undefined })
      .resolves({ Functions: [fn('api-a')], NextMarker: 'm-2' })
      .on(ListFunctionsCommand, { Marker: 'm-2' })
      .resolves({ Functions: [fn('api-b', { Runtime: undefined, PackageType: 'Image', Architectures: undefined })] });
    lambda.on(ListTagsCommand).callsFake((input: { Resource: string }) => ({ Tags: { team: input.Resource.endsWith('api-a') ? 'mobile' : 'data' } }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(lambda.commandCalls(ListFunctionsCommand).map((c) => c.args[0].input)).toEqual([
      { MaxItems: 50, Marker: undefined },
      { MaxItems: 50, Marker: 'm-2' },
    ]);
    const functions = await context.store.listResources();
    expect(functions.find((f) => f.name === 'api-a')).toMatchObject({
      arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:api-a`,
      type: 'lambda:function',
      tags: { team: 'mobile' },
      config: { memoryMb: 1024, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs20.x' },
    });
    expect(functions.find((f) => f.name === 'api-b')?.config).toMatchObject({ architecture: 'x86_64', runtime: 'image' });
    expect(report.calls['lambda:ListTags']).toBe(2);
  });

  it('records a denied region as an issue and carries on with the next region', async () => {
    ec2.on(DescribeInstancesCommand).callsFake(async () => {
      // Denied in eu-west-1 by an SCP; us-east-1 answers.
      const region = await ec2.send.thisValues.at(-1)?.config.region();
      if (region === 'eu-west-1') throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $fault: 'client', $metadata: { httpStatusCode: 403 } });
      return { Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0bbbbbbbbbbbbbbb1')] }] };
    });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['eu-west-1', 'us-east-1'] });

    const report = await collectInventory(context);

    expect(report.issues).toEqual([
      { source: 'inventory', account: ACCOUNT, region: 'eu-west-1', service: 'ec2', operation: 'DescribeInstances', code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' },
    ]);
    expect((await context.store.listResources()).map((r) => r.region)).toEqual(['us-east-1']);
    expect(await context.store.listIssues()).toHaveLength(1);
  });

  it('skips an item the engine cannot use and says why, keeping the rest', async () => {
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0ccccccccccccccc1'), instance('i-0ccccccccccccccc2', { State: { Code: 99, Name: 'hibernating' as never } })] }],
    });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(report.itemsWritten.resources).toBe(1);
    expect(report.issues[0]).toMatchObject({ code: 'UnsupportedResourceShape' });
    expect(report.issues[0].message).toMatch(/i-0ccccccccccccccc2.*state/);
  });

  it('removes an instance the next complete listing no longer returns, with its series, and keeps other types', async () => {
    const gone = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0ddddddddddddddd2`;
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0ddddddddddddddd1'), instance('i-0ddddddddddddddd2')] }] })
      .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0ddddddddddddddd1')] }] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-0e1', VolumeType: 'gp3', Size: 10, State: 'available' }] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await collectInventory(context);
    await context.store.putSeries([{ resourceArn: gone, namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Maximum', periodSec: 300, timestamps: [0], values: [1] }]);

    const report = await collectInventory(context);

    expect((await context.store.listResources()).map((r) => r.name).sort()).toEqual(['vol-0e1', 'web-1']);
    expect(await context.store.getSeries(gone)).toEqual([]);
    expect(report.itemsWritten['resources-removed']).toBe(1);
  });

  it('keeps the stored inventory of a unit that was denied or skipped an item this time', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0eeeeeeeeeeeeee1'), instance('i-0eeeeeeeeeeeeee2')] }] })
      .rejectsOnce(denied)
      .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0eeeeeeeeeeeeee1', { State: { Code: 99, Name: 'hibernating' as never } })] }] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await collectInventory(context);

    await collectInventory(context);
    expect(await context.store.listResources()).toHaveLength(2);
    await collectInventory(context);
    expect(await context.store.listResources()).toHaveLength(2);
  });

  it('inventories a function untagged, with an issue, when its ListTags is denied', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    const fn = (name: string) => ({ FunctionName: name, FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`, Runtime: 'nodejs20.x' as const, MemorySize: 512, Timeout: 10 });
    lambda.on(ListFunctionsCommand).resolves({ Functions: [fn('tagless'), fn('tagged')] });
    lambda.on(ListTagsCommand).callsFake((input: { Resource: string }) => {
      if (input.Resource.endsWith('tagless')) throw Object.assign(new Error('no lambda:ListTags'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 } });
      return { Tags: { team: 'data' } };
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    const functions = await context.store.listResources();
    expect(functions.map((f) => [f.name, f.tags])).toEqual([
      ['tagged', { team: 'data' }],
      ['tagless', {}],
    ]);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'AccessDeniedException', message: expect.stringMatching(/function:tagless/) })]);
  });

  it('fails instead of recording an issue when writing to the store fails', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-0fffffffffffffff1')] }] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    const tableError = Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    context.store.replaceResources = () => Promise.reject(tableError);

    await expect(collectInventory(context)).rejects.toThrow('Requested resource not found');
  });

  it('pages RDS (Marker), DynamoDB (LastEvaluatedTableName) and log groups (nextToken) into typed resources', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    mockEmptyLambda();
    rds
      .on(DescribeDBInstancesCommand, { Marker: undefined })
      .resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders`, DBInstanceClass: 'db.r6g.large', Engine: 'postgres', AllocatedStorage: 200, MultiAZ: true, DBInstanceStatus: 'available', TagList: [{ Key: 'team', Value: 'checkout' }] }], Marker: 'r2' })
      .on(DescribeDBInstancesCommand, { Marker: 'r2' })
      .resolves({ DBInstances: [{ DBInstanceIdentifier: 'reports', DBInstanceClass: 'db.t3.medium', Engine: 'mysql', AllocatedStorage: 20, MultiAZ: false, DBInstanceStatus: 'stopped' }] });
    dynamodb
      .on(ListTablesCommand, { ExclusiveStartTableName: undefined })
      .resolves({ TableNames: ['carts'], LastEvaluatedTableName: 'carts' })
      .on(ListTablesCommand, { ExclusiveStartTableName: 'carts' })
      .resolves({ TableNames: ['sessions'] });
    dynamodb.on(DescribeTableCommand, { TableName: 'carts' }).resolves({
      Table: { TableName: 'carts', TableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/carts`, ProvisionedThroughput: { ReadCapacityUnits: 500, WriteCapacityUnits: 100 }, TableSizeBytes: 1e9 },
    });
    dynamodb.on(DescribeTableCommand, { TableName: 'sessions' }).resolves({
      Table: { TableName: 'sessions', TableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/sessions`, BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } },
    });
    dynamodb.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'team', Value: 'identity' }] });
    logs
      .on(DescribeLogGroupsCommand, { nextToken: undefined })
      .resolves({ logGroups: [{ logGroupName: '/aws/lambda/api', arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api:*`, storedBytes: 5e9 }], nextToken: 'l2' })
      .on(DescribeLogGroupsCommand, { nextToken: 'l2' })
      .resolves({ logGroups: [{ logGroupName: '/app/web', logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/web`, retentionInDays: 30, storedBytes: 1 }] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    const byName = new Map((await context.store.listResources()).map((r) => [r.name, r]));
    expect(byName.get('orders')).toMatchObject({ type: 'rds:db-instance', tags: { team: 'checkout' }, config: { instanceClass: 'db.r6g.large', engine: 'postgres', storageGiB: 200, multiAz: true, status: 'available' } });
    expect(byName.get('reports')?.arn).toBe(`arn:aws:rds:us-east-1:${ACCOUNT}:db:reports`);
    expect(byName.get('carts')).toMatchObject({ type: 'dynamodb:table', tags: { team: 'identity' }, config: { billingMode: 'PROVISIONED', readCapacityUnits: 500, writeCapacityUnits: 100 } });
    expect(byName.get('sessions')?.config).toMatchObject({ billingMode: 'PAY_PER_REQUEST' });
    expect(byName.get('sessions')?.config).not.toHaveProperty('readCapacityUnits');
    expect(byName.get('/aws/lambda/api')).toMatchObject({ arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api`, config: { storedBytes: 5e9 } });
    expect(byName.get('/aws/lambda/api')?.config).not.toHaveProperty('retentionDays');
    expect(byName.get('/app/web')?.config).toMatchObject({ retentionDays: 30 });
    expect(report.calls).toMatchObject({ 'rds:DescribeDBInstances': 2, 'dynamodb:ListTables': 2, 'dynamodb:DescribeTable': 2, 'logs:DescribeLogGroups': 2 });
  });
});
