import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A running embedded DynamoDB (dynalite, in memory) on 127.0.0.1. */
export interface LocalDynamo {
  /** Base URL to give the SDK as its endpoint, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts dynalite in-process on an OS-chosen port. `createTableMs: 0` makes tables ACTIVE at once
 * (the default 500 ms would answer ResourceNotFound right after CreateTable).
 */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps sockets alive; without this, close() waits for them (up to dynalite's 30 s timeout).
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Creates the Headroom table with the key schema the CDK stack deploys: PK `pk` (S), SK `sk` (S),
 * on-demand billing. TTL (`expiresAt`) is configured by CDK in AWS; dynalite has no UpdateTimeToLive,
 * so the store also ignores expired items when reading.
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
