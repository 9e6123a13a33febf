import type { GetMetricDataCommandInput, GetMetricDataCommandOutput, ListMetricsCommandInput, ListMetricsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { GetProductsCommandInput, GetProductsCommandOutput } from '@aws-sdk/client-pricing';
import type {
  GetAutoScalingGroupRecommendationsCommandInput,
  GetAutoScalingGroupRecommendationsCommandOutput,
  GetECSServiceRecommendationsCommandInput,
  GetECSServiceRecommendationsCommandOutput,
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
  GetReservationCoverageCommandInput,
  GetReservationCoverageCommandOutput,
  GetSavingsPlansCoverageCommandInput,
  GetSavingsPlansCoverageCommandOutput,
  GetSavingsPlansUtilizationCommandInput,
  GetSavingsPlansUtilizationCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type {
  DescribeLogGroupsCommandInput,
  DescribeLogGroupsCommandOutput,
  ListTagsForResourceCommandInput as ListLogGroupTagsCommandInput,
  ListTagsForResourceCommandOutput as ListLogGroupTagsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import type {
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  ListTablesCommandInput,
  ListTablesCommandOutput,
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type {
  DescribeAddressesCommandInput,
  DescribeAddressesCommandOutput,
  DescribeImagesCommandInput,
  DescribeImagesCommandOutput,
  DescribeInstancesCommandInput,
  DescribeInstancesCommandOutput,
  DescribeNatGatewaysCommandInput,
  DescribeNatGatewaysCommandOutput,
  DescribeSnapshotsCommandInput,
  DescribeSnapshotsCommandOutput,
  DescribeVolumesCommandInput,
  DescribeVolumesCommandOutput,
} from '@aws-sdk/client-ec2';
import type {
  DescribeLoadBalancersCommandInput,
  DescribeLoadBalancersCommandOutput,
  DescribeTagsCommandInput as DescribeElbTagsCommandInput,
  DescribeTagsCommandOutput as DescribeElbTagsCommandOutput,
  DescribeTargetGroupsCommandInput,
  DescribeTargetGroupsCommandOutput,
  DescribeTargetHealthCommandInput,
  DescribeTargetHealthCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  ListFunctionsCommandInput,
  ListFunctionsCommandOutput,
  ListTagsCommandInput,
  ListTagsCommandOutput,
} from '@aws-sdk/client-lambda';
import type { DescribeDBInstancesCommandInput, DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type {
  DescribeServicesCommandInput,
  DescribeServicesCommandOutput,
  DescribeTaskDefinitionCommandInput,
  DescribeTaskDefinitionCommandOutput,
  ListClustersCommandInput,
  ListClustersCommandOutput,
  ListServicesCommandInput,
  ListServicesCommandOutput,
} from '@aws-sdk/client-ecs';
import type {
  DescribeCacheClustersCommandInput,
  DescribeCacheClustersCommandOutput,
  ListTagsForResourceCommandInput as ListCacheTagsCommandInput,
  ListTagsForResourceCommandOutput as ListCacheTagsCommandOutput,
} from '@aws-sdk/client-elasticache';
import type { GetRestApisCommandInput, GetRestApisCommandOutput } from '@aws-sdk/client-api-gateway';
import type { GetApisCommandInput, GetApisCommandOutput } from '@aws-sdk/client-apigatewayv2';
import type { StorageDataInventoryPort } from './inventory/storage-data-port.js';

/**
 * Ports at the SDK-command level: one method per AWS API call, with the SDK's own input and output
 * types. Every piece of collector logic (batching, paging, merging, normalising) sits above these
 * ports, so it runs unchanged against AWS (aws/aws-ports.ts: `client.send(new XCommand(input))`) and
 * against the sample account (lambdas/local/sample-account/*-port.ts).
 */
export interface CloudWatchPort {
  getMetricData(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput>;
  /** Finds which optional metrics (CWAgent, LambdaInsights) exist and with which exact dimensions. */
  listMetrics(input: ListMetricsCommandInput): Promise<ListMetricsCommandOutput>;
}

export interface CostExplorerPort {
  getCostAndUsage(input: GetCostAndUsageCommandInput): Promise<GetCostAndUsageCommandOutput>;
  getCostForecast(input: GetCostForecastCommandInput): Promise<GetCostForecastCommandOutput>;
  /** Existing commitments: what Savings Plans covered (NextToken-paged), how much of them was used, what RIs covered (NextPageToken-paged). */
  getSavingsPlansCoverage(input: GetSavingsPlansCoverageCommandInput): Promise<GetSavingsPlansCoverageCommandOutput>;
  getSavingsPlansUtilization(input: GetSavingsPlansUtilizationCommandInput): Promise<GetSavingsPlansUtilizationCommandOutput>;
  getReservationCoverage(input: GetReservationCoverageCommandInput): Promise<GetReservationCoverageCommandOutput>;
}

export interface ComputeOptimizerPort {
  getEC2InstanceRecommendations(input: GetEC2InstanceRecommendationsCommandInput): Promise<GetEC2InstanceRecommendationsCommandOutput>;
  getEBSVolumeRecommendations(input: GetEBSVolumeRecommendationsCommandInput): Promise<GetEBSVolumeRecommendationsCommandOutput>;
  getLambdaFunctionRecommendations(
    input: GetLambdaFunctionRecommendationsCommandInput,
  ): Promise<GetLambdaFunctionRecommendationsCommandOutput>;
  getAutoScalingGroupRecommendations(
    input: GetAutoScalingGroupRecommendationsCommandInput,
  ): Promise<GetAutoScalingGroupRecommendationsCommandOutput>;
  getECSServiceRecommendations(input: GetECSServiceRecommendationsCommandInput): Promise<GetECSServiceRecommendationsCommandOutput>;
}

/** The AWS Price List Query API (served from us-east-1 in the `aws` partition). */
export interface PricingPort {
  getProducts(input: GetProductsCommandInput): Promise<GetProductsCommandOutput>;
}

/** S3, Kinesis, SQS and Step Functions calls: inventory/storage-data-port.ts. */
export interface InventoryPort extends StorageDataInventoryPort {
  describeInstances(input: DescribeInstancesCommandInput): Promise<DescribeInstancesCommandOutput>;
  describeVolumes(input: DescribeVolumesCommandInput): Promise<DescribeVolumesCommandOutput>;
  describeSnapshots(input: DescribeSnapshotsCommandInput): Promise<DescribeSnapshotsCommandOutput>;
  /** Own AMIs: their block-device mappings name the snapshots they are built from. */
  describeImages(input: DescribeImagesCommandInput): Promise<DescribeImagesCommandOutput>;
  describeAddresses(input: DescribeAddressesCommandInput): Promise<DescribeAddressesCommandOutput>;
  describeNatGateways(input: DescribeNatGatewaysCommandInput): Promise<DescribeNatGatewaysCommandOutput>;
  /** ELBv2 (application, network, gateway load balancers). */
  describeLoadBalancers(input: DescribeLoadBalancersCommandInput): Promise<DescribeLoadBalancersCommandOutput>;
  /** ELBv2 DescribeTags (load balancer tags): at most 20 ARNs per call. Named like the API so calls are counted as elasticloadbalancing:DescribeTags. */
  describeTags(input: DescribeElbTagsCommandInput): Promise<DescribeElbTagsCommandOutput>;
  describeTargetGroups(input: DescribeTargetGroupsCommandInput): Promise<DescribeTargetGroupsCommandOutput>;
  describeTargetHealth(input: DescribeTargetHealthCommandInput): Promise<DescribeTargetHealthCommandOutput>;
  listFunctions(input: ListFunctionsCommandInput): Promise<ListFunctionsCommandOutput>;
  /** Lambda's ListFunctions carries no tags; ListTags fetches them per function (a free API). */
  listLambdaTags(input: ListTagsCommandInput): Promise<ListTagsCommandOutput>;
  describeDBInstances(input: DescribeDBInstancesCommandInput): Promise<DescribeDBInstancesCommandOutput>;
  listTables(input: ListTablesCommandInput): Promise<ListTablesCommandOutput>;
  describeTable(input: DescribeTableCommandInput): Promise<DescribeTableCommandOutput>;
  listTagsOfResource(input: ListTagsOfResourceCommandInput): Promise<ListTagsOfResourceCommandOutput>;
  describeLogGroups(input: DescribeLogGroupsCommandInput): Promise<DescribeLogGroupsCommandOutput>;
  /** CloudWatch Logs ListTagsForResource (a log group's tags; DescribeLogGroups carries none). */
  listTagsForResource(input: ListLogGroupTagsCommandInput): Promise<ListLogGroupTagsCommandOutput>;
  /** API Gateway REST APIs (position-paged; each item carries its tags). */
  getRestApis(input: GetRestApisCommandInput): Promise<GetRestApisCommandOutput>;
  /** API Gateway v2 HTTP and WebSocket APIs (NextToken-paged; each item carries its Tags). */
  getApis(input: GetApisCommandInput): Promise<GetApisCommandOutput>;
  /** ECS ListClusters (nextToken, maxResults ≤ 100). */
  listClusters(input: ListClustersCommandInput): Promise<ListClustersCommandOutput>;
  /** ECS ListServices of one cluster (nextToken, maxResults ≤ 100). */
  listServices(input: ListServicesCommandInput): Promise<ListServicesCommandOutput>;
  /** ECS DescribeServices: at most 10 services of one cluster per call; `include: ['TAGS']` returns their tags. */
  describeServices(input: DescribeServicesCommandInput): Promise<DescribeServicesCommandOutput>;
  /** ECS DescribeTaskDefinition: the task size and runtime platform of a service's revision. */
  describeTaskDefinition(input: DescribeTaskDefinitionCommandInput): Promise<DescribeTaskDefinitionCommandOutput>;
  /** ElastiCache DescribeCacheClusters (Marker, MaxRecords 20–100). */
  describeCacheClusters(input: DescribeCacheClustersCommandInput): Promise<DescribeCacheClustersCommandOutput>;
  /** ElastiCache ListTagsForResource (a cluster's tags; DescribeCacheClusters carries none). Counted as elasticache:ListTagsForResource. */
  listCacheTags(input: ListCacheTagsCommandInput): Promise<ListCacheTagsCommandOutput>;
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
  /** The Price List API; absent where there is none (the sample account): prices fall back to the bundled catalogue. */
  pricing?: PricingPort;
  throttles?: ThrottleMeter;
}

/** Gives the ports for an account and region (assuming a member-account role where needed). */
export type PortsFor = (account: string, region: string) => CollectorPorts;
