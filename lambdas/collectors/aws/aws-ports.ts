import { CloudWatchClient, GetMetricDataCommand, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetLambdaFunctionRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import type { CollectorPorts, PortsFor } from '../ports.js';
import { CountingThrottleMeter } from './throttle-meter.js';

/** Static credentials or a provider, as every SDK v3 client accepts them. */
export type AwsCredentials = NonNullable<CloudWatchClientConfig['credentials']>;

/** How the AWS adapters build their SDK clients. */
export interface AwsPortsOptions {
  /**
   * Credentials for an account other than the caller's (assume-role into the member role).
   * Return undefined to use the SDK's default credential chain (the caller's own account).
   */
  credentialsFor?: (account: string) => AwsCredentials | undefined;
  /** Attempts per call including the first (the SDK's adaptive retry backs off between them). */
  maxAttempts?: number;
  /**
   * Cost Explorer is served from one region per partition (us-east-1 for `aws`); the SDK resolves its
   * endpoint from that region, so no endpoint is hard-coded and AWS_ENDPOINT_URL_COST_EXPLORER still wins.
   */
  costExplorerRegion?: string;
  /** Extra client configuration (tests pass a fake `requestHandler`). */
  clientConfig?: Record<string, unknown>;
}

/**
 * Real AWS ports: one SDK client per service per (account, region), built on first use and reused,
 * with the standard configuration chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL[_<SERVICE>]) and
 * `retryMode: 'adaptive'`. Every port method is `client.send(new XCommand(input))`; all logic is above.
 * Throttled attempts are counted per (account, region) by a middleware (see throttle-meter.ts).
 */
export function createAwsPortsFor(options: AwsPortsOptions = {}): PortsFor {
  const cache = new Map<string, CollectorPorts>();
  return (account, region) => {
    const key = `${account}/${region}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const ports = buildPorts(account, region, options);
    cache.set(key, ports);
    return ports;
  };
}

function buildPorts(account: string, region: string, options: AwsPortsOptions): CollectorPorts {
  const meter = new CountingThrottleMeter();
  const base = {
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 5,
    credentials: options.credentialsFor?.(account),
    ...options.clientConfig,
  };
  const cloudwatch = new CloudWatchClient({ ...base, region });
  const costExplorer = new CostExplorerClient({ ...base, region: options.costExplorerRegion ?? 'us-east-1' });
  const computeOptimizer = new ComputeOptimizerClient({ ...base, region });
  const ec2 = new EC2Client({ ...base, region });
  const lambda = new LambdaClient({ ...base, region });
  const rds = new RDSClient({ ...base, region });
  const dynamodb = new DynamoDBClient({ ...base, region });
  const logs = new CloudWatchLogsClient({ ...base, region });
  for (const client of [cloudwatch, costExplorer, computeOptimizer, ec2, lambda, rds, dynamodb, logs]) meter.attachTo(client);
  return {
    cloudwatch: { getMetricData: (input) => cloudwatch.send(new GetMetricDataCommand(input)) },
    costExplorer: {
      getCostAndUsage: (input) => costExplorer.send(new GetCostAndUsageCommand(input)),
      getCostForecast: (input) => costExplorer.send(new GetCostForecastCommand(input)),
    },
    computeOptimizer: {
      getEC2InstanceRecommendations: (input) => computeOptimizer.send(new GetEC2InstanceRecommendationsCommand(input)),
      getEBSVolumeRecommendations: (input) => computeOptimizer.send(new GetEBSVolumeRecommendationsCommand(input)),
      getLambdaFunctionRecommendations: (input) => computeOptimizer.send(new GetLambdaFunctionRecommendationsCommand(input)),
    },
    inventory: {
      describeInstances: (input) => ec2.send(new DescribeInstancesCommand(input)),
      describeVolumes: (input) => ec2.send(new DescribeVolumesCommand(input)),
      listFunctions: (input) => lambda.send(new ListFunctionsCommand(input)),
      listLambdaTags: (input) => lambda.send(new ListTagsCommand(input)),
      describeDBInstances: (input) => rds.send(new DescribeDBInstancesCommand(input)),
      listTables: (input) => dynamodb.send(new ListTablesCommand(input)),
      describeTable: (input) => dynamodb.send(new DescribeTableCommand(input)),
      listTagsOfResource: (input) => dynamodb.send(new ListTagsOfResourceCommand(input)),
      describeLogGroups: (input) => logs.send(new DescribeLogGroupsCommand(input)),
    },
    throttles: meter,
  };
}
