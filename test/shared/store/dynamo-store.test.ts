import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { createTable } from '../../../lambdas/local/dynalite.js';
import { createDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../../lambdas/shared/store/dynamo-store.js';
import { startTestTable, type TestTable } from '../../helpers/dynalite.js';
import { describeStoreBehaviour } from './store-behaviour.js';

// One dynalite per file; each test gets its own table so tests cannot see each other's items.
let local: TestTable;
let client: DynamoDBClient;
let tables = 0;

beforeAll(async () => {
  local = await startTestTable();
  client = new DynamoDBClient(local.clientConfig);
});

afterAll(async () => {
  client?.destroy();
  await local?.stop();
});

describeStoreBehaviour('DynamoStore on dynalite', async (options) => {
  const tableName = `headroom-${++tables}`;
  await createTable(client, tableName);
  const doc = createDocumentClient(local.clientConfig);
  return {
    store: new DynamoStore(doc, tableName, options),
    putRawItem: async (item) => {
      await doc.send(new PutCommand({ TableName: tableName, Item: item }));
    },
  };
});
