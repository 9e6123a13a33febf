import type { QueryOptions, Table, TableItem, TableKey } from './table.js';

/** In-memory Table with DynamoDB's semantics for what the store uses; items are copied in and out. */
export class MemoryTable implements Table {
  private readonly partitions = new Map<string, Map<string, TableItem>>();

  async putItems(items: TableItem[]): Promise<void> {
    for (const item of items) this.partition(item.pk).set(item.sk, structuredClone(item));
  }

  async deleteItems(keys: TableKey[]): Promise<void> {
    for (const key of keys) this.partitions.get(key.pk)?.delete(key.sk);
  }

  async getItem(key: TableKey): Promise<TableItem | undefined> {
    const item = this.partitions.get(key.pk)?.get(key.sk);
    return item && structuredClone(item);
  }

  async getItems(keys: TableKey[]): Promise<TableItem[]> {
    const found: TableItem[] = [];
    for (const key of keys) {
      const item = await this.getItem(key);
      if (item) found.push(item);
    }
    return found;
  }

  async query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    const partition = this.partitions.get(pk);
    if (!partition) return [];
    // DynamoDB orders string sort keys by UTF-8 bytes; for the ASCII keys used here that is code-unit order.
    let sks = [...partition.keys()].filter((sk) => !options.prefix || sk.startsWith(options.prefix)).sort(byCodeUnit);
    if (options.reverse) sks.reverse();
    if (options.limit !== undefined) sks = sks.slice(0, options.limit);
    return sks.map((sk) => {
      const item = partition.get(sk)!;
      return options.keysOnly ? { pk: item.pk, sk: item.sk } : structuredClone(item);
    });
  }

  async putIfAbsent(item: TableItem, nowSec: number): Promise<boolean> {
    const existing = this.partitions.get(item.pk)?.get(item.sk);
    if (existing && !(typeof existing.expiresAt === 'number' && existing.expiresAt <= nowSec)) return false;
    await this.putItems([item]);
    return true;
  }

  async putIfRevision(item: TableItem, expectedRevision: number | undefined): Promise<boolean> {
    const existing = this.partitions.get(item.pk)?.get(item.sk);
    if (expectedRevision === undefined ? existing !== undefined : existing?.revision !== expectedRevision) return false;
    await this.putItems([item]);
    return true;
  }

  private partition(pk: string): Map<string, TableItem> {
    let partition = this.partitions.get(pk);
    if (!partition) this.partitions.set(pk, (partition = new Map()));
    return partition;
  }
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
