import type {
  GetBucketLifecycleConfigurationCommandInput,
  GetBucketLifecycleConfigurationCommandOutput,
  GetBucketTaggingCommandInput,
  GetBucketTaggingCommandOutput,
  GetBucketVersioningCommandInput,
  GetBucketVersioningCommandOutput,
  ListBucketMetricsConfigurationsCommandInput,
  ListBucketMetricsConfigurationsCommandOutput,
  ListBucketsCommandInput,
  ListBucketsCommandOutput,
  ListMultipartUploadsCommandInput,
  ListMultipartUploadsCommandOutput,
} from '@aws-sdk/client-s3';
import type {
  DescribeStreamSummaryCommandInput,
  DescribeStreamSummaryCommandOutput,
  ListStreamsCommandInput,
  ListStreamsCommandOutput,
  ListTagsForStreamCommandInput,
  ListTagsForStreamCommandOutput,
} from '@aws-sdk/client-kinesis';
import type {
  GetQueueAttributesCommandInput,
  GetQueueAttributesCommandOutput,
  ListQueuesCommandInput,
  ListQueuesCommandOutput,
  ListQueueTagsCommandInput,
  ListQueueTagsCommandOutput,
} from '@aws-sdk/client-sqs';
import type {
  DescribeStateMachineCommandInput,
  DescribeStateMachineCommandOutput,
  ListStateMachinesCommandInput,
  ListStateMachinesCommandOutput,
} from '@aws-sdk/client-sfn';

/** The inventory calls for S3 buckets, Kinesis data streams, SQS queues and Step Functions state machines (part of InventoryPort). */
export interface StorageDataInventoryPort {
  /** ListBuckets with BucketRegion = the client's region (ContinuationToken-paged). */
  listBuckets(input: ListBucketsCommandInput): Promise<ListBucketsCommandOutput>;
  /** Fails with NoSuchLifecycleConfiguration when the bucket has none. */
  getBucketLifecycleConfiguration(input: GetBucketLifecycleConfigurationCommandInput): Promise<GetBucketLifecycleConfigurationCommandOutput>;
  getBucketVersioning(input: GetBucketVersioningCommandInput): Promise<GetBucketVersioningCommandOutput>;
  /** Fails with NoSuchTagSet when the bucket has no tags. */
  getBucketTagging(input: GetBucketTaggingCommandInput): Promise<GetBucketTaggingCommandOutput>;
  /** Request-metrics configurations (ContinuationToken / NextContinuationToken). */
  listBucketMetricsConfigurations(input: ListBucketMetricsConfigurationsCommandInput): Promise<ListBucketMetricsConfigurationsCommandOutput>;
  listMultipartUploads(input: ListMultipartUploadsCommandInput): Promise<ListMultipartUploadsCommandOutput>;
  /** Kinesis ListStreams (NextToken, HasMoreStreams). */
  listStreams(input: ListStreamsCommandInput): Promise<ListStreamsCommandOutput>;
  describeStreamSummary(input: DescribeStreamSummaryCommandInput): Promise<DescribeStreamSummaryCommandOutput>;
  /** Kinesis ListTagsForStream (ExclusiveStartTagKey, HasMoreTags). */
  listTagsForStream(input: ListTagsForStreamCommandInput): Promise<ListTagsForStreamCommandOutput>;
  /** SQS ListQueues (NextToken). */
  listQueues(input: ListQueuesCommandInput): Promise<ListQueuesCommandOutput>;
  getQueueAttributes(input: GetQueueAttributesCommandInput): Promise<GetQueueAttributesCommandOutput>;
  listQueueTags(input: ListQueueTagsCommandInput): Promise<ListQueueTagsCommandOutput>;
  /** Step Functions ListStateMachines (nextToken). */
  listStateMachines(input: ListStateMachinesCommandInput): Promise<ListStateMachinesCommandOutput>;
  describeStateMachine(input: DescribeStateMachineCommandInput): Promise<DescribeStateMachineCommandOutput>;
}

/** The IAM service prefix of each method, for counted call names (s3:ListBuckets, kinesis:ListStreams, states:ListStateMachines). */
export const STORAGE_DATA_SERVICE_OF: Readonly<Record<keyof StorageDataInventoryPort, string>> = {
  listBuckets: 's3',
  getBucketLifecycleConfiguration: 's3',
  getBucketVersioning: 's3',
  getBucketTagging: 's3',
  listBucketMetricsConfigurations: 's3',
  listMultipartUploads: 's3',
  listStreams: 'kinesis',
  describeStreamSummary: 'kinesis',
  listTagsForStream: 'kinesis',
  listQueues: 'sqs',
  getQueueAttributes: 'sqs',
  listQueueTags: 'sqs',
  listStateMachines: 'states',
  describeStateMachine: 'states',
};
