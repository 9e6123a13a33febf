import type { LifecycleRule } from '@aws-sdk/client-s3';
import type { ResourceType } from '../../engine/types/snapshot.js';
import { CollectorApiError } from '../collector-api-error.js';
import type { InventoryPort } from '../ports.js';
import type { ReportBuilder } from '../report.js';
import { normaliseOrRecord, readOrRecord, type Listing } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseBucket, normaliseQueue, normaliseStateMachine, normaliseStream, type BucketDetails } from './normalise-storage-data.js';

/** Page sizes: ListBuckets MaxBuckets up to 10,000 (1,000 kept), Kinesis ListStreams returns at most 100, SQS ListQueues and ListStateMachines 1,000. */
const BUCKETS_PAGE = 1000;
const STREAMS_PAGE = 100;
const QUEUES_PAGE = 1000;
const STATE_MACHINES_PAGE = 1000;
const MULTIPART_UPLOADS_PAGE = 1000;
/** An incomplete multipart upload older than this is stale (the abort rule's own threshold). */
const STALE_UPLOAD_MS = 7 * 86_400_000;
const QUEUE_ATTRIBUTES = ['QueueArn', 'ReceiveMessageWaitTimeSeconds', 'FifoQueue', 'CreatedTimestamp'] as const;

/** The inventory units of this module, in the (type, list) form collect-inventory runs. */
export function storageDataUnits(port: InventoryPort, where: Placement, now: number): [ResourceType, (listing: Listing) => Promise<void>][] {
  return [
    ['s3:bucket', (listing) => listBuckets(port, where, listing, now)],
    ['kinesis:stream', (listing) => listStreams(port, where, listing)],
    ['sqs:queue', (listing) => listQueues(port, where, listing)],
    ['states:state-machine', (listing) => listStateMachines(port, where, listing)],
  ];
}

/**
 * S3 buckets of the region (ListBuckets with BucketRegion, ContinuationToken), each with its versioning, lifecycle
 * rules, tags, whole-bucket request-metrics configuration and stale multipart uploads. A per-bucket read that fails
 * (denied by a bucket policy, say) leaves that member unknown, with an issue; the bucket is still inventoried.
 */
export async function listBuckets(port: InventoryPort, where: Placement, listing: Listing, now: number): Promise<void> {
  let token: string | undefined;
  do {
    const page = await port.listBuckets({ MaxBuckets: BUCKETS_PAGE, BucketRegion: where.region, ContinuationToken: token });
    for (const bucket of page.Buckets ?? []) {
      const name = bucket.Name;
      const details = name ? await bucketDetails(port, name, where, listing.report, now) : undefined;
      normaliseOrRecord(listing, where, name, () => listing.resources.push(normaliseBucket(bucket, details, where)));
    }
    token = page.ContinuationToken || undefined;
  } while (token !== undefined);
}

async function bucketDetails(port: InventoryPort, bucket: string, where: Placement, report: ReportBuilder, now: number): Promise<BucketDetails> {
  const what = (member: string) => `${member} of bucket ${bucket} not read`;
  const tags = await absentAs(report, where, what('tags'), 'NoSuchTagSet', {}, async () => {
    const tagging = await port.getBucketTagging({ Bucket: bucket });
    return Object.fromEntries((tagging.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  });
  const versioning = await readOrRecord(report, where, what('versioning'), undefined, async () => (await port.getBucketVersioning({ Bucket: bucket })).Status ?? 'Disabled');
  const lifecycleRules = await absentAs<LifecycleRule[] | undefined>(report, where, what('lifecycle'), 'NoSuchLifecycleConfiguration', [], async () => (await port.getBucketLifecycleConfiguration({ Bucket: bucket })).Rules ?? []);
  const requestMetricsFilterId = await readOrRecord(report, where, what('metrics configurations'), undefined, () => wholeBucketMetricsId(port, bucket));
  const staleMultipartUploads = await readOrRecord(report, where, what('multipart uploads'), undefined, async () => {
    // The first page only (1,000 uploads, oldest keys first): a lower bound on a bucket with more.
    const page = await port.listMultipartUploads({ Bucket: bucket, MaxUploads: MULTIPART_UPLOADS_PAGE });
    return (page.Uploads ?? []).filter((u) => u.Initiated !== undefined && u.Initiated.getTime() < now - STALE_UPLOAD_MS).length;
  });
  return { tags: tags ?? {}, versioning, lifecycleRules, requestMetricsFilterId, staleMultipartUploads };
}

/** The id of a request-metrics configuration without a filter (it covers the whole bucket), if any. */
async function wholeBucketMetricsId(port: InventoryPort, bucket: string): Promise<string | undefined> {
  let token: string | undefined;
  do {
    const page = await port.listBucketMetricsConfigurations({ Bucket: bucket, ContinuationToken: token });
    const whole = (page.MetricsConfigurationList ?? []).find((c) => c.Filter === undefined && c.Id !== undefined);
    if (whole) return whole.Id;
    token = page.IsTruncated ? page.NextContinuationToken || undefined : undefined;
  } while (token !== undefined);
  return undefined;
}

/** Like readOrRecord, but the error S3 answers when the sub-resource does not exist (`absentError`) means `absent`. */
async function absentAs<T>(report: ReportBuilder, where: Placement, what: string, absentError: string, absent: T, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CollectorApiError && error.cause.name === absentError) return absent;
    return readOrRecord(report, where, what, undefined, () => Promise.reject(error));
  }
}

/** Kinesis data streams (ListStreams, NextToken), each described (DescribeStreamSummary) with its tags. */
export async function listStreams(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let token: string | undefined;
  do {
    const page = await port.listStreams({ Limit: STREAMS_PAGE, NextToken: token });
    for (const name of page.StreamNames ?? []) {
      const summary = (await port.describeStreamSummary({ StreamName: name })).StreamDescriptionSummary;
      if (summary === undefined) continue;
      const tags = await readOrRecord(listing.report, where, `tags of stream ${name} not read, inventoried untagged`, {}, () => streamTags(port, name));
      normaliseOrRecord(listing, where, name, () => listing.resources.push(normaliseStream(summary, tags, where)));
    }
    token = page.HasMoreStreams === false ? undefined : page.NextToken || undefined;
  } while (token !== undefined);
}

async function streamTags(port: InventoryPort, streamName: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let startAfter: string | undefined;
  for (;;) {
    const page = await port.listTagsForStream({ StreamName: streamName, ExclusiveStartTagKey: startAfter });
    for (const tag of page.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
    startAfter = page.Tags?.at(-1)?.Key;
    if (!page.HasMoreTags || startAfter === undefined) return tags;
  }
}

/** SQS queues (ListQueues, NextToken), each with its attributes and tags. */
export async function listQueues(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let token: string | undefined;
  do {
    const page = await port.listQueues({ MaxResults: QUEUES_PAGE, NextToken: token });
    for (const url of page.QueueUrls ?? []) {
      const attributes = (await port.getQueueAttributes({ QueueUrl: url, AttributeNames: [...QUEUE_ATTRIBUTES] })).Attributes ?? {};
      const tags = await readOrRecord(listing.report, where, `tags of queue ${url} not read, inventoried untagged`, {}, async () => (await port.listQueueTags({ QueueUrl: url })).Tags ?? {});
      normaliseOrRecord(listing, where, url, () => listing.resources.push(normaliseQueue(url, attributes, tags, where)));
    }
    token = page.NextToken || undefined;
  } while (token !== undefined);
}

/** Step Functions state machines (ListStateMachines, nextToken); Standard ones are described to read their definition. */
export async function listStateMachines(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let token: string | undefined;
  do {
    const page = await port.listStateMachines({ maxResults: STATE_MACHINES_PAGE, nextToken: token });
    for (const item of page.stateMachines ?? []) {
      const arn = item.stateMachineArn;
      const description =
        item.type === 'STANDARD' && arn !== undefined
          ? await readOrRecord(listing.report, where, `definition of ${arn} not read`, undefined, () => port.describeStateMachine({ stateMachineArn: arn }))
          : undefined;
      normaliseOrRecord(listing, where, arn, () => listing.resources.push(normaliseStateMachine(item, description, where)));
    }
    token = page.nextToken || undefined;
  } while (token !== undefined);
}
