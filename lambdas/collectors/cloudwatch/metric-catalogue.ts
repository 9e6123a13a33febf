import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { Resource, ResourceType } from '../../engine/types/snapshot.js';

/** One metric statistic the engine's rules read for a resource type. */
export interface MetricSpec {
  namespace: string;
  metricName: string;
  /** A CloudWatch statistic (Average, Maximum, Sum) or an extended statistic (p99). */
  stat: string;
  unit: string;
  dimensions(resource: Resource): Dimension[];
}

const lastArnSegment = (resource: Resource): string => resource.arn.split('/').pop() ?? resource.name;

const ec2 = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/EC2',
  metricName,
  stat,
  unit,
  dimensions: (r) => [{ Name: 'InstanceId', Value: lastArnSegment(r) }],
});
const ebs = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/EBS',
  metricName,
  stat,
  unit,
  dimensions: (r) => [{ Name: 'VolumeId', Value: lastArnSegment(r) }],
});
const lambda = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/Lambda',
  metricName,
  stat,
  unit,
  dimensions: (r) => [{ Name: 'FunctionName', Value: r.name }],
});
const rds = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/RDS',
  metricName,
  stat,
  unit,
  dimensions: (r) => [{ Name: 'DBInstanceIdentifier', Value: r.name }],
});
const dynamodb = (metricName: string, stat: string, unit: string): MetricSpec => ({
  namespace: 'AWS/DynamoDB',
  metricName,
  stat,
  unit,
  dimensions: (r) => [{ Name: 'TableName', Value: r.name }],
});

/**
 * What the collector fetches per resource type (this issue covers EC2, EBS and Lambda):
 * - EC2: CPUUtilization Average (sizing reads a high quantile of the 5-minute averages) and Maximum
 *   (saturation), NetworkIn/NetworkOut Sum (Trusted Advisor's idle test is on daily network bytes).
 * - EBS: VolumeReadOps/VolumeWriteOps Sum (IOPS = ops / period, for gp2→gp3 sizing).
 * - Lambda: Duration Average and p99, Invocations, Errors and Throttles Sum (memory tuning).
 * - RDS: CPUUtilization Average and Maximum, DatabaseConnections Maximum (idle: no connections).
 * - DynamoDB: ConsumedRead/WriteCapacityUnits Sum (capacity mode: units/s = Sum / period).
 */
export const metricCatalogue: Partial<Record<ResourceType, MetricSpec[]>> = {
  'ec2:instance': [
    ec2('CPUUtilization', 'Average', 'Percent'),
    ec2('CPUUtilization', 'Maximum', 'Percent'),
    ec2('NetworkIn', 'Sum', 'Bytes'),
    ec2('NetworkOut', 'Sum', 'Bytes'),
  ],
  'ebs:volume': [ebs('VolumeReadOps', 'Sum', 'Count'), ebs('VolumeWriteOps', 'Sum', 'Count')],
  'lambda:function': [
    lambda('Duration', 'Average', 'Milliseconds'),
    lambda('Duration', 'p99', 'Milliseconds'),
    lambda('Invocations', 'Sum', 'Count'),
    lambda('Errors', 'Sum', 'Count'),
    lambda('Throttles', 'Sum', 'Count'),
  ],
  'rds:db-instance': [rds('CPUUtilization', 'Average', 'Percent'), rds('CPUUtilization', 'Maximum', 'Percent'), rds('DatabaseConnections', 'Maximum', 'Count')],
  'dynamodb:table': [dynamodb('ConsumedReadCapacityUnits', 'Sum', 'Count'), dynamodb('ConsumedWriteCapacityUnits', 'Sum', 'Count')],
};

/**
 * Whether a resource publishes metrics worth asking for: stopped instances and unattached volumes
 * publish none, so querying them would only cost money ($0.01 per 1,000 metrics requested).
 */
export function publishesMetrics(resource: Resource): boolean {
  if (resource.type === 'ec2:instance') return resource.config.state === 'running';
  if (resource.type === 'ebs:volume') return resource.config.state === 'in-use';
  if (resource.type === 'rds:db-instance') return resource.config.status === 'available';
  return resource.type in metricCatalogue;
}
