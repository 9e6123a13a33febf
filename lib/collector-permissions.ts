import type { HandlerRole } from './handlers.js';

/**
 * Read-only IAM actions each collector needs. None of these APIs supports resource-level permissions for the
 * calls we make (they list or describe everything in a region), so they are granted on `*`; there is no write
 * action among them. Cross-account access is a separate `sts:AssumeRole` on the member role only.
 */
export const COLLECTOR_READ_ACTIONS = {
  'collect-cloudwatch': ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  'collect-cost-explorer': ['ce:GetCostAndUsage', 'ce:GetCostForecast'],
  'collect-compute-optimizer': [
    'compute-optimizer:GetEnrollmentStatus',
    'compute-optimizer:GetEC2InstanceRecommendations',
    'compute-optimizer:GetEBSVolumeRecommendations',
    'compute-optimizer:GetLambdaFunctionRecommendations',
    'compute-optimizer:GetAutoScalingGroupRecommendations',
    'compute-optimizer:GetECSServiceRecommendations',
    'compute-optimizer:GetRDSDatabaseRecommendations',
    'compute-optimizer:GetIdleRecommendations',
    // Compute Optimizer reads these on the caller's behalf when building EC2/ASG recommendations.
    'ec2:DescribeInstances',
    'autoscaling:DescribeAutoScalingGroups',
  ],
  'collect-inventory': [
    'ec2:DescribeInstances',
    'ec2:DescribeInstanceTypes',
    'ec2:DescribeVolumes',
    'ec2:DescribeSnapshots',
    'ec2:DescribeAddresses',
    'ec2:DescribeNatGateways',
    'lambda:ListFunctions',
    'lambda:ListTags',
    'lambda:GetFunctionConfiguration',
    'rds:DescribeDBInstances',
    'rds:DescribeDBClusters',
    'dynamodb:ListTables',
    'dynamodb:DescribeTable',
    'dynamodb:ListTagsOfResource',
    'application-autoscaling:DescribeScalableTargets',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTags',
    'logs:DescribeLogGroups',
    'tag:GetResources',
  ],
} as const satisfies Partial<Record<HandlerRole, readonly string[]>>;

export type CollectorRole = keyof typeof COLLECTOR_READ_ACTIONS;
