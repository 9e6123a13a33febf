import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, batchWriteAll, queryAll, type RetryOptions } from './dynamo-io.js';
import type { QueryOptions, Table, TableItem, TableKey } from './table.js';

/** Table over DynamoDB through the DocumentClient; works on dynalite too (no transactions, no PartiQL). */
export class DynamoTable implements Table {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry: RetryOptions = {},
  ) {}

  putItems(items: TableItem[]): Promise<void> {
    return batchWriteAll(this.doc, this.tableName, items.map((Item) => ({ PutRequest: { Item } })), this.retry);
  }

  deleteItems(keys: TableKey[]): Promise<void> {
    const requests = keys.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
    return batchWriteAll(this.doc, this.tableName, requests, this.retry);
  }

  async getItem(key: TableKey): Promise<TableItem | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: key.pk, sk: key.sk } }));
    return result.Item as TableItem | undefined;
  }

  getItems(keys: TableKey[]): Promise<TableItem[]> {
    return batchGetAll(this.doc, this.tableName, keys, this.retry);
  }

  query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    const values: Record<string, unknown> = { ':pk': pk };
    let condition = 'pk = :pk';
    if (options.prefix) {
      condition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = options.prefix;
    }
    const query = {
      TableName: this.tableName,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      ScanIndexForward: !options.reverse,
      ...(options.keysOnly ? { ProjectionExpression: 'pk, sk' } : {}),
    };
    if (options.limit !== undefined) return this.queryFirst(query, options.limit);
    return queryAll(this.doc, query);
  }

  async putIfAbsent(item: TableItem, nowSec: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': nowSec },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async putIfRevision(item: TableItem, expectedRevision: number | undefined): Promise<boolean> {
    const condition =
      expectedRevision === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#revision = :revision', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': expectedRevision } };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item, ...condition }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** A Query with Limit stops after `limit` items; pages only as far as needed to collect them. */
  private async queryFirst(query: Parameters<typeof queryAll>[1], limit: number): Promise<TableItem[]> {
    const items = await queryAll(this.doc, { ...query, Limit: limit }, limit);
    return items.slice(0, limit);
  }
}
