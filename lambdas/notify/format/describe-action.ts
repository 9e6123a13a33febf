import type { Finding } from '../../engine/types/action.js';

/** The verb phrase for each rule; rules return data, the wording lives here. */
const VERBS: Record<string, string> = {
  'ec2/rightsize-instance': 'Rightsize EC2 instance',
  'ec2/idle-instance': 'Stop idle EC2 instance',
  'ebs/gp2-to-gp3': 'Convert EBS volume gp2 → gp3',
  'ebs/io1-to-gp3': 'Convert EBS volume io1 → gp3',
  'ebs/unattached-volume': 'Snapshot and delete unattached EBS volume',
  'ebs/old-snapshot': 'Delete old EBS snapshot',
  'lambda/memory-size': 'Resize Lambda memory',
  'lambda/arm64-candidate': 'Move Lambda function to arm64',
  'lambda/excessive-timeout': 'Lower Lambda timeout',
  'dynamodb/capacity-mode': 'Switch DynamoDB capacity mode',
  'logs/missing-retention': 'Set log group retention',
  'rds/idle-instance': 'Delete idle RDS instance (final snapshot first)',
  'elb/idle-load-balancer': 'Delete idle load balancer',
  'network/unassociated-elastic-ip': 'Release unassociated Elastic IP',
  'network/idle-nat-gateway': 'Delete idle NAT gateway',
  'rds/rightsize-instance': 'Rightsize RDS instance',
  'rds/multi-az-non-production': 'Turn off Multi-AZ on non-production RDS instance',
  'rds/idle-read-replica': 'Delete idle RDS read replica',
  'rds/io1-to-gp3': 'Convert RDS storage io1 → gp3',
  'ecs/fargate-task-size': 'Resize Fargate task',
  'ecs/fargate-spot': 'Move Fargate service to Fargate Spot',
  'ecs/fargate-graviton': 'Move Fargate service to Graviton (ARM64)',
  'elasticache/idle-cluster': 'Delete idle ElastiCache cluster',
  'elasticache/rightsize-node': 'Rightsize ElastiCache nodes',
  'schedule/off-hours': 'Stop non-production resource outside its active hours',
  's3/cold-data-tiering': 'Transition cold S3 data to Intelligent-Tiering',
  's3/missing-multipart-abort': 'Abort incomplete S3 multipart uploads after 7 days',
  's3/noncurrent-versions': 'Expire noncurrent S3 object versions after 30 days',
  'kinesis/overprovisioned-shards': 'Reduce Kinesis stream shards',
  'sqs/short-polling': 'Turn on SQS long polling',
  'stepfunctions/express-candidate': 'Move state machine to Express',
  'apigateway/rest-to-http-api': 'Migrate REST API to an HTTP API',
  'account/savings-plans': 'Buy a Compute Savings Plan',
  'account/insight-actions': 'Act on a capacity forecast or anomaly',
  'external/compute-optimizer': 'Apply Compute Optimizer recommendation',
  'external/cost-optimization-hub': 'Apply Cost Optimization Hub recommendation',
  'external/trusted-advisor': 'Apply Trusted Advisor recommendation',
};

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Keys of `proposed` that detail the decision rather than name the change (the report shows them): never in a title. */
const DETAIL_KEYS: ReadonlySet<string> = new Set(['commitmentSweep']);

/**
 * The configuration keys whose value differs between `current` and `proposed`, in `proposed`'s order. Keys only
 * `proposed` has (options of the change, such as `snapshotFirst`) are left out when a real change is shown.
 */
function changedKeys(finding: Pick<Finding, 'current' | 'proposed'>): string[] {
  const changed = Object.keys(finding.proposed).filter((key) => !DETAIL_KEYS.has(key) && show(finding.current[key]) !== show(finding.proposed[key]));
  const ofExistingSettings = changed.filter((key) => key in finding.current);
  return ofExistingSettings.length > 0 ? ofExistingSettings : changed;
}

/** A short human title for an action, e.g. "Rightsize EC2 instance: instanceType m5.2xlarge → m7g.large". */
export function describeAction(finding: Pick<Finding, 'ruleId' | 'current' | 'proposed'>): string {
  // Combined actions (prioritise/combine.ts) join their rule ids with '+': "Resize Lambda memory and move … to arm64".
  const verb = finding.ruleId
    .split('+')
    .map((ruleId, i) => {
      const phrase = VERBS[ruleId] ?? ruleId;
      return i === 0 ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
    })
    .join(' and ');
  const changes = changedKeys(finding).map((key) => `${key} ${show(finding.current[key])} → ${show(finding.proposed[key])}`);
  return changes.length > 0 ? `${verb}: ${changes.join(', ')}` : verb;
}
