import type { Instance, Reservation, Volume } from '@aws-sdk/client-ec2';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { InventoryPort } from '../../collectors/ports.js';
import { ec2Catalogue } from './catalogue.js';
import type { SampleResource } from './model.js';
import { createSampleNetworkInventory } from './network-inventory-port.js';
import { createSampleStorageDataInventory } from './storage-data-inventory-port.js';
import { createSampleContainersDbInventory } from './containers-db-inventory-port.js';
import { createSampleWebInventory } from './web-inventory-port.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

export interface SampleListOptions {
  /** Caps every list page below the API's own maximum (tests use it to force several pages). */
  maxPageSize?: number;
  /** The account's "now", epoch ms (dates the sample's stale multipart uploads); default: the newest resource's creation. */
  now?: number;
}

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };
const idOf = (arn: string): string => arn.split('/').pop() ?? arn;

/**
 * Inventory of one region of the sample account, answering like the real APIs: DescribeInstances
 * (MaxResults 5–1000, NextToken, the `instance-state-name` filter), DescribeVolumes (MaxResults
 * ≥ 5, at most 500 a page, NextToken), ListFunctions (MaxItems ≥ 1, at most 50 a page, Marker/NextMarker,
 * no tags), ListTags,
 * DescribeDBInstances (MaxRecords 20–100, Marker), ListTables (Limit 1–100, ExclusiveStartTableName /
 * LastEvaluatedTableName), DescribeTable, ListTagsOfResource, DescribeLogGroups (limit 1–50, nextToken) and
 * the Logs ListTagsForResource; snapshots, AMIs, Elastic IPs, NAT gateways and load balancers in
 * network-inventory-port.ts; ECS services and ElastiCache clusters in containers-db-inventory-port.ts; API Gateway APIs
 * in web-inventory-port.ts.
 */
export function createSampleInventoryPort(samples: SampleResource[], options: SampleListOptions = {}): InventoryPort {
  const cap = (n: number) => Math.min(n, options.maxPageSize ?? n);
  const instances = samples.filter((s) => s.resource.type === 'ec2:instance');
  const volumes = samples.filter((s) => s.resource.type === 'ebs:volume');
  const functions = samples.filter((s) => s.resource.type === 'lambda:function');
  const dbInstances = samples.filter((s) => s.resource.type === 'rds:db-instance');
  // ListTables and DescribeLogGroups return names in ascending byte order; pagination continues after a
  // name, compared in the same order (localeCompare would sort 'B' after 'a' and break the continuation).
  const tables = samples.filter((s) => s.resource.type === 'dynamodb:table').sort((a, b) => byCodeUnit(a.resource.name, b.resource.name));
  const logGroups = samples.filter((s) => s.resource.type === 'logs:log-group').sort((a, b) => byCodeUnit(a.resource.name, b.resource.name));

  return {
    ...createSampleNetworkInventory(samples, cap),
    ...createSampleStorageDataInventory(samples, cap, options.now ?? Math.max(0, ...samples.map((s) => s.createdAt))),
    ...createSampleContainersDbInventory(samples, cap),
    ...createSampleWebInventory(samples, cap),

    async describeInstances(input) {
      const key = requestKey(input, 'NextToken');
      const size = cap(pageSize(input.MaxResults, 5, 1000, 1000, 'DescribeInstances', 'MaxResults', 'InvalidParameterValue'));
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      const stateFilter = input.Filters?.find((f) => f.Name === 'instance-state-name')?.Values;
      const matching = instances.filter((s) => stateFilter === undefined || stateFilter.includes(String(s.resource.config.state)));
      const page = matching.slice(offset, offset + size);
      const reservations: Reservation[] = page.map((s) => ({
        ReservationId: `r-${idOf(s.resource.arn).slice(2)}`,
        OwnerId: s.resource.account,
        Instances: [toInstance(s)],
      }));
      const next = offset + size < matching.length ? encodeToken(offset + size, key) : undefined;
      return { Reservations: reservations, NextToken: next, $metadata: responseMetadata() };
    },

    async describeVolumes(input) {
      const key = requestKey(input, 'NextToken');
      const size = cap(pageSize(input.MaxResults, 5, 500, 500, 'DescribeVolumes', 'MaxResults', 'InvalidParameterValue', true));
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      const page = volumes.slice(offset, offset + size);
      const next = offset + size < volumes.length ? encodeToken(offset + size, key) : undefined;
      return { Volumes: page.map(toVolume), NextToken: next, $metadata: responseMetadata() };
    },

    async listFunctions(input) {
      const key = requestKey(input, 'Marker');
      const size = cap(pageSize(input.MaxItems, 1, 50, 50, 'ListFunctions', 'MaxItems', 'InvalidParameterValueException', true));
      const offset = decodeToken(input.Marker, key, 'InvalidParameterValueException');
      const page = functions.slice(offset, offset + size);
      const next = offset + size < functions.length ? encodeToken(offset + size, key) : undefined;
      return { Functions: page.map(toFunction), NextMarker: next, $metadata: responseMetadata() };
    },

    async listLambdaTags(input) {
      const fn = functions.find((s) => s.resource.arn === input.Resource);
      if (fn === undefined) throw new SampleServiceError('ResourceNotFoundException', `Function not found: ${input.Resource}`, 404);
      return { Tags: { ...fn.resource.tags }, $metadata: responseMetadata() };
    },

    async describeDBInstances(input) {
      const key = requestKey(input, 'Marker');
      const size = cap(pageSize(input.MaxRecords, 20, 100, 100, 'DescribeDBInstances', 'MaxRecords', 'InvalidParameterValue'));
      const offset = decodeToken(input.Marker, key, 'InvalidParameterValue');
      const page = dbInstances.slice(offset, offset + size);
      const next = offset + size < dbInstances.length ? encodeToken(offset + size, key) : undefined;
      return { DBInstances: page.map(toDbInstance), Marker: next, $metadata: responseMetadata() };
    },

    async listTables(input) {
      const size = cap(pageSize(input.Limit, 1, 100, 100, 'ListTables', 'Limit', 'ValidationException'));
      const start = input.ExclusiveStartTableName === undefined ? 0 : tables.findIndex((t) => t.resource.name > (input.ExclusiveStartTableName ?? ''));
      const page = start < 0 ? [] : tables.slice(start, start + size);
      const more = start >= 0 && start + size < tables.length;
      return { TableNames: page.map((t) => t.resource.name), LastEvaluatedTableName: more ? page.at(-1)?.resource.name : undefined, $metadata: responseMetadata() };
    },

    async describeTable(input) {
      const table = tables.find((t) => t.resource.name === input.TableName);
      if (table === undefined) throw new SampleServiceError('ResourceNotFoundException', `Requested resource not found: Table: ${input.TableName ?? ''} not found`);
      return { Table: toTable(table), $metadata: responseMetadata() };
    },

    async listTagsOfResource(input) {
      const table = tables.find((t) => t.resource.arn === input.ResourceArn);
      if (table === undefined) throw new SampleServiceError('ResourceNotFoundException', `Requested resource not found: ${input.ResourceArn ?? ''}`);
      return { Tags: tagList(table.resource.tags), $metadata: responseMetadata() };
    },

    async describeLogGroups(input) {
      const key = requestKey(input, 'nextToken');
      const size = cap(pageSize(input.limit, 1, 50, 50, 'DescribeLogGroups', 'limit', 'InvalidParameterException'));
      const offset = decodeToken(input.nextToken, key, 'InvalidParameterException');
      const matching = logGroups.filter((g) => input.logGroupNamePrefix === undefined || g.resource.name.startsWith(input.logGroupNamePrefix));
      const page = matching.slice(offset, offset + size);
      const next = offset + size < matching.length ? encodeToken(offset + size, key) : undefined;
      return { logGroups: page.map(toLogGroup), nextToken: next, $metadata: responseMetadata() };
    },

    async listTagsForResource(input) {
      const group = logGroups.find((g) => g.resource.arn === input.resourceArn);
      if (group === undefined) throw new SampleServiceError('ResourceNotFoundException', `The specified log group does not exist: ${input.resourceArn ?? ''}`);
      return { tags: { ...group.resource.tags }, $metadata: responseMetadata() };
    },
  };
}

function toDbInstance(sample: SampleResource): DBInstance {
  const r = sample.resource;
  const c = r.config as { instanceClass: string; engine: string; storageGiB: number; multiAz: boolean; status: string; storageType?: string; iops?: number; readReplicaSource?: string };
  return {
    DBInstanceIdentifier: r.name,
    DBInstanceArn: r.arn,
    DBInstanceClass: c.instanceClass,
    Engine: c.engine,
    AllocatedStorage: c.storageGiB,
    MultiAZ: c.multiAz,
    DBInstanceStatus: c.status,
    StorageType: c.storageType ?? 'gp3',
    ...(c.iops === undefined ? {} : { Iops: c.iops }),
    ...(c.readReplicaSource === undefined ? {} : { ReadReplicaSourceDBInstanceIdentifier: c.readReplicaSource }),
    EngineVersion: c.engine === 'mysql' ? '8.0.39' : '16.4',
    InstanceCreateTime: new Date(sample.createdAt),
    TagList: tagList(r.tags),
  };
}

function toTable(sample: SampleResource): TableDescription {
  const r = sample.resource;
  const c = r.config as { billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST'; readCapacityUnits?: number; writeCapacityUnits?: number; sizeBytes?: number };
  return {
    TableName: r.name,
    TableArn: r.arn,
    TableStatus: 'ACTIVE',
    CreationDateTime: new Date(sample.createdAt),
    TableSizeBytes: c.sizeBytes,
    // Like the real API: tables created provisioned and never switched carry no BillingModeSummary.
    ...(c.billingMode === 'PAY_PER_REQUEST' ? { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' } } : {}),
    ProvisionedThroughput: { ReadCapacityUnits: c.readCapacityUnits ?? 0, WriteCapacityUnits: c.writeCapacityUnits ?? 0, NumberOfDecreasesToday: 0 },
  };
}

function toLogGroup(sample: SampleResource): LogGroup {
  const r = sample.resource;
  const c = r.config as { retentionDays?: number; storedBytes: number };
  return {
    logGroupName: r.name,
    arn: `${r.arn}:*`,
    logGroupArn: r.arn,
    creationTime: sample.createdAt,
    retentionInDays: c.retentionDays,
    storedBytes: c.storedBytes,
    metricFilterCount: 0,
  };
}

function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function toInstance(sample: SampleResource): Instance {
  const r = sample.resource;
  const c = r.config as { instanceType: string; state: string; launchTime?: string; volumeIds?: string[] };
  const id = idOf(r.arn);
  return {
    InstanceId: id,
    InstanceType: c.instanceType as Instance['InstanceType'],
    State: { Name: c.state as NonNullable<Instance['State']>['Name'], Code: STATE_CODES[c.state] ?? 16 },
    LaunchTime: c.launchTime ? new Date(c.launchTime) : undefined,
    Placement: { AvailabilityZone: sample.details.availabilityZone },
    Architecture: ec2Catalogue[c.instanceType]?.architecture ?? 'x86_64',
    PlatformDetails: 'Linux/UNIX',
    Monitoring: { State: 'disabled' },
    BlockDeviceMappings: (c.volumeIds ?? []).map((volumeId) => ({ DeviceName: '/dev/xvda', Ebs: { VolumeId: volumeId, Status: 'attached', DeleteOnTermination: true } })),
    Tags: tagList(r.tags),
  };
}

function toVolume(sample: SampleResource): Volume {
  const r = sample.resource;
  const c = r.config as { volumeType: string; sizeGiB: number; iops?: number; throughputMiBps?: number; state: string; attachedInstanceId?: string; createTime?: string };
  const id = idOf(r.arn);
  return {
    VolumeId: id,
    VolumeType: c.volumeType as Volume['VolumeType'],
    Size: c.sizeGiB,
    Iops: c.iops,
    Throughput: c.throughputMiBps,
    State: c.state as Volume['State'],
    AvailabilityZone: sample.details.availabilityZone,
    CreateTime: c.createTime ? new Date(c.createTime) : undefined,
    Encrypted: true,
    Attachments: c.attachedInstanceId ? [{ VolumeId: id, InstanceId: c.attachedInstanceId, Device: '/dev/xvda', State: 'attached', DeleteOnTermination: true }] : [],
    Tags: tagList(r.tags),
  };
}

function toFunction(sample: SampleResource): FunctionConfiguration {
  const r = sample.resource;
  const c = r.config as { memoryMb: number; timeoutSec: number; architecture: 'x86_64' | 'arm64'; runtime: string };
  return {
    FunctionName: r.name,
    FunctionArn: r.arn,
    Runtime: c.runtime as FunctionConfiguration['Runtime'],
    MemorySize: c.memoryMb,
    Timeout: c.timeoutSec,
    Architectures: [c.architecture],
    PackageType: 'Zip',
    Handler: c.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
    CodeSize: 1_048_576,
    LastModified: new Date(sample.createdAt).toISOString().replace('Z', '+0000'),
    Version: '$LATEST',
  };
}

/** Code-unit order, which is byte order for the ASCII names AWS allows here. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
