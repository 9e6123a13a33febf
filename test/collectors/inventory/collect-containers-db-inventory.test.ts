import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { DescribeCacheClustersCommand, ElastiCacheClient, ListTagsForResourceCommand } from '@aws-sdk/client-elasticache';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectInventory } from '../../../lambdas/collectors/inventory/collect-inventory.js';
import { ACCOUNT, testContext } from '../helpers/context.js';
import { emptyStorageDataServices } from '../helpers/storage-data-mocks.js';

const ecs = mockClient(ECSClient);
const elastiCache = mockClient(ElastiCacheClient);
const ec2 = mockClient(EC2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
const lambda = mockClient(LambdaClient);
const rds = mockClient(RDSClient);
const dynamodb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const apiGateway = mockClient(APIGatewayClient);
const apiGatewayV2 = mockClient(ApiGatewayV2Client);
const allMocks = [ecs, elastiCache, ec2, elb, lambda, rds, dynamodb, logs, apiGateway, apiGatewayV2];

beforeEach(() => {
  emptyStorageDataServices();
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
  apiGateway.on(GetRestApisCommand).resolves({ items: [] });
  apiGatewayV2.on(GetApisCommand).resolves({ Items: [] });
  ecs.on(ListClustersCommand).resolves({ clusterArns: [] });
  elastiCache.on(DescribeCacheClustersCommand).resolves({ CacheClusters: [] });
});
afterEach(() => {
  for (const mock of allMocks) mock.reset();
});

const CLUSTER = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
const serviceArn = (n: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/svc-${n}`;
const TASK_DEF = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:12`;
const denied = (name: string) => Object.assign(new Error('not authorized'), { name, $fault: 'client', $metadata: { httpStatusCode: 403 } });

/** A DescribeServices service in the API reference's shape (lower-case tags). */
function service(n: number) {
  return {
    serviceArn: serviceArn(n),
    serviceName: `svc-${n}`,
    clusterArn: CLUSTER,
    status: 'ACTIVE',
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    launchType: 'FARGATE' as const,
    taskDefinition: TASK_DEF,
    schedulingStrategy: 'REPLICA' as const,
    tags: [{ key: 'team', value: 'checkout' }],
  };
}

describe('collectInventory: ECS services', () => {
  it('pages ListClusters and ListServices with nextToken, describes services 10 at a time and each task definition once', async () => {
    ecs
      .on(ListClustersCommand, { nextToken: undefined })
      .resolves({ clusterArns: [CLUSTER], nextToken: 'c2' })
      .on(ListClustersCommand, { nextToken: 'c2' })
      .resolves({ clusterArns: [] });
    const arns = Array.from({ length: 12 }, (_, i) => serviceArn(i));
    ecs
      .on(ListServicesCommand, { cluster: CLUSTER, nextToken: undefined })
      .resolves({ serviceArns: arns.slice(0, 7), nextToken: 's2' })
      .on(ListServicesCommand, { cluster: CLUSTER, nextToken: 's2' })
      .resolves({ serviceArns: arns.slice(7) });
    ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((arn) => service(Number(arn.split('-').pop()))),
      failures: [],
    }));
    ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: TASK_DEF,
        family: 'web',
        revision: 12,
        cpu: '1024',
        memory: '4096',
        runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
        containerDefinitions: [
          { name: 'app', image: 'app:1', cpu: 512, memory: 2048 },
          { name: 'sidecar', image: 'envoy:1', cpu: 0, memoryReservation: 256 },
        ],
      },
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    const describeCalls = ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input);
    expect(describeCalls.map((i) => i.services?.length)).toEqual([10, 2]);
    expect(describeCalls.every((i) => i.include?.includes('TAGS') && i.cluster === CLUSTER)).toBe(true);
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
    const services = (await context.store.listResources()).filter((r) => r.type === 'ecs:service');
    expect(services).toHaveLength(12);
    expect(services.find((s) => s.name === 'svc-3')).toMatchObject({
      arn: serviceArn(3),
      tags: { team: 'checkout' },
      config: { clusterName: 'prod', launchType: 'FARGATE', desiredCount: 3, taskCpuUnits: 1024, taskMemoryMiB: 4096, cpuArchitecture: 'X86_64', containerCpuUnits: 512, containerMemoryMiB: 2304 },
    });
    expect(report.calls['ecs:DescribeServices']).toBe(2);
    expect(report.calls['ecs:ListServices']).toBe(2);
  });

  it('keeps the stored services when DescribeServices reports a failure, with an issue', async () => {
    ecs.on(ListClustersCommand).resolves({ clusterArns: [CLUSTER] });
    ecs.on(ListServicesCommand).resolves({ serviceArns: [serviceArn(1), serviceArn(2)] });
    ecs.on(DescribeServicesCommand).resolves({ services: [service(1)], failures: [{ arn: serviceArn(2), reason: 'MISSING' }] });
    ecs.on(DescribeTaskDefinitionCommand).rejects(denied('AccessDeniedException'));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    const services = (await context.store.listResources()).filter((r) => r.type === 'ecs:service');
    expect(services.map((s) => s.name)).toEqual(['svc-1']);
    // The task definition could not be read: inventoried without a size.
    expect(services[0].config.taskCpuUnits).toBeUndefined();
    expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['MISSING', 'AccessDeniedException']));
  });
});

describe('collectInventory: ElastiCache clusters', () => {
  it('pages DescribeCacheClusters with Marker and reads each cluster’s tags', async () => {
    const cluster = (id: string, extra: Record<string, unknown> = {}) => ({
      CacheClusterId: id,
      ARN: `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:${id}`,
      CacheNodeType: 'cache.r6g.large',
      Engine: 'redis',
      EngineVersion: '7.1.0',
      CacheClusterStatus: 'available',
      NumCacheNodes: 1,
      ...extra,
    });
    elastiCache
      .on(DescribeCacheClustersCommand, { Marker: undefined })
      .resolves({ CacheClusters: [cluster('sessions-001', { ReplicationGroupId: 'sessions' })], Marker: 'm2' })
      .on(DescribeCacheClustersCommand, { Marker: 'm2' })
      .resolves({ CacheClusters: [cluster('pages', { Engine: 'memcached', EngineVersion: '1.6.22', NumCacheNodes: 3 })] });
    elastiCache.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: 'env', Value: 'prod' }] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(elastiCache.commandCalls(DescribeCacheClustersCommand)[0].args[0].input).toMatchObject({ MaxRecords: 100 });
    const caches = (await context.store.listResources()).filter((r) => r.type === 'elasticache:cluster');
    expect(caches.find((c) => c.name === 'sessions-001')).toMatchObject({ tags: { env: 'prod' }, config: { engine: 'redis', nodeType: 'cache.r6g.large', replicationGroupId: 'sessions', numNodes: 1 } });
    expect(caches.find((c) => c.name === 'pages')?.config).toMatchObject({ engine: 'memcached', numNodes: 3 });
    expect(report.calls['elasticache:ListTagsForResource']).toBe(2);
  });

  it('records a denied region as an issue and carries on with the other services', async () => {
    elastiCache.on(DescribeCacheClustersCommand).rejects(denied('AccessDenied'));
    ecs.on(ListClustersCommand).rejects(denied('AccessDeniedException'));
    rds.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [{ DBInstanceIdentifier: 'orders-replica', DBInstanceClass: 'db.m5.large', Engine: 'postgres', AllocatedStorage: 100, MultiAZ: false, DBInstanceStatus: 'available', StorageType: 'io1', Iops: 3000, ReadReplicaSourceDBInstanceIdentifier: 'orders' }],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['AccessDenied', 'AccessDeniedException']));
    const [db] = (await context.store.listResources()).filter((r) => r.type === 'rds:db-instance');
    expect(db.config).toMatchObject({ storageType: 'io1', iops: 3000, readReplicaSource: 'orders' });
  });
});
