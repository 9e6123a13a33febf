/**
 * The read-only IAM actions of the collectors: ONE list, from which the stack grants each collector function its
 * actions and the member stack builds the role the collectors assume in member accounts. Plain data (no CDK).
 *
 * `PORT_ACTIONS` lists, per collector port (lambdas/collectors/ports.ts), the IAM action of every SDK command its
 * AWS adapter sends (lambdas/collectors/aws/*-adapter.ts). test/lib/collector-permissions.test.ts calls every method
 * of every adapter and fails when a command is missing here or an action here is sent by no method.
 *
 * None of these APIs supports resource-level permissions for the calls we make (they list or describe everything in
 * a region), so they are granted on `*`; there is no write action among them.
 */

/** The collector ports an AWS adapter exists for (keys of `PortBuilders` in lambdas/collectors/aws/aws-ports.ts). */
export type CollectorPortKey = 'cloudwatch' | 'costExplorer' | 'computeOptimizer' | 'inventory' | 'pricing';

export const PORT_ACTIONS: Record<CollectorPortKey, readonly string[]> = {
  cloudwatch: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  costExplorer: ['ce:GetCostAndUsage', 'ce:GetCostForecast', 'ce:GetSavingsPlansCoverage', 'ce:GetSavingsPlansUtilization', 'ce:GetReservationCoverage'],
  computeOptimizer: [
    'compute-optimizer:GetEC2InstanceRecommendations',
    'compute-optimizer:GetEBSVolumeRecommendations',
    'compute-optimizer:GetLambdaFunctionRecommendations',
    'compute-optimizer:GetAutoScalingGroupRecommendations',
    'compute-optimizer:GetECSServiceRecommendations',
  ],
  inventory: [
    'ec2:DescribeInstances',
    'ec2:DescribeVolumes',
    'ec2:DescribeSnapshots',
    'ec2:DescribeImages',
    'ec2:DescribeAddresses',
    'ec2:DescribeNatGateways',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    'lambda:ListFunctions',
    'lambda:ListTags',
    'rds:DescribeDBInstances',
    'dynamodb:ListTables',
    'dynamodb:DescribeTable',
    'dynamodb:ListTagsOfResource',
    'logs:DescribeLogGroups',
    'logs:ListTagsForResource',
    'apigateway:GET',
    's3:ListAllMyBuckets',
    's3:GetLifecycleConfiguration',
    's3:GetBucketVersioning',
    's3:GetBucketTagging',
    's3:GetMetricsConfiguration',
    's3:ListBucketMultipartUploads',
    'kinesis:ListStreams',
    'kinesis:DescribeStreamSummary',
    'kinesis:ListTagsForStream',
    'sqs:ListQueues',
    'sqs:GetQueueAttributes',
    'sqs:ListQueueTags',
    'states:ListStateMachines',
    'states:DescribeStateMachine',
    'ecs:ListClusters',
    'ecs:ListServices',
    'ecs:DescribeServices',
    'ecs:DescribeTaskDefinition',
    'elasticache:DescribeCacheClusters',
    'elasticache:ListTagsForResource',
  ],
  pricing: ['pricing:GetProducts'],
};

/**
 * Counted calls (`<prefix>:<Operation>`, as the call meter names them) whose IAM action is named otherwise: API
 * Gateway's control plane (v1 and v2) is authorized by HTTP verb on a resource path, so GetRestApis (GET /restapis)
 * and GetApis (GET /v2/apis) both need `apigateway:GET`.
 */
export const IAM_ACTION_OF_CALL: Readonly<Record<string, string>> = {
  'apigateway:GetRestApis': 'apigateway:GET',
  'apigateway:GetApis': 'apigateway:GET',
  // S3 names several bucket-configuration actions differently from their API operations.
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3:ListBucketMetricsConfigurations': 's3:GetMetricsConfiguration',
  's3:ListMultipartUploads': 's3:ListBucketMultipartUploads',
};

/** The IAM action a counted call needs: its own name unless IAM_ACTION_OF_CALL says otherwise. */
export function iamActionOfCall(call: string): string {
  return IAM_ACTION_OF_CALL[call] ?? call;
}

/**
 * Actions IAM also evaluates when a listed action runs (the "dependent actions" of the Service Authorization
 * Reference): Compute Optimizer reads the instances and Auto Scaling groups on the caller's behalf.
 */
export const DEPENDENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'compute-optimizer:GetEC2InstanceRecommendations': ['ec2:DescribeInstances'],
  'compute-optimizer:GetAutoScalingGroupRecommendations': ['autoscaling:DescribeAutoScalingGroups'],
};

export const COLLECTOR_ROLES = ['collect-cloudwatch', 'collect-cost-explorer', 'collect-compute-optimizer', 'collect-inventory', 'collect-pricing'] as const;
export type CollectorRole = (typeof COLLECTOR_ROLES)[number];

/** The ports each collector function wires (the builders its handler passes to getCollectorRuntime). */
export const COLLECTOR_PORTS: Record<CollectorRole, readonly CollectorPortKey[]> = {
  'collect-cloudwatch': ['cloudwatch'],
  'collect-cost-explorer': ['costExplorer'],
  'collect-compute-optimizer': ['computeOptimizer'],
  'collect-inventory': ['inventory'],
  'collect-pricing': ['pricing'],
};

/** The actions a set of ports needs, with their dependent actions, sorted and without duplicates. */
export function actionsOfPorts(ports: readonly CollectorPortKey[]): string[] {
  const actions = ports.flatMap((port) => PORT_ACTIONS[port]);
  return [...new Set(actions.flatMap((action) => [action, ...(DEPENDENT_ACTIONS[action] ?? [])]))].sort();
}

/** Read-only actions each collector function is granted in the Headroom account. */
export const COLLECTOR_READ_ACTIONS: Record<CollectorRole, readonly string[]> = Object.fromEntries(
  COLLECTOR_ROLES.map((role) => [role, actionsOfPorts(COLLECTOR_PORTS[role])]),
) as unknown as Record<CollectorRole, readonly string[]>;

/**
 * What the member role allows: every port's actions, since any collector (and `headroom scan`) may read a member
 * account through it — Cost Explorer included, as the cost collector calls it through the first listed account.
 */
export const MEMBER_ROLE_READ_ACTIONS: readonly string[] = actionsOfPorts(Object.keys(PORT_ACTIONS) as CollectorPortKey[]);

/** Granted to every collector only when `accounts` is `organizations`: each lists the organization's accounts. */
export const ACCOUNT_DISCOVERY_ACTIONS: readonly string[] = ['organizations:ListAccounts'];

/**
 * IAM path of the collector functions' roles. The member role trusts only roles under this path in the Headroom
 * account (`aws:PrincipalArn`), not the whole account.
 */
export const COLLECTOR_ROLE_PATH = '/headroom/collector/';

/** Member role name when the configuration sets none (the member stack's default; the collectors need it set). */
export const DEFAULT_MEMBER_ROLE_NAME = 'HeadroomReadOnly';
