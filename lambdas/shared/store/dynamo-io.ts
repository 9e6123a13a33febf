import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StoreThrottledError } from './errors.js';

/** Low-level DynamoDB helpers: chunked batch writes/gets with bounded retries, and fully paginated queries. */

export type Item = Record<string, unknown> & { pk: string; sk: string };
export type Key = { pk: string; sk: string };
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

export interface RetryOptions {
  /** Attempts per chunk, the first included (default 8). */
  maxAttempts?: number;
  /** First backoff; doubles each retry, capped at 2 s (default 50 ms). */
  baseDelayMs?: number;
  /** Chunks sent at once (default 4). */
  concurrency?: number;
}

const BATCH_WRITE_LIMIT = 25;
const BATCH_GET_LIMIT = 100;

const keyOf = (request: WriteRequest): string => {
  const key = 'PutRequest' in request ? request.PutRequest.Item : request.DeleteRequest.Key;
  return `${key.pk}\u0000${key.sk}`;
};

/**
 * Writes every request in chunks of 25 (BatchWriteItem's limit). DynamoDB rejects a chunk that names one key
 * twice, so requests are de-duplicated first, the last one for a key winning (as if written in order).
 * UnprocessedItems are retried with exponential backoff (delay = base·2^attempt, ≤ 2 s) up to maxAttempts.
 */
export async function batchWriteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
  options: RetryOptions = {},
): Promise<void> {
  const unique = [...new Map(requests.map((r) => [keyOf(r), r])).values()];
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_WRITE_LIMIT) chunks.push(unique.slice(i, i + BATCH_WRITE_LIMIT));
  await forEachLimited(chunks, options.concurrency ?? 4, async (chunk) => {
    let pending = chunk;
    const maxAttempts = options.maxAttempts ?? 8;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) throw new StoreThrottledError('BatchWriteItem', pending.length, maxAttempts);
      if (attempt > 0) await backoff(attempt, options.baseDelayMs);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  });
}

/** Reads items by key in chunks of 100, retrying UnprocessedKeys like batchWriteAll. Order of the result is not defined. */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  options: RetryOptions = {},
): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) chunks.push(unique.slice(i, i + BATCH_GET_LIMIT));
  const items: Item[] = [];
  await forEachLimited(chunks, options.concurrency ?? 4, async (chunk) => {
    let pending = chunk;
    const maxAttempts = options.maxAttempts ?? 8;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) throw new StoreThrottledError('BatchGetItem', pending.length, maxAttempts);
      if (attempt > 0) await backoff(attempt, options.baseDelayMs);
      const result = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      items.push(...((result.Responses?.[tableName] ?? []) as Item[]));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  });
  return items;
}

/** Runs a Query to the end (or until `maxItems` are collected), following LastEvaluatedKey across pages. */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  maxItems = Number.POSITIVE_INFINITY,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as Item[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < maxItems);
  return items;
}

function backoff(attempt: number, baseDelayMs = 50): Promise<void> {
  const delay = Math.min(2000, baseDelayMs * 2 ** (attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, delay));
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}
