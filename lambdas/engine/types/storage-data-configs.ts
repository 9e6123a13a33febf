import { z } from 'zod';

/**
 * Configuration of the storage and data-pipeline resources (S3 buckets, Kinesis data streams, SQS queues, Step
 * Functions state machines), as the inventory collector normalises them. Members a collector could not read are
 * absent (not defaulted), so a rule never mistakes "not read" for "not configured".
 */

/** One rule of a bucket's lifecycle configuration (GetBucketLifecycleConfiguration), reduced to what the rules read. */
export const S3LifecycleRuleSchema = z.object({
  id: z.string().optional(),
  enabled: z.boolean(),
  /** The key prefix the rule is limited to ('' = the whole bucket). */
  prefix: z.string().default(''),
  /** The filter also narrows by tags or object size, so the rule covers only part of the prefix. */
  narrowed: z.boolean().default(false),
  abortIncompleteMultipartUploadDays: z.number().int().nonnegative().optional(),
  noncurrentVersionExpirationDays: z.number().int().nonnegative().optional(),
  /** The rule transitions noncurrent versions to a cheaper class. */
  noncurrentVersionTransition: z.boolean().default(false),
  /** Current-version transitions, e.g. `{ days: 30, storageClass: 'STANDARD_IA' }`. */
  transitions: z.array(z.object({ days: z.number().int().nonnegative().optional(), storageClass: z.string() })).default([]),
  expirationDays: z.number().int().nonnegative().optional(),
});
export type S3LifecycleRule = z.infer<typeof S3LifecycleRuleSchema>;

/** An S3 general purpose bucket (ListBuckets, GetBucketVersioning, GetBucketLifecycleConfiguration, ListBucketMetricsConfigurations, ListMultipartUploads). */
export const S3BucketConfigSchema = z.object({
  creationDate: z.iso.datetime().optional(),
  /** GetBucketVersioning: a bucket never versioned has no Status ('Disabled' here). Absent: not read. */
  versioning: z.enum(['Enabled', 'Suspended', 'Disabled']).optional(),
  /** The lifecycle rules ([] = none configured). Absent: not read. */
  lifecycleRules: z.array(S3LifecycleRuleSchema).optional(),
  /** Id of a request-metrics configuration that covers the whole bucket (no filter): CloudWatch's `FilterId`. */
  requestMetricsFilterId: z.string().optional(),
  /** Incomplete multipart uploads initiated more than 7 days before collection (first ListMultipartUploads page). */
  staleMultipartUploads: z.number().int().nonnegative().optional(),
});
export type S3BucketConfig = z.infer<typeof S3BucketConfigSchema>;

/** A Kinesis data stream (ListStreams, DescribeStreamSummary). */
export const KinesisStreamConfigSchema = z.object({
  streamMode: z.enum(['PROVISIONED', 'ON_DEMAND']),
  openShardCount: z.number().int().nonnegative(),
  status: z.enum(['CREATING', 'DELETING', 'ACTIVE', 'UPDATING']),
  retentionHours: z.number().int().positive().default(24),
  /** Enhanced fan-out consumers registered on the stream (each reads its own 2 MB/s per shard). */
  consumerCount: z.number().int().nonnegative().default(0),
  creationTime: z.iso.datetime().optional(),
});
export type KinesisStreamConfig = z.infer<typeof KinesisStreamConfigSchema>;

/** An SQS queue (ListQueues, GetQueueAttributes). */
export const SqsQueueConfigSchema = z.object({
  queueUrl: z.string(),
  /** ReceiveMessageWaitTimeSeconds: 0 = short polling (the default), 1–20 = long polling. */
  receiveWaitTimeSeconds: z.number().int().min(0).max(20),
  fifo: z.boolean().default(false),
  createdTimestamp: z.iso.datetime().optional(),
});
export type SqsQueueConfig = z.infer<typeof SqsQueueConfigSchema>;

/** A Step Functions state machine (ListStateMachines, DescribeStateMachine). */
export const StateMachineConfigSchema = z.object({
  workflowType: z.enum(['STANDARD', 'EXPRESS']),
  creationDate: z.iso.datetime().optional(),
  /**
   * What in the definition Express workflows do not support (`.sync` and `.waitForTaskToken` service integrations,
   * activities): read from the definition when it was listed, so the definition itself is not stored. Absent: not read.
   */
  expressBlockers: z.array(z.enum(['sync-integration', 'callback-integration', 'activity'])).optional(),
  /**
   * States in the definition, nested Parallel branches and Map processors included: the state transitions of one
   * execution that runs each once (loops and Map iterations add more, so it under-counts). Absent: not read.
   */
  stateCount: z.number().int().positive().optional(),
});
export type StateMachineConfig = z.infer<typeof StateMachineConfigSchema>;
