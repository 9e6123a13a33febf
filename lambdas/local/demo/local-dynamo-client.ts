import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/aws/dynamodb.js';

/**
 * Sockets the local client keeps open to dynalite. dynalite is single-threaded in this process, so more
 * parallel requests only queue inside it; a few keep-alive sockets keep it busy without reconnecting.
 */
const LOCAL_DYNAMO_SOCKETS = 16;

/**
 * The DocumentClient the local runs (demo, serve) read and write dynalite with: the standard client, with a
 * keep-alive agent of LOCAL_DYNAMO_SOCKETS sockets and no request timeout (a 10,000-resource run keeps dynalite
 * busy for minutes; a socket waiting its turn is not a failure). Endpoint and credentials come from the
 * environment startLocalEnvironment sets.
 */
export function createLocalDocumentClient(): DynamoDBDocumentClient {
  return createDocumentClient({
    requestHandler: {
      httpAgent: { keepAlive: true, maxSockets: LOCAL_DYNAMO_SOCKETS },
      connectionTimeout: 5_000,
      requestTimeout: 0,
    },
  });
}
