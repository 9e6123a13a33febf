import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable, startDynalite } from '../../lambdas/local/dynalite.js';

export interface TestTable {
  endpoint: string;
  tableName: string;
  /** Client settings that point the SDK at this dynalite (dummy credentials, fixed region). */
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  stop(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1 and creates the Headroom table in it (same key schema as the CDK stack). */
export async function startTestTable(tableName = 'headroom-test'): Promise<TestTable> {
  const local = await startDynalite();
  const clientConfig = {
    endpoint: local.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const client = new DynamoDBClient(clientConfig);
  await createTable(client, tableName);
  client.destroy();
  return { endpoint: local.endpoint, tableName, clientConfig, stop: local.stop };
}
