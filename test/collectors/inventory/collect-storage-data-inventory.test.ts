import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeAddressesCommand, DescribeImagesCommand, DescribeInstancesCommand, DescribeNatGatewaysCommand, DescribeSnapshotsCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeStreamSummaryCommand, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListBucketMetricsConfigurationsCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
} from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand } from '@aws-sdk/client-sqs';
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectInventory } from '../../../lambdas/collectors/inventory/collect-inventory.js';
import { ACCOUNT, NOW, testContext } from '../helpers/context.js';
import '../helpers/empty-containers-db.js';
import { emptyStorageDataServices, kinesis, s3, sfn, sqs } from '../helpers/storage-data-mocks.js';

const ec2 = mockClient(EC2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
const lambda = mockClient(LambdaClient);
const rds = mockClient(RDSClient);
const dynamodb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const apiGateway = mockClient(APIGatewayClient);
const apiGatewayV2 = mockClient(ApiGatewayV2Client);
const awsError = (name: string, status: number) => Object.assign(new Error(name), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
const DAY_MS = 86_400_000;

beforeEach(() => {
  emptyStorageDataServices();
  for (const command of [DescribeInstancesCommand, DescribeVolumesCommand, DescribeSnapshotsCommand, DescribeImagesCommand, DescribeAddressesCommand, DescribeNatGatewaysCommand]) ec2.on(command).resolves({});
  elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
  lambda.on(ListFunctionsCommand).resolves({ Functions: [] });
  rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
  dynamodb.on(ListTablesCommand).resolves({ TableNames: [] });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  apiGateway.on(GetRestApisCommand).resolves({ items: [] });
  apiGatewayV2.on(GetApisCommand).resolves({ Items: [] });
});
afterEach(() => {
  for (const mock of [ec2, elb, lambda, rds, dynamodb, logs, apiGateway, apiGatewayV2, s3, kinesis, sqs, sfn]) mock.reset();
});

const collect = async () => {
  const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
  const report = await collectInventory(context);
  return { report, resources: await context.store.listResources() };
};

describe('collectInventory: S3 buckets', () => {
  it('pages ListBuckets of the region by ContinuationToken and reads each bucket’s lifecycle, versioning, tags, metrics configurations and stale uploads', async () => {
    s3.on(ListBucketsCommand, { ContinuationToken: undefined })
      .resolves({ Buckets: [{ Name: 'raw-events', CreationDate: new Date('2024-01-02T00:00:00Z'), BucketRegion: 'us-east-1' }], ContinuationToken: 'page-2' })
      .on(ListBucketsCommand, { ContinuationToken: 'page-2' })
      .resolves({ Buckets: [{ Name: 'exports', CreationDate: new Date('2025-03-04T00:00:00Z'), BucketRegion: 'us-east-1' }] });
    s3.on(GetBucketVersioningCommand, { Bucket: 'raw-events' }).resolves({ Status: 'Enabled' }).on(GetBucketVersioningCommand, { Bucket: 'exports' }).resolves({});
    s3.on(GetBucketLifecycleConfigurationCommand, { Bucket: 'raw-events' })
      .rejects(awsError('NoSuchLifecycleConfiguration', 404))
      .on(GetBucketLifecycleConfigurationCommand, { Bucket: 'exports' })
      .resolves({
        Rules: [
          { ID: 'abort', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
          { ID: 'tier-logs', Status: 'Enabled', Filter: { And: { Prefix: 'logs/', Tags: [{ Key: 'class', Value: 'cold' }] } }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }] },
        ],
      });
    s3.on(GetBucketTaggingCommand, { Bucket: 'raw-events' }).resolves({ TagSet: [{ Key: 'team', Value: 'data' }] }).on(GetBucketTaggingCommand, { Bucket: 'exports' }).rejects(awsError('NoSuchTagSet', 404));
    s3.on(ListBucketMetricsConfigurationsCommand, { Bucket: 'raw-events' })
      .resolves({ IsTruncated: false, MetricsConfigurationList: [{ Id: 'Documents', Filter: { Prefix: 'documents/' } }, { Id: 'EntireBucket' }] })
      .on(ListBucketMetricsConfigurationsCommand, { Bucket: 'exports' })
      .resolves({ IsTruncated: false });
    s3.on(ListMultipartUploadsCommand, { Bucket: 'raw-events' })
      .resolves({ Uploads: [{ Key: 'a', UploadId: '1', Initiated: new Date(NOW - 30 * DAY_MS) }, { Key: 'b', UploadId: '2', Initiated: new Date(NOW - DAY_MS) }] })
      .on(ListMultipartUploadsCommand, { Bucket: 'exports' })
      .resolves({});

    const { report, resources } = await collect();

    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input)).toEqual([
      { MaxBuckets: 1000, BucketRegion: 'us-east-1', ContinuationToken: undefined },
      { MaxBuckets: 1000, BucketRegion: 'us-east-1', ContinuationToken: 'page-2' },
    ]);
    const byName = new Map(resources.filter((r) => r.type === 's3:bucket').map((r) => [r.name, r]));
    expect(byName.get('raw-events')).toMatchObject({
      arn: 'arn:aws:s3:::raw-events',
      account: ACCOUNT,
      tags: { team: 'data' },
      config: { versioning: 'Enabled', lifecycleRules: [], requestMetricsFilterId: 'EntireBucket', staleMultipartUploads: 1, creationDate: '2024-01-02T00:00:00.000Z' },
    });
    expect(byName.get('exports')?.config).toMatchObject({
      versioning: 'Disabled',
      lifecycleRules: [
        { id: 'abort', enabled: true, prefix: '', narrowed: false, abortIncompleteMultipartUploadDays: 7 },
        { id: 'tier-logs', prefix: 'logs/', narrowed: true, transitions: [{ days: 30, storageClass: 'STANDARD_IA' }] },
      ],
    });
    expect(byName.get('exports')?.tags).toEqual({});
    expect(report.calls).toMatchObject({ 's3:ListBuckets': 2, 's3:GetBucketLifecycleConfiguration': 2 });
    expect(report.issues).toEqual([]);
  });

  it('keeps a bucket whose lifecycle read is denied, with the lifecycle unknown and an issue', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'locked', CreationDate: new Date('2024-01-02T00:00:00Z') }] });
    s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('AccessDenied', 403));
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Suspended' });
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 404));
    s3.on(ListBucketMetricsConfigurationsCommand).resolves({ IsTruncated: false });
    s3.on(ListMultipartUploadsCommand).resolves({});

    const { report, resources } = await collect();

    const bucket = resources.find((r) => r.name === 'locked');
    expect(bucket?.config).toEqual({ versioning: 'Suspended', creationDate: '2024-01-02T00:00:00.000Z', staleMultipartUploads: 0 });
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'AccessDenied', message: expect.stringContaining('lifecycle of bucket locked not read') }));
  });

  it('records a denied ListBuckets as an issue and still lists the other services', async () => {
    s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 403));
    sqs.on(ListQueuesCommand).resolves({ QueueUrls: ['https://sqs.us-east-1.amazonaws.com/111122223333/jobs'] });
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: 'arn:aws:sqs:us-east-1:111122223333:jobs', ReceiveMessageWaitTimeSeconds: '0' } });
    sqs.on(ListQueueTagsCommand).resolves({ Tags: {} });

    const { report, resources } = await collect();

    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'AccessDenied', region: 'us-east-1' }));
    expect(resources.map((r) => r.type)).toContain('sqs:queue');
  });
});

describe('collectInventory: Kinesis streams, SQS queues, state machines', () => {
  it('pages ListStreams (NextToken, HasMoreStreams), ListQueues (NextToken) and ListStateMachines (nextToken) into typed resources', async () => {
    kinesis.on(ListStreamsCommand, { NextToken: undefined })
      .resolves({ StreamNames: ['clicks'], HasMoreStreams: true, NextToken: 'k2' })
      .on(ListStreamsCommand, { NextToken: 'k2' })
      .resolves({ StreamNames: ['orders'], HasMoreStreams: false });
    kinesis.on(DescribeStreamSummaryCommand).callsFake((input: { StreamName: string }) => ({
      StreamDescriptionSummary: {
        StreamName: input.StreamName,
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${input.StreamName}`,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: input.StreamName === 'clicks' ? 'PROVISIONED' : 'ON_DEMAND' },
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date('2025-01-01T00:00:00Z'),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        OpenShardCount: 8,
        ConsumerCount: 1,
      },
    }));
    kinesis.on(ListTagsForStreamCommand).resolves({ Tags: [{ Key: 'team', Value: 'search' }], HasMoreTags: false });
    sqs.on(ListQueuesCommand, { NextToken: undefined })
      .resolves({ QueueUrls: ['https://sqs.us-east-1.amazonaws.com/111122223333/jobs'], NextToken: 'q2' })
      .on(ListQueuesCommand, { NextToken: 'q2' })
      .resolves({ QueueUrls: ['https://sqs.us-east-1.amazonaws.com/111122223333/orders.fifo'] });
    sqs.on(GetQueueAttributesCommand).callsFake((input: { QueueUrl: string }) => {
      const name = input.QueueUrl.split('/').pop() ?? '';
      return { Attributes: { QueueArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`, ReceiveMessageWaitTimeSeconds: name === 'jobs' ? '0' : '20', CreatedTimestamp: '1700000000', ...(name.endsWith('.fifo') ? { FifoQueue: 'true' } : {}) } };
    });
    sqs.on(ListQueueTagsCommand).resolves({ Tags: { team: 'checkout' } });
    const arn = (name: string) => `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:${name}`;
    sfn.on(ListStateMachinesCommand, { nextToken: undefined })
      .resolves({ stateMachines: [{ stateMachineArn: arn('orders'), name: 'orders', type: 'STANDARD', creationDate: new Date('2025-02-01T00:00:00Z') }], nextToken: 's2' })
      .on(ListStateMachinesCommand, { nextToken: 's2' })
      .resolves({ stateMachines: [{ stateMachineArn: arn('events'), name: 'events', type: 'EXPRESS', creationDate: new Date('2025-02-01T00:00:00Z') }] });
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: { Type: 'Parallel', Branches: [{ StartAt: 'Job', States: { Job: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true } } }], Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    sfn.on(DescribeStateMachineCommand).resolves({ stateMachineArn: arn('orders'), name: 'orders', type: 'STANDARD', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::111122223333:role/x', creationDate: new Date() });

    const { report, resources } = await collect();

    const byName = new Map(resources.map((r) => [r.name, r]));
    expect(byName.get('clicks')).toMatchObject({ type: 'kinesis:stream', tags: { team: 'search' }, config: { streamMode: 'PROVISIONED', openShardCount: 8, consumerCount: 1 } });
    expect(byName.get('orders.fifo')).toMatchObject({ type: 'sqs:queue', config: { fifo: true, receiveWaitTimeSeconds: 20, createdTimestamp: '2023-11-14T22:13:20.000Z' } });
    expect(byName.get('jobs')?.config).toMatchObject({ receiveWaitTimeSeconds: 0, fifo: false });
    expect(resources.find((r) => r.arn === arn('orders'))?.config).toEqual({ workflowType: 'STANDARD', creationDate: '2025-02-01T00:00:00.000Z', expressBlockers: ['sync-integration'], stateCount: 3 });
    // Express machines are not described: their definition changes nothing.
    expect(sfn.commandCalls(DescribeStateMachineCommand)).toHaveLength(1);
    expect(report.calls).toMatchObject({ 'kinesis:ListStreams': 2, 'sqs:ListQueues': 2, 'states:ListStateMachines': 2, 'states:DescribeStateMachine': 1 });
  });
});
