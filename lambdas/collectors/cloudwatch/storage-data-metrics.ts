import type { ResourceType } from '../../engine/types/snapshot.js';
import type { MetricSpec } from './metric-catalogue.js';

const spec = (namespace: string, metricName: string, stat: string, unit: string, dimensions: MetricSpec['dimensions'], appliesTo?: MetricSpec['appliesTo']): MetricSpec => ({
  namespace,
  metricName,
  stat,
  unit,
  dimensions,
  ...(appliesTo ? { appliesTo } : {}),
});

const bucket = (storageType: string): MetricSpec['dimensions'] => (r) => [
  { Name: 'BucketName', Value: r.name },
  { Name: 'StorageType', Value: storageType },
];
const stream: MetricSpec['dimensions'] = (r) => [{ Name: 'StreamName', Value: r.name }];
const queue: MetricSpec['dimensions'] = (r) => [{ Name: 'QueueName', Value: r.name }];
const machine: MetricSpec['dimensions'] = (r) => [{ Name: 'StateMachineArn', Value: r.arn }];
const hasRequestMetrics = (r: Parameters<MetricSpec['dimensions']>[0]) => typeof r.config.requestMetricsFilterId === 'string';

/**
 * What the collector fetches for S3 buckets, Kinesis streams, SQS queues and state machines (merged into
 * metric-catalogue.ts), each the statistic a rule reads:
 * - S3 daily storage metrics (one datapoint a day, free): BucketSizeBytes of StandardStorage and NumberOfObjects of
 *   AllStorageTypes, Average; with a whole-bucket request-metrics configuration (its `FilterId`) also BytesDownloaded
 *   Sum (paid request metrics the owner enabled: what is read).
 * - Kinesis: IncomingBytes and IncomingRecords Sum (write throughput against the shard limits),
 *   WriteProvisionedThroughputExceeded Sum (throttled writes: never shrink a stream that throttles).
 * - SQS: NumberOfEmptyReceives and NumberOfMessagesReceived Sum.
 * - Step Functions: ExecutionsStarted Sum, ExecutionTime Average and Maximum.
 */
export const storageDataMetricCatalogue: Partial<Record<ResourceType, MetricSpec[]>> = {
  's3:bucket': [
    spec('AWS/S3', 'BucketSizeBytes', 'Average', 'Bytes', bucket('StandardStorage')),
    spec('AWS/S3', 'NumberOfObjects', 'Average', 'Count', bucket('AllStorageTypes')),
    spec('AWS/S3', 'BytesDownloaded', 'Sum', 'Bytes', (r) => [{ Name: 'BucketName', Value: r.name }, { Name: 'FilterId', Value: String(r.config.requestMetricsFilterId) }], hasRequestMetrics),
  ],
  'kinesis:stream': [
    spec('AWS/Kinesis', 'IncomingBytes', 'Sum', 'Bytes', stream),
    spec('AWS/Kinesis', 'IncomingRecords', 'Sum', 'Count', stream),
    spec('AWS/Kinesis', 'WriteProvisionedThroughputExceeded', 'Sum', 'Count', stream),
  ],
  'sqs:queue': [spec('AWS/SQS', 'NumberOfEmptyReceives', 'Sum', 'Count', queue), spec('AWS/SQS', 'NumberOfMessagesReceived', 'Sum', 'Count', queue)],
  'states:state-machine': [
    spec('AWS/States', 'ExecutionsStarted', 'Sum', 'Count', machine),
    spec('AWS/States', 'ExecutionTime', 'Average', 'Milliseconds', machine),
    spec('AWS/States', 'ExecutionTime', 'Maximum', 'Milliseconds', machine),
  ],
};
