import type { GetMetricDataCommandInput, GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import type {
  GetEBSVolumeRecommendationsCommandInput,
  GetEBSVolumeRecommendationsCommandOutput,
  GetEC2InstanceRecommendationsCommandInput,
  GetEC2InstanceRecommendationsCommandOutput,
  GetLambdaFunctionRecommendationsCommandInput,
  GetLambdaFunctionRecommendationsCommandOutput,
} from '@aws-sdk/client-compute-optimizer';
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
  GetCostForecastCommandInput,
  GetCostForecastCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type { DescribeLogGroupsCommandInput, DescribeLogGroupsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type {
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  ListTablesCommandInput,
  ListTablesCommandOutput,
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type {
  DescribeInstancesCommandInput,
  DescribeInstancesCommandOutput,
  DescribeVolumesCommandInput,
  DescribeVolumesCommandOutput,
} from '@aws-sdk/client-ec2';
import type {
  ListFunctionsCommandInput,
  ListFunctionsCommandOutput,
  ListTagsCommandInput,
  ListTagsCommandOutput,
} from '@aws-sdk/client-lambda';
import type { DescribeDBInstancesCommandInput, DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';

/**
 * Ports at the SDK-command level: one method per AWS API call, with the SDK's own input and output
 * types. Every piece of collector logic (batching, paging, merging, normalising) sits above these
 * ports, so it runs unchanged against AWS (aws/aws-ports.ts: `client.send(new XCommand(input))`) and
 * against the sample account (lambdas/local/sample-account/*-port.ts).
 */
export interface CloudWatchPort {
  getMetricData(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput>;
}

export interface CostExplorerPort {
  getCostAndUsage(input: GetCostAndUsageCommandInput): Promise<GetCostAndUsageCommandOutput>;
  getCostForecast(input: GetCostForecastCommandInput): Promise<GetCostForecastCommandOutput>;
}

export interface ComputeOptimizerPort {
  getEC2InstanceRecommendations(input: GetEC2InstanceRecommendationsCommandInput): Promise<GetEC2InstanceRecommendationsCommandOutput>;
  getEBSVolumeRecommendations(input: GetEBSVolumeRecommendationsCommandInput): Promise<GetEBSVolumeRecommendationsCommandOutput>;
  getLambdaFunctionRecommendations(
    input: GetLambdaFunctionRecommendationsCommandInput,
  ): Promise<GetLambdaFunctionRecommendationsCommandOutput>;
}

export interface InventoryPort {
  describeInstances(input: DescribeInstancesCommandInput): Promise<DescribeInstancesCommandOutput>;
  describeVolumes(input: DescribeVolumesCommandInput): Promise<DescribeVolumesCommandOutput>;
  listFunctions(input: ListFunctionsCommandInput): Promise<ListFunctionsCommandOutput>;
  /** Lambda's ListFunctions carries no tags; ListTags fetches them per function (a free API). */
  listLambdaTags(input: ListTagsCommandInput): Promise<ListTagsCommandOutput>;
  describeDBInstances(input: DescribeDBInstancesCommandInput): Promise<DescribeDBInstancesCommandOutput>;
  listTables(input: ListTablesCommandInput): Promise<ListTablesCommandOutput>;
  describeTable(input: DescribeTableCommandInput): Promise<DescribeTableCommandOutput>;
  listTagsOfResource(input: ListTagsOfResourceCommandInput): Promise<ListTagsOfResourceCommandOutput>;
  describeLogGroups(input: DescribeLogGroupsCommandInput): Promise<DescribeLogGroupsCommandOutput>;
}

/**
 * Counts throttling errors the SDK retried (or gave up on). The AWS adapters feed it from a
 * middleware that sees every attempt; sample ports never throttle and leave it out.
 */
export interface ThrottleMeter {
  total(): number;
}

/** Every port for one (account, region). */
export interface CollectorPorts {
  cloudwatch: CloudWatchPort;
  costExplorer: CostExplorerPort;
  computeOptimizer: ComputeOptimizerPort;
  inventory: InventoryPort;
  throttles?: ThrottleMeter;
}

/** Gives the ports for an account and region (assuming a member-account role where needed). */
export type PortsFor = (account: string, region: string) => CollectorPorts;
