/**
 * SDK client class name -> IAM service prefix, so counted calls read like the IAM actions they need
 * (`ce:GetCostAndUsage`, `elasticloadbalancing:DescribeLoadBalancers`) and match the collectors' reports.
 */
const PREFIXES: Record<string, string> = {
  // API Gateway v1 and v2 share one IAM prefix (and their calls are authorized as `apigateway:GET`: collector-permissions.ts).
  APIGatewayClient: 'apigateway',
  ApiGatewayV2Client: 'apigateway',
  CloudWatchClient: 'cloudwatch',
  CloudWatchLogsClient: 'logs',
  ComputeOptimizerClient: 'compute-optimizer',
  CostExplorerClient: 'ce',
  DynamoDBClient: 'dynamodb',
  EC2Client: 'ec2',
  ECSClient: 'ecs',
  ElastiCacheClient: 'elasticache',
  ElasticLoadBalancingV2Client: 'elasticloadbalancing',
  LambdaClient: 'lambda',
  OrganizationsClient: 'organizations',
  PricingClient: 'pricing',
  RDSClient: 'rds',
  STSClient: 'sts',
  S3Client: 's3',
  // Step Functions' IAM prefix is `states`, not the client's name.
  SFNClient: 'states',
  KinesisClient: 'kinesis',
  SQSClient: 'sqs',
};

/** The IAM prefix of a client; an unlisted client falls back to its name without `Client`, lower-cased. */
export function iamServicePrefix(clientName: string): string {
  return PREFIXES[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
}
