import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListBucketMetricsConfigurationsCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { StorageDataInventoryPort } from '../inventory/storage-data-port.js';
import { meteredClient, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** The S3, Kinesis, SQS and Step Functions part of the InventoryPort over the SDK, one command per method. */
export function awsStorageDataInventory(config: AdapterConfig, meter: CountingThrottleMeter): StorageDataInventoryPort {
  const s3 = meteredClient(S3Client, config, meter);
  // The Kinesis client speaks HTTP/2 by default (for SubscribeToShard, which Headroom never calls); the listing and
  // describe calls work over HTTP/1.1 as every other client's do, so they also reach HTTP/1.1 proxies and endpoints.
  const kinesis = meteredClient(KinesisClient, { ...config, extra: { requestHandler: new NodeHttpHandler(), ...config.extra } }, meter);
  const sqs = meteredClient(SQSClient, config, meter);
  const sfn = meteredClient(SFNClient, config, meter);
  return {
    listBuckets: (input) => s3.send(new ListBucketsCommand(input)),
    getBucketLifecycleConfiguration: (input) => s3.send(new GetBucketLifecycleConfigurationCommand(input)),
    getBucketVersioning: (input) => s3.send(new GetBucketVersioningCommand(input)),
    getBucketTagging: (input) => s3.send(new GetBucketTaggingCommand(input)),
    listBucketMetricsConfigurations: (input) => s3.send(new ListBucketMetricsConfigurationsCommand(input)),
    listMultipartUploads: (input) => s3.send(new ListMultipartUploadsCommand(input)),
    listStreams: (input) => kinesis.send(new ListStreamsCommand(input)),
    describeStreamSummary: (input) => kinesis.send(new DescribeStreamSummaryCommand(input)),
    listTagsForStream: (input) => kinesis.send(new ListTagsForStreamCommand(input)),
    listQueues: (input) => sqs.send(new ListQueuesCommand(input)),
    getQueueAttributes: (input) => sqs.send(new GetQueueAttributesCommand(input)),
    listQueueTags: (input) => sqs.send(new ListQueueTagsCommand(input)),
    listStateMachines: (input) => sfn.send(new ListStateMachinesCommand(input)),
    describeStateMachine: (input) => sfn.send(new DescribeStateMachineCommand(input)),
  };
}
