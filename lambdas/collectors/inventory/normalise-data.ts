import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { DBInstance } from '@aws-sdk/client-rds';
import { DynamoDbConfigSchema, LogGroupConfigSchema, RdsConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';
import { tagRecord } from './tags.js';

/** An RDS DB instance from DescribeDBInstances (its ARN and TagList come with it). */
export function normaliseDbInstance(db: DBInstance, where: Placement): Resource {
  const name = db.DBInstanceIdentifier;
  if (name === undefined) throw new MalformedItemError('the RDS API returned an instance without DBInstanceIdentifier');
  return {
    arn: db.DBInstanceArn ?? `arn:${partitionOf(where.region)}:rds:${where.region}:${where.account}:db:${name}`,
    type: 'rds:db-instance',
    account: where.account,
    region: where.region,
    name,
    tags: tagRecord(db.TagList),
    config: RdsConfigSchema.parse({
      instanceClass: db.DBInstanceClass,
      engine: db.Engine,
      storageGiB: db.AllocatedStorage ?? 0,
      multiAz: db.MultiAZ ?? false,
      status: db.DBInstanceStatus,
      storageType: db.StorageType,
      iops: db.Iops,
      readReplicaSource: db.ReadReplicaSourceDBInstanceIdentifier,
      dbClusterId: db.DBClusterIdentifier,
      engineVersion: db.EngineVersion,
    }),
  };
}

/**
 * A DynamoDB table from DescribeTable. A table without BillingModeSummary was created provisioned
 * (the summary only appears once the mode has been set or changed). Whether autoscaling is attached
 * lives in Application Auto Scaling, which this collector does not read yet: left at the schema default.
 */
export function normaliseTable(table: TableDescription, tags: Record<string, string>, where: Placement): Resource {
  const name = table.TableName;
  if (name === undefined) throw new MalformedItemError('the DynamoDB API returned a table without TableName');
  const billingMode = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  return {
    arn: table.TableArn ?? `arn:${partitionOf(where.region)}:dynamodb:${where.region}:${where.account}:table/${name}`,
    type: 'dynamodb:table',
    account: where.account,
    region: where.region,
    name,
    tags,
    config: DynamoDbConfigSchema.parse({
      billingMode,
      ...(billingMode === 'PROVISIONED'
        ? { readCapacityUnits: table.ProvisionedThroughput?.ReadCapacityUnits, writeCapacityUnits: table.ProvisionedThroughput?.WriteCapacityUnits }
        : {}),
      sizeBytes: table.TableSizeBytes,
    }),
  };
}

/** A log group from DescribeLogGroups (tags from ListTagsForResource); `arn` there ends in `:*`, `logGroupArn` does not (preferred). */
export function normaliseLogGroup(group: LogGroup, tags: Record<string, string>, where: Placement): Resource {
  const name = group.logGroupName;
  if (name === undefined) throw new MalformedItemError('the CloudWatch Logs API returned a log group without logGroupName');
  return {
    arn: group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? `arn:${partitionOf(where.region)}:logs:${where.region}:${where.account}:log-group:${name}`,
    type: 'logs:log-group',
    account: where.account,
    region: where.region,
    name,
    tags,
    config: LogGroupConfigSchema.parse({ retentionDays: group.retentionInDays, storedBytes: group.storedBytes ?? 0 }),
  };
}
