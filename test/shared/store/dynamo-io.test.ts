import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batchGetAll, batchWriteAll, queryAll, type WriteRequest } from '../../../lambdas/shared/store/dynamo-io.js';
import { StoreThrottledError } from '../../../lambdas/shared/store/errors.js';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const mock = mockClient(doc);
const put = (i: number): WriteRequest => ({ PutRequest: { Item: { pk: 'P', sk: `S${i}` } } });
const fast = { baseDelayMs: 1 };

beforeEach(() => mock.reset());

describe('batchWriteAll', () => {
  it('sends at most 25 requests per BatchWriteItem call', async () => {
    mock.on(BatchWriteCommand).resolves({});
    await batchWriteAll(doc, 'T', Array.from({ length: 60 }, (_, i) => put(i)), fast);
    const sizes = mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.T.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([25, 25, 10]);
  });

  it('sends one request per key, the last one written winning', async () => {
    mock.on(BatchWriteCommand).resolves({});
    const first = { PutRequest: { Item: { pk: 'P', sk: 'S1', v: 1 } } };
    const last = { PutRequest: { Item: { pk: 'P', sk: 'S1', v: 2 } } };
    await batchWriteAll(doc, 'T', [first, put(2), last], fast);
    expect(mock.commandCalls(BatchWriteCommand)[0].args[0].input.RequestItems!.T).toEqual([last, put(2)]);
  });

  it('retries unprocessed items until DynamoDB takes them', async () => {
    mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { T: [put(1), put(2)] } })
      .resolvesOnce({ UnprocessedItems: { T: [put(2)] } })
      .resolves({});
    await batchWriteAll(doc, 'T', [put(0), put(1), put(2)], fast);
    const calls = mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.T);
    expect(calls).toEqual([[put(0), put(1), put(2)], [put(1), put(2)], [put(2)]]);
  });

  it('gives up with a throttling error after the bounded number of attempts', async () => {
    mock.on(BatchWriteCommand).resolves({ UnprocessedItems: { T: [put(1)] } });
    await expect(batchWriteAll(doc, 'T', [put(1)], { ...fast, maxAttempts: 3 })).rejects.toThrow(StoreThrottledError);
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(3);
  });
});

describe('batchGetAll', () => {
  it('asks again for unprocessed keys and returns every item found', async () => {
    mock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { T: [{ pk: 'P', sk: 'A' }] }, UnprocessedKeys: { T: { Keys: [{ pk: 'P', sk: 'B' }] } } })
      .resolves({ Responses: { T: [{ pk: 'P', sk: 'B' }] } });
    const items = await batchGetAll(doc, 'T', [{ pk: 'P', sk: 'A' }, { pk: 'P', sk: 'B' }], fast);
    expect(items.map((i) => i.sk)).toEqual(['A', 'B']);
  });
});

describe('queryAll', () => {
  it('follows LastEvaluatedKey until the last page', async () => {
    mock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ pk: 'P', sk: '1' }], LastEvaluatedKey: { pk: 'P', sk: '1' } })
      .resolvesOnce({ Items: [{ pk: 'P', sk: '2' }], LastEvaluatedKey: { pk: 'P', sk: '2' } })
      .resolves({ Items: [{ pk: 'P', sk: '3' }] });
    const items = await queryAll(doc, { TableName: 'T', KeyConditionExpression: 'pk = :pk' });
    expect(items.map((i) => i.sk)).toEqual(['1', '2', '3']);
    expect(mock.commandCalls(QueryCommand)[1].args[0].input.ExclusiveStartKey).toEqual({ pk: 'P', sk: '1' });
  });
});
