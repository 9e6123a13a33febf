import type { PublishedMetric } from './metrics.js';
import type { SampleResource } from './model.js';
import { hashUnit } from './prng.js';

const DAY_MS = 86_400_000;
const GB = 1024 ** 3;

/** The CloudWatch metrics the sample's S3 buckets, Kinesis streams, SQS queues and state machines publish. */
export function storageDataPublishedMetrics(sample: SampleResource): PublishedMetric[] {
  const r = sample.resource;
  const with_ = (namespace: string, dimensions: PublishedMetric['dimensions'], metrics: [string, string][]) => metrics.map(([metricName, unit]) => ({ namespace, metricName, dimensions, unit }));
  switch (r.type) {
    case 's3:bucket': {
      const storage = [
        ...with_('AWS/S3', [{ Name: 'BucketName', Value: r.name }, { Name: 'StorageType', Value: 'StandardStorage' }], [['BucketSizeBytes', 'Bytes']]),
        ...with_('AWS/S3', [{ Name: 'BucketName', Value: r.name }, { Name: 'StorageType', Value: 'AllStorageTypes' }], [['NumberOfObjects', 'Count']]),
      ];
      const filterId = r.config.requestMetricsFilterId;
      if (typeof filterId !== 'string') return storage;
      return [...storage, ...with_('AWS/S3', [{ Name: 'BucketName', Value: r.name }, { Name: 'FilterId', Value: filterId }], [['BytesDownloaded', 'Bytes']])];
    }
    case 'kinesis:stream':
      return with_('AWS/Kinesis', [{ Name: 'StreamName', Value: r.name }], [['IncomingBytes', 'Bytes'], ['IncomingRecords', 'Count'], ['WriteProvisionedThroughputExceeded', 'Count']]);
    case 'sqs:queue':
      return with_('AWS/SQS', [{ Name: 'QueueName', Value: r.name }], [['NumberOfEmptyReceives', 'Count'], ['NumberOfMessagesReceived', 'Count']]);
    case 'states:state-machine':
      return with_('AWS/States', [{ Name: 'StateMachineArn', Value: r.arn }], [['ExecutionsStarted', 'Count'], ['ExecutionTime', 'Milliseconds']]);
    default:
      return [];
  }
}

/**
 * One 5-minute slot of these metrics, `load` being the resource's workload at `t` (workload.ts) and `u` a hashed
 * uniform in [0, 1):
 * - S3: one datapoint a day, at 00:00 UTC (as S3 reports its daily storage metrics): Standard bytes = sizeGb × 2³⁰ ×
 *   max(0.05, 1 + growthPerDay × days from now); objects = bytes ÷ average object size (256 KB – 8 MB, hashed per
 *   bucket); BytesDownloaded per slot = load (MB/s read) × 10⁶ × 300.
 * - Kinesis: load = MB/s written; IncomingBytes = load × 10⁶ × 300, records of 1–4 KB (hashed per stream); no throttling.
 * - SQS: load = messages/s received; with short polling each of 2–10 pollers (hashed) asks once a second, so empty
 *   receives = max(0, pollers × 300 − messages); with long polling (20 s) at most pollers × 15 per slot, fewer when busy.
 * - Step Functions: load = executions/s; ExecutionTime mean = durationMs, Maximum 2.5 × mean.
 */
export function storageDataSlotValue(sample: SampleResource, metricName: string, stat: string, t: number, now: number, load: number, u: number, seed: number): number | undefined {
  const { resource, details, workload } = sample;
  switch (resource.type) {
    case 's3:bucket': {
      if (metricName === 'BytesDownloaded') return load * 1e6 * 300;
      if (t % DAY_MS !== 0) return undefined;
      const growth = Math.max(0.05, 1 + (workload.growthPerDay * (t - now)) / DAY_MS);
      const bytes = (details.sizeGb ?? 0) * GB * growth;
      if (metricName === 'BucketSizeBytes') return bytes;
      if (metricName === 'NumberOfObjects') return Math.max(1, Math.round(bytes / averageObjectBytes(sample, seed)));
      return undefined;
    }
    case 'kinesis:stream': {
      const bytes = load * 1e6 * 300;
      if (metricName === 'IncomingBytes') return bytes;
      if (metricName === 'IncomingRecords') return Math.round(bytes / (1024 * (1 + 3 * hashUnit(seed, workload.salt, 0, 127))));
      if (metricName === 'WriteProvisionedThroughputExceeded') return 0;
      return undefined;
    }
    case 'sqs:queue': {
      const messages = Math.round(load * 300);
      const pollers = 2 + Math.floor(8 * hashUnit(seed, workload.salt, 0, 131));
      const longPolling = Number(resource.config.receiveWaitTimeSeconds) > 0;
      if (metricName === 'NumberOfMessagesReceived') return messages;
      if (metricName === 'NumberOfEmptyReceives') return longPolling ? Math.max(0, Math.round(pollers * 15 * (1 - Math.min(1, messages / 300)))) : Math.max(0, pollers * 300 - messages);
      return undefined;
    }
    case 'states:state-machine': {
      const executions = Math.round(load * 300);
      if (executions < 1) return undefined;
      if (metricName === 'ExecutionsStarted') return executions;
      const mean = (details.durationMs ?? 1000) * (0.9 + 0.2 * u);
      if (metricName === 'ExecutionTime') return stat === 'Maximum' ? mean * 2.5 : mean;
      return undefined;
    }
    default:
      return undefined;
  }
}

function averageObjectBytes(sample: SampleResource, seed: number): number {
  return 256 * 1024 * 2 ** (5 * hashUnit(seed, sample.workload.salt, 0, 137));
}
