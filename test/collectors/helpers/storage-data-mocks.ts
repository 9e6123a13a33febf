// SDK mocks for the S3, Kinesis, SQS and Step Functions inventory calls (not a test file itself).
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';

export const s3 = mockClient(S3Client);
export const kinesis = mockClient(KinesisClient);
export const sqs = mockClient(SQSClient);
export const sfn = mockClient(SFNClient);

/** Every storage/data service answers an empty, final page (the tests of other services call this in beforeEach). */
export function emptyStorageDataServices(): void {
  for (const mock of [s3, kinesis, sqs, sfn]) mock.reset();
  s3.on(ListBucketsCommand).resolves({ Buckets: [] });
  kinesis.on(ListStreamsCommand).resolves({ StreamNames: [], HasMoreStreams: false });
  sqs.on(ListQueuesCommand).resolves({});
  sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [] });
}
