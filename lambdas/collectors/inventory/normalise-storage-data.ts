import type { Bucket, LifecycleRule } from '@aws-sdk/client-s3';
import type { StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import type { DescribeStateMachineCommandOutput, StateMachineListItem } from '@aws-sdk/client-sfn';
import {
  KinesisStreamConfigSchema,
  S3BucketConfigSchema,
  SqsQueueConfigSchema,
  StateMachineConfigSchema,
  type Resource,
  type S3LifecycleRule,
  type StateMachineConfig,
} from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';

/** What the per-bucket reads found; a member is undefined when its read failed (an issue says why). */
export interface BucketDetails {
  tags: Record<string, string>;
  versioning: 'Enabled' | 'Suspended' | 'Disabled' | undefined;
  lifecycleRules: LifecycleRule[] | undefined;
  requestMetricsFilterId: string | undefined;
  staleMultipartUploads: number | undefined;
}

/** An S3 bucket from ListBuckets plus its per-bucket reads (undefined only for a bucket without a name). ARN: arn:<partition>:s3:::<name>. */
export function normaliseBucket(bucket: Bucket, details: BucketDetails | undefined, where: Placement): Resource {
  const name = bucket.Name;
  if (name === undefined || name === '') throw new MalformedItemError('the S3 API returned a bucket without Name');
  return {
    arn: `arn:${partitionOf(where.region)}:s3:::${name}`,
    type: 's3:bucket',
    account: where.account,
    region: where.region,
    name,
    tags: details?.tags ?? {},
    config: S3BucketConfigSchema.parse({
      creationDate: bucket.CreationDate?.toISOString(),
      versioning: details?.versioning,
      lifecycleRules: details?.lifecycleRules?.map(lifecycleRule),
      requestMetricsFilterId: details?.requestMetricsFilterId,
      staleMultipartUploads: details?.staleMultipartUploads,
    }),
  };
}

/**
 * One lifecycle rule, reduced: the prefix comes from Filter.Prefix, Filter.And.Prefix or the legacy top-level Prefix;
 * a tag or object-size condition makes the rule `narrowed` (it covers only some objects of the prefix).
 */
function lifecycleRule(rule: LifecycleRule): S3LifecycleRule {
  const filter = rule.Filter;
  const and = filter?.And;
  const narrowed =
    filter?.Tag !== undefined ||
    filter?.ObjectSizeGreaterThan !== undefined ||
    filter?.ObjectSizeLessThan !== undefined ||
    (and?.Tags?.length ?? 0) > 0 ||
    and?.ObjectSizeGreaterThan !== undefined ||
    and?.ObjectSizeLessThan !== undefined;
  return {
    id: rule.ID,
    enabled: rule.Status === 'Enabled',
    prefix: filter?.Prefix ?? and?.Prefix ?? rule.Prefix ?? '',
    narrowed,
    abortIncompleteMultipartUploadDays: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
    noncurrentVersionExpirationDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
    noncurrentVersionTransition: (rule.NoncurrentVersionTransitions?.length ?? 0) > 0,
    transitions: (rule.Transitions ?? []).map((t) => ({ days: t.Days, storageClass: t.StorageClass ?? 'UNKNOWN' })),
    expirationDays: rule.Expiration?.Days,
  };
}

/** A Kinesis data stream from DescribeStreamSummary, with its tags (ListTagsForStream). */
export function normaliseStream(summary: StreamDescriptionSummary, tags: Record<string, string>, where: Placement): Resource {
  const name = summary.StreamName;
  if (name === undefined || name === '') throw new MalformedItemError('the Kinesis API returned a stream without StreamName');
  return {
    arn: summary.StreamARN ?? `arn:${partitionOf(where.region)}:kinesis:${where.region}:${where.account}:stream/${name}`,
    type: 'kinesis:stream',
    account: where.account,
    region: where.region,
    name,
    tags,
    config: KinesisStreamConfigSchema.parse({
      streamMode: summary.StreamModeDetails?.StreamMode ?? 'PROVISIONED',
      openShardCount: summary.OpenShardCount,
      status: summary.StreamStatus,
      retentionHours: summary.RetentionPeriodHours,
      consumerCount: summary.ConsumerCount ?? 0,
      creationTime: summary.StreamCreationTimestamp?.toISOString(),
    }),
  };
}

/** An SQS queue from GetQueueAttributes (QueueArn, ReceiveMessageWaitTimeSeconds, FifoQueue, CreatedTimestamp in epoch seconds). */
export function normaliseQueue(queueUrl: string, attributes: Record<string, string>, tags: Record<string, string>, where: Placement): Resource {
  const name = queueUrl.split('/').pop() ?? '';
  if (name === '') throw new MalformedItemError(`the SQS API returned a queue URL without a name: ${queueUrl}`);
  const created = attributes.CreatedTimestamp === undefined ? undefined : new Date(Number(attributes.CreatedTimestamp) * 1000).toISOString();
  return {
    arn: attributes.QueueArn ?? `arn:${partitionOf(where.region)}:sqs:${where.region}:${where.account}:${name}`,
    type: 'sqs:queue',
    account: where.account,
    region: where.region,
    name,
    tags,
    config: SqsQueueConfigSchema.parse({
      queueUrl,
      receiveWaitTimeSeconds: Number(attributes.ReceiveMessageWaitTimeSeconds ?? '0'),
      fifo: attributes.FifoQueue === 'true',
      createdTimestamp: created,
    }),
  };
}

/** A state machine from ListStateMachines, with what its definition (DescribeStateMachine) says about Express. */
export function normaliseStateMachine(item: StateMachineListItem, description: DescribeStateMachineCommandOutput | undefined, where: Placement): Resource {
  const arn = item.stateMachineArn;
  const name = item.name;
  if (arn === undefined || name === undefined) throw new MalformedItemError('the Step Functions API returned a state machine without stateMachineArn or name');
  return {
    arn,
    type: 'states:state-machine',
    account: where.account,
    region: where.region,
    name,
    tags: {},
    config: StateMachineConfigSchema.parse({
      workflowType: item.type,
      creationDate: item.creationDate?.toISOString(),
      ...(description?.definition === undefined ? {} : readDefinition(description.definition)),
    }),
  };
}

type Blocker = NonNullable<StateMachineConfig['expressBlockers']>[number];

/**
 * What the rules need from an Amazon States Language definition: the states (nested ones included) and what in it
 * an Express workflow does not support (Step Functions developer guide, "Choosing workflow type"): the Run a Job
 * (`.sync`) and Wait for Callback (`.waitForTaskToken`) integration patterns, and activities. An unparsable
 * definition is malformed.
 */
export function readDefinition(definition: string): { expressBlockers: Blocker[]; stateCount: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    throw new MalformedItemError('the state machine definition is not valid JSON');
  }
  const found = new Set<Blocker>();
  let stateCount = 0;
  const visit = (machine: unknown): void => {
    if (typeof machine !== 'object' || machine === null) return;
    const states = (machine as { States?: Record<string, unknown> }).States ?? {};
    for (const state of Object.values(states)) {
      if (typeof state !== 'object' || state === null) continue;
      stateCount += 1;
      const s = state as { Resource?: unknown; Branches?: unknown[]; Iterator?: unknown; ItemProcessor?: unknown };
      if (typeof s.Resource === 'string') {
        if (/\.sync(:\d+)?$/.test(s.Resource)) found.add('sync-integration');
        if (s.Resource.endsWith('.waitForTaskToken')) found.add('callback-integration');
        if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(s.Resource)) found.add('activity');
      }
      for (const branch of s.Branches ?? []) visit(branch);
      visit(s.Iterator);
      visit(s.ItemProcessor);
    }
  };
  visit(parsed);
  return { expressBlockers: [...found].sort(), stateCount };
}
