import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
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
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { DescribeCacheClustersCommand, ElastiCacheClient, ListTagsForResourceCommand as ListCacheTagsCommand } from '@aws-sdk/client-elasticache';
import type { InventoryPort } from '../ports.js';
import { clientOptions, meteredClient, type AdapterConfig } from './client-config.js';
import { awsStorageDataInventory } from './storage-data-inventory-adapter.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/** InventoryPort over the SDK: EC2, ELBv2, Lambda, RDS, DynamoDB, CloudWatch Logs, API Gateway (v1, v2), ECS and ElastiCache clients, one command per method. */
export function awsInventoryPort(config: AdapterConfig, meter: CountingThrottleMeter): InventoryPort {
  const ec2 = new EC2Client(clientOptions(config));
  const elb = new ElasticLoadBalancingV2Client(clientOptions(config));
  const lambda = new LambdaClient(clientOptions(config));
  const rds = new RDSClient(clientOptions(config));
  const dynamodb = new DynamoDBClient(clientOptions(config));
  const logs = new CloudWatchLogsClient(clientOptions(config));
  for (const client of [ec2, elb, lambda, rds, dynamodb, logs]) meter.attachTo(client);
  const apiGateway = meteredClient(APIGatewayClient, config, meter);
  const apiGatewayV2 = meteredClient(ApiGatewayV2Client, config, meter);
  const ecs = meteredClient(ECSClient, config, meter);
  const elastiCache = meteredClient(ElastiCacheClient, config, meter);
  return {
    ...awsStorageDataInventory(config, meter),
    describeInstances: (input) => ec2.send(new DescribeInstancesCommand(input)),
    describeVolumes: (input) => ec2.send(new DescribeVolumesCommand(input)),
    describeSnapshots: (input) => ec2.send(new DescribeSnapshotsCommand(input)),
    describeImages: (input) => ec2.send(new DescribeImagesCommand(input)),
    describeAddresses: (input) => ec2.send(new DescribeAddressesCommand(input)),
    describeNatGateways: (input) => ec2.send(new DescribeNatGatewaysCommand(input)),
    describeLoadBalancers: (input) => elb.send(new DescribeLoadBalancersCommand(input)),
    describeTags: (input) => elb.send(new DescribeTagsCommand(input)),
    describeTargetGroups: (input) => elb.send(new DescribeTargetGroupsCommand(input)),
    describeTargetHealth: (input) => elb.send(new DescribeTargetHealthCommand(input)),
    listFunctions: (input) => lambda.send(new ListFunctionsCommand(input)),
    listLambdaTags: (input) => lambda.send(new ListTagsCommand(input)),
    describeDBInstances: (input) => rds.send(new DescribeDBInstancesCommand(input)),
    listTables: (input) => dynamodb.send(new ListTablesCommand(input)),
    describeTable: (input) => dynamodb.send(new DescribeTableCommand(input)),
    listTagsOfResource: (input) => dynamodb.send(new ListTagsOfResourceCommand(input)),
    describeLogGroups: (input) => logs.send(new DescribeLogGroupsCommand(input)),
    listTagsForResource: (input) => logs.send(new ListTagsForResourceCommand(input)),
    getRestApis: (input) => apiGateway.send(new GetRestApisCommand(input)),
    getApis: (input) => apiGatewayV2.send(new GetApisCommand(input)),
    listClusters: (input) => ecs.send(new ListClustersCommand(input)),
    listServices: (input) => ecs.send(new ListServicesCommand(input)),
    describeServices: (input) => ecs.send(new DescribeServicesCommand(input)),
    describeTaskDefinition: (input) => ecs.send(new DescribeTaskDefinitionCommand(input)),
    describeCacheClusters: (input) => elastiCache.send(new DescribeCacheClustersCommand(input)),
    listCacheTags: (input) => elastiCache.send(new ListCacheTagsCommand(input)),
  };
}
