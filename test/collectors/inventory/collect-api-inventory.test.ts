import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
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
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import '../helpers/empty-containers-db.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectInventory } from '../../../lambdas/collectors/inventory/collect-inventory.js';
import { ACCOUNT, testContext } from '../helpers/context.js';
import { emptyStorageDataServices } from '../helpers/storage-data-mocks.js';

const apiGateway = mockClient(APIGatewayClient);
const apiGatewayV2 = mockClient(ApiGatewayV2Client);
const ec2 = mockClient(EC2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
const lambda = mockClient(LambdaClient);
const rds = mockClient(RDSClient);
const dynamodb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const allMocks = [apiGateway, apiGatewayV2, ec2, elb, lambda, rds, dynamodb, logs];

beforeEach(() => {
  emptyStorageDataServices();
  // Every other service answers with an empty inventory.
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
  for (const mock of allMocks) mock.reset();
});

/** GetRestApis pages in the API reference's shape (`items`, `position`), tags inline. */
function mockRestApiPages(): void {
  apiGateway
    .on(GetRestApisCommand, { position: undefined })
    .resolves({
      items: [
        {
          id: 'fugvjdxtri',
          name: 'orders-api',
          createdDate: new Date('2025-03-01T10:00:00Z'),
          apiKeySource: 'HEADER',
          endpointConfiguration: { types: ['REGIONAL'] },
          rootResourceId: 'h3ib0lk2m4',
          tags: { team: 'checkout', env: 'prod' },
        },
      ],
      position: 'cG9zaXRpb24tMg==',
    })
    .on(GetRestApisCommand, { position: 'cG9zaXRpb24tMg==' })
    .resolves({ items: [{ id: 'x1y2z3a4b5', name: 'legacy-api', createdDate: new Date('2019-07-04T00:00:00Z'), endpointConfiguration: { types: ['EDGE'] } }] });
}

/** GetApis pages in the API reference's shape (`Items`, `NextToken`), Tags inline. */
function mockV2ApiPages(): void {
  apiGatewayV2
    .on(GetApisCommand, { NextToken: undefined })
    .resolves({
      Items: [
        {
          ApiEndpoint: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
          ApiId: 'a1b2c3d4e5',
          ApiKeySelectionExpression: '$request.header.x-api-key',
          CreatedDate: new Date('2026-01-10T08:00:00Z'),
          DisableExecuteApiEndpoint: false,
          Name: 'catalog-http',
          ProtocolType: 'HTTP',
          RouteSelectionExpression: '$request.method $request.path',
          Tags: { team: 'catalog' },
        },
      ],
      NextToken: 'eyJuZXh0IjoyfQ==',
    })
    .on(GetApisCommand, { NextToken: 'eyJuZXh0IjoyfQ==' })
    .resolves({
      Items: [
        { ApiId: 'w5s6t7u8v9', Name: 'chat-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', CreatedDate: new Date('2026-02-01T00:00:00Z') },
      ],
    });
}

describe('collectInventory: API Gateway APIs', () => {
  it('pages REST APIs by position and HTTP/WebSocket APIs by NextToken, keeping their tags and protocol', async () => {
    mockRestApiPages();
    mockV2ApiPages();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(apiGateway.commandCalls(GetRestApisCommand).map((c) => c.args[0].input)).toEqual([
      { limit: 500, position: undefined },
      { limit: 500, position: 'cG9zaXRpb24tMg==' },
    ]);
    expect(apiGatewayV2.commandCalls(GetApisCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'eyJuZXh0IjoyfQ==']);
    expect(report.calls['apigateway:GetRestApis']).toBe(2);
    expect(report.calls['apigateway:GetApis']).toBe(2);
    expect(report.issues).toEqual([]);
    const apis = (await context.store.listResources()).filter((r) => r.type === 'apigateway:api').sort((a, b) => a.arn.localeCompare(b.arn));
    expect(apis).toEqual([
      {
        arn: 'arn:aws:apigateway:us-east-1::/apis/a1b2c3d4e5',
        type: 'apigateway:api',
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'catalog-http',
        tags: { team: 'catalog' },
        config: { protocol: 'HTTP', apiId: 'a1b2c3d4e5', createdDate: '2026-01-10T08:00:00.000Z' },
      },
      {
        arn: 'arn:aws:apigateway:us-east-1::/apis/w5s6t7u8v9',
        type: 'apigateway:api',
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'chat-ws',
        tags: {},
        config: { protocol: 'WEBSOCKET', apiId: 'w5s6t7u8v9', createdDate: '2026-02-01T00:00:00.000Z' },
      },
      {
        arn: 'arn:aws:apigateway:us-east-1::/restapis/fugvjdxtri',
        type: 'apigateway:api',
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'orders-api',
        tags: { team: 'checkout', env: 'prod' },
        config: { protocol: 'REST', apiId: 'fugvjdxtri', endpointType: 'REGIONAL', createdDate: '2025-03-01T10:00:00.000Z' },
      },
      {
        arn: 'arn:aws:apigateway:us-east-1::/restapis/x1y2z3a4b5',
        type: 'apigateway:api',
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'legacy-api',
        tags: {},
        config: { protocol: 'REST', apiId: 'x1y2z3a4b5', endpointType: 'EDGE', createdDate: '2019-07-04T00:00:00.000Z' },
      },
    ]);
  });

  it('builds ARNs in the partition of the region', async () => {
    apiGateway.on(GetRestApisCommand).resolves({ items: [{ id: 'cn0000rest', name: 'cn-api' }] });
    apiGatewayV2.on(GetApisCommand).resolves({ Items: [] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['cn-north-1'] });

    await collectInventory(context);

    expect((await context.store.listResources()).map((r) => r.arn)).toEqual(['arn:aws-cn:apigateway:cn-north-1::/restapis/cn0000rest']);
  });

  it('records a denied GetApis as an issue and keeps the APIs stored before, while other services are still listed', async () => {
    mockRestApiPages();
    mockV2ApiPages();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await collectInventory(context);
    apiGateway.reset();
    apiGatewayV2.reset();
    apiGateway.on(GetRestApisCommand).resolves({ items: [] });
    apiGatewayV2
      .on(GetApisCommand)
      .rejects(Object.assign(new Error('User: arn:aws:sts::111122223333:assumed-role/HeadroomReadOnly/s is not authorized to perform: apigateway:GET'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-049df61146c4d7901', VolumeType: 'gp3', Size: 8, State: 'available' }] });

    const report = await collectInventory(context);

    expect(report.issues).toEqual([
      {
        source: 'inventory',
        account: ACCOUNT,
        region: 'us-east-1',
        service: 'apigateway',
        operation: 'GetApis',
        code: 'AccessDeniedException',
        message: 'User: arn:aws:sts::111122223333:assumed-role/HeadroomReadOnly/s is not authorized to perform: apigateway:GET',
      },
    ]);
    const stored = await context.store.listResources();
    // The denied unit replaced nothing: all four APIs of the first run are still there (the empty REST page is not trusted).
    expect(stored.filter((r) => r.type === 'apigateway:api')).toHaveLength(4);
    expect(stored.filter((r) => r.type === 'ebs:volume').map((r) => r.name)).toEqual(['vol-049df61146c4d7901']);
  });

  it('skips an API it could not query metrics for (a REST API without name, an API without protocol) and says why', async () => {
    apiGateway.on(GetRestApisCommand).resolves({ items: [{ id: 'noname0001' }, { id: 'named00001', name: 'ok-api' }] });
    apiGatewayV2.on(GetApisCommand).resolves({ Items: [{ ApiId: 'noproto001', Name: 'mystery', ProtocolType: undefined, RouteSelectionExpression: undefined }] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectInventory(context);

    expect(report.issues.map((i) => [i.code, i.message.split(':')[0]])).toEqual([
      ['UnsupportedResourceShape', 'skipped noname0001'],
      ['UnsupportedResourceShape', 'skipped noproto001'],
    ]);
    expect((await context.store.listResources()).map((r) => r.name)).toEqual(['ok-api']);
  });
});
