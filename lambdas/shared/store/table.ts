/**
 * The few table operations the store needs, so the same key design runs on DynamoDB (dynamo-table.ts)
 * and in memory (memory-table.ts). Items are flat records with string keys `pk`/`sk`; values are strings,
 * numbers, booleans or Uint8Array.
 */
export type TableItem = { pk: string; sk: string } & Record<string, unknown>;
export type TableKey = { pk: string; sk: string };

export interface QueryOptions {
  /** Only sort keys that start with this. */
  prefix?: string;
  /** Newest (highest sort key) first. */
  reverse?: boolean;
  limit?: number;
  /** Return only pk and sk (cheap listing before deletes). */
  keysOnly?: boolean;
}

export interface Table {
  putItems(items: TableItem[]): Promise<void>;
  deleteItems(keys: TableKey[]): Promise<void>;
  getItem(key: TableKey): Promise<TableItem | undefined>;
  /** Items that exist among `keys`, in no particular order. */
  getItems(keys: TableKey[]): Promise<TableItem[]>;
  /** Every item of one partition (all pages), ordered by sort key. */
  query(pk: string, options?: QueryOptions): Promise<TableItem[]>;
  /**
   * Writes the item only if no item has its key, or the existing one has expired (`expiresAt` ≤ nowSec,
   * as DynamoDB's TTL deletes lazily). Returns false when an unexpired item was already there.
   */
  putIfAbsent(item: TableItem, nowSec: number): Promise<boolean>;
  /**
   * Optimistic lock on the numeric attribute `revision`: writes the item only if no item has its key
   * (`expectedRevision` undefined) or the stored item's `revision` equals `expectedRevision`. Returns false otherwise.
   */
  putIfRevision(item: TableItem, expectedRevision: number | undefined): Promise<boolean>;
}
