import type { LifecycleRule, MultipartUpload } from '@aws-sdk/client-s3';
import type { StorageDataInventoryPort } from '../../collectors/inventory/storage-data-port.js';
import type { S3LifecycleRule } from '../../engine/types/snapshot.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

const DAY_MS = 86_400_000;
const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/**
 * One region of the sample account's S3 buckets, Kinesis streams, SQS queues and state machines, answering like the
 * real APIs: ListBuckets (MaxBuckets 1–10,000, BucketRegion, ContinuationToken), GetBucketLifecycleConfiguration
 * (NoSuchLifecycleConfiguration without rules), GetBucketVersioning (no Status if never versioned), GetBucketTagging
 * (NoSuchTagSet without tags), ListBucketMetricsConfigurations, ListMultipartUploads (MaxUploads ≤ 1,000), Kinesis
 * ListStreams (Limit 1–10,000, at most 100 a page, NextToken, HasMoreStreams), DescribeStreamSummary, ListTagsForStream,
 * SQS ListQueues (MaxResults 1–1,000, NextToken), GetQueueAttributes, ListQueueTags, ListStateMachines (maxResults
 * 0–1,000, nextToken) and DescribeStateMachine. `now` dates the sample's stale multipart uploads.
 */
export function createSampleStorageDataInventory(samples: SampleResource[], cap: (n: number) => number, now: number): StorageDataInventoryPort {
  const ofType = (type: string) => samples.filter((s) => s.resource.type === type);
  const buckets = ofType('s3:bucket');
  const streams = ofType('kinesis:stream');
  const queues = ofType('sqs:queue');
  const machines = ofType('states:state-machine');
  const bucketNamed = (name: string | undefined) => {
    const found = buckets.find((b) => b.resource.name === name);
    if (found === undefined) throw new SampleServiceError('NoSuchBucket', 'The specified bucket does not exist', 404);
    return found;
  };
  const streamNamed = (name: string | undefined) => {
    const found = streams.find((s) => s.resource.name === name);
    if (found === undefined) throw new SampleServiceError('ResourceNotFoundException', `Stream ${name ?? ''} under account ${samples[0]?.resource.account ?? ''} not found.`);
    return found;
  };
  const queueAt = (url: string | undefined) => {
    const found = queues.find((q) => q.resource.config.queueUrl === url);
    if (found === undefined) throw new SampleServiceError('QueueDoesNotExist', 'The specified queue does not exist.');
    return found;
  };

  function paged<T>(items: T[], input: object, tokenField: string, token: string | undefined, size: number, errorName: string) {
    const key = requestKey(input, tokenField);
    const offset = decodeToken(token, key, errorName);
    return { page: items.slice(offset, offset + size), next: offset + size < items.length ? encodeToken(offset + size, key) : undefined };
  }

  return {
    async listBuckets(input) {
      const size = cap(pageSize(input.MaxBuckets, 1, 10_000, 10_000, 'ListBuckets', 'MaxBuckets', 'InvalidArgument'));
      const matching = buckets.filter((b) => input.BucketRegion === undefined || b.resource.region === input.BucketRegion);
      const { page, next } = paged(matching, input, 'ContinuationToken', input.ContinuationToken, size, 'InvalidArgument');
      return {
        Buckets: page.map((b) => ({ Name: b.resource.name, CreationDate: new Date(b.createdAt), BucketRegion: b.resource.region, BucketArn: b.resource.arn })),
        ContinuationToken: next,
        $metadata: responseMetadata(),
      };
    },

    async getBucketLifecycleConfiguration(input) {
      const rules = (bucketNamed(input.Bucket).resource.config.lifecycleRules as S3LifecycleRule[] | undefined) ?? [];
      if (rules.length === 0) throw new SampleServiceError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404);
      return { Rules: rules.map(toLifecycleRule), $metadata: responseMetadata() };
    },

    async getBucketVersioning(input) {
      const versioning = bucketNamed(input.Bucket).resource.config.versioning as 'Enabled' | 'Suspended' | 'Disabled' | undefined;
      return { ...(versioning === 'Enabled' || versioning === 'Suspended' ? { Status: versioning } : {}), $metadata: responseMetadata() };
    },

    async getBucketTagging(input) {
      const tags = bucketNamed(input.Bucket).resource.tags;
      if (Object.keys(tags).length === 0) throw new SampleServiceError('NoSuchTagSet', 'The TagSet does not exist', 404);
      return { TagSet: tagList(tags), $metadata: responseMetadata() };
    },

    async listBucketMetricsConfigurations(input) {
      const id = bucketNamed(input.Bucket).resource.config.requestMetricsFilterId as string | undefined;
      return { IsTruncated: false, MetricsConfigurationList: id === undefined ? [] : [{ Id: id }], $metadata: responseMetadata() };
    },

    async listMultipartUploads(input) {
      const bucket = bucketNamed(input.Bucket);
      const size = pageSize(input.MaxUploads, 1, 1000, 1000, 'ListMultipartUploads', 'MaxUploads', 'InvalidArgument', true);
      const count = Number(bucket.resource.config.staleMultipartUploads ?? 0);
      const uploads: MultipartUpload[] = Array.from({ length: Math.min(count, size) }, (_, i) => ({
        Key: `exports/part-${String(i).padStart(5, '0')}.parquet`,
        UploadId: `upload-${bucket.workload.salt}-${i}`,
        Initiated: new Date(now - (10 + i) * DAY_MS),
        StorageClass: 'STANDARD',
      }));
      return { Bucket: input.Bucket, Uploads: uploads, IsTruncated: count > size, MaxUploads: size, $metadata: responseMetadata() };
    },

    async listStreams(input) {
      const size = cap(Math.min(100, pageSize(input.Limit, 1, 10_000, 100, 'ListStreams', 'Limit', 'ValidationException')));
      const { page, next } = paged(streams, input, 'NextToken', input.NextToken, size, 'ExpiredNextTokenException');
      return { StreamNames: page.map((s) => s.resource.name), HasMoreStreams: next !== undefined, NextToken: next, $metadata: responseMetadata() };
    },

    async describeStreamSummary(input) {
      const stream = streamNamed(input.StreamName);
      const c = stream.resource.config as { streamMode: 'PROVISIONED' | 'ON_DEMAND'; openShardCount: number; retentionHours?: number; consumerCount?: number };
      return {
        StreamDescriptionSummary: {
          StreamName: stream.resource.name,
          StreamARN: stream.resource.arn,
          StreamStatus: 'ACTIVE',
          StreamModeDetails: { StreamMode: c.streamMode },
          RetentionPeriodHours: c.retentionHours ?? 24,
          StreamCreationTimestamp: new Date(stream.createdAt),
          EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
          EncryptionType: 'KMS',
          OpenShardCount: c.openShardCount,
          ConsumerCount: c.consumerCount ?? 0,
        },
        $metadata: responseMetadata(),
      };
    },

    async listTagsForStream(input) {
      const tags = tagList(streamNamed(input.StreamName).resource.tags).sort((a, b) => (a.Key < b.Key ? -1 : 1));
      const from = input.ExclusiveStartTagKey === undefined ? 0 : tags.findIndex((t) => t.Key > (input.ExclusiveStartTagKey ?? ''));
      const limit = input.Limit ?? 10;
      const page = from < 0 ? [] : tags.slice(from, from + limit);
      return { Tags: page, HasMoreTags: from >= 0 && from + limit < tags.length, $metadata: responseMetadata() };
    },

    async listQueues(input) {
      const size = cap(pageSize(input.MaxResults, 1, 1000, 1000, 'ListQueues', 'MaxResults', 'InvalidParameterValue'));
      const matching = queues.filter((q) => input.QueueNamePrefix === undefined || q.resource.name.startsWith(input.QueueNamePrefix));
      const { page, next } = paged(matching, input, 'NextToken', input.NextToken, size, 'InvalidParameterValue');
      return { QueueUrls: page.map((q) => String(q.resource.config.queueUrl)), NextToken: next, $metadata: responseMetadata() };
    },

    async getQueueAttributes(input) {
      const queue = queueAt(input.QueueUrl);
      const c = queue.resource.config as { receiveWaitTimeSeconds: number; fifo?: boolean };
      const all: Record<string, string> = {
        QueueArn: queue.resource.arn,
        ReceiveMessageWaitTimeSeconds: String(c.receiveWaitTimeSeconds),
        CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
        VisibilityTimeout: '30',
        ...(c.fifo ? { FifoQueue: 'true' } : {}),
      };
      const wanted = input.AttributeNames ?? [];
      const attributes = wanted.includes('All') ? all : Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k as never)));
      return { Attributes: attributes, $metadata: responseMetadata() };
    },

    async listQueueTags(input) {
      return { Tags: { ...queueAt(input.QueueUrl).resource.tags }, $metadata: responseMetadata() };
    },

    async listStateMachines(input) {
      const size = cap(input.maxResults === undefined || input.maxResults === 0 ? 100 : pageSize(input.maxResults, 1, 1000, 100, 'ListStateMachines', 'maxResults', 'ValidationException'));
      const { page, next } = paged(machines, input, 'nextToken', input.nextToken, size, 'InvalidToken');
      return {
        stateMachines: page.map((m) => ({ stateMachineArn: m.resource.arn, name: m.resource.name, type: m.resource.config.workflowType as 'STANDARD' | 'EXPRESS', creationDate: new Date(m.createdAt) })),
        nextToken: next,
        $metadata: responseMetadata(),
      };
    },

    async describeStateMachine(input) {
      const machine = machines.find((m) => m.resource.arn === input.stateMachineArn);
      if (machine === undefined) throw new SampleServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${input.stateMachineArn ?? ''}'`);
      const blockers = (machine.resource.config.expressBlockers as string[] | undefined) ?? [];
      return {
        stateMachineArn: machine.resource.arn,
        name: machine.resource.name,
        status: 'ACTIVE',
        type: machine.resource.config.workflowType as 'STANDARD' | 'EXPRESS',
        definition: sampleDefinition(machine, blockers),
        roleArn: `arn:aws:iam::${machine.resource.account}:role/${machine.resource.name}-role`,
        creationDate: new Date(machine.createdAt),
        $metadata: responseMetadata(),
      };
    },
  };
}

function toLifecycleRule(rule: S3LifecycleRule): LifecycleRule {
  return {
    ID: rule.id,
    Status: rule.enabled ? 'Enabled' : 'Disabled',
    Filter: { Prefix: rule.prefix ?? '' },
    ...(rule.abortIncompleteMultipartUploadDays === undefined ? {} : { AbortIncompleteMultipartUpload: { DaysAfterInitiation: rule.abortIncompleteMultipartUploadDays } }),
    ...(rule.noncurrentVersionExpirationDays === undefined ? {} : { NoncurrentVersionExpiration: { NoncurrentDays: rule.noncurrentVersionExpirationDays } }),
    ...((rule.transitions ?? []).length === 0 ? {} : { Transitions: rule.transitions.map((t) => ({ Days: t.days, StorageClass: t.storageClass as never })) }),
    ...(rule.expirationDays === undefined ? {} : { Expiration: { Days: rule.expirationDays } }),
  };
}

/** A two-step definition: Lambda tasks, plus one state per Express blocker the sample machine has. */
function sampleDefinition(machine: SampleResource, blockers: string[]): string {
  const { region, account, name } = machine.resource;
  const states: Record<string, unknown> = {
    Transform: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: `arn:aws:lambda:${region}:${account}:function:${name}-transform` }, Next: 'Store' },
    Store: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: `${name}-results` }, End: blockers.length === 0 },
  };
  let previous = 'Store';
  const add = (state: string, resource: string) => {
    (states[previous] as Record<string, unknown>).Next = state;
    delete (states[previous] as Record<string, unknown>).End;
    states[state] = { Type: 'Task', Resource: resource, End: true };
    previous = state;
  };
  if (blockers.includes('sync-integration')) add('RunJob', 'arn:aws:states:::glue:startJobRun.sync');
  if (blockers.includes('callback-integration')) add('AwaitApproval', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken');
  if (blockers.includes('activity')) add('ManualStep', `arn:aws:states:${region}:${account}:activity:${name}-review`);
  return JSON.stringify({ Comment: `${name} (sample)`, StartAt: 'Transform', States: states });
}
