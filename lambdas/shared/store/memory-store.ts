import { MemoryTable } from './memory-table.js';
import { TableStore, type StoreOptions } from './table-store.js';

/**
 * HeadroomStore in memory, for unit tests and the CLI's offline paths. It runs the same key design and
 * code as DynamoStore over an in-memory table, so conditional decision writes, ordering, TTL and
 * validation on read behave identically (the shared behaviour suite checks both).
 */
export class MemoryStore extends TableStore {
  constructor(options: StoreOptions = {}) {
    super(new MemoryTable(), options);
  }
}
