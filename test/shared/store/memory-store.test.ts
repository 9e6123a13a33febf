import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import type { TableItem } from '../../../lambdas/shared/store/table.js';
import { describeStoreBehaviour } from './store-behaviour.js';

describeStoreBehaviour('MemoryStore', async (options) => {
  const store = new MemoryStore(options);
  // The in-memory table is internal; reach it only to plant a corrupt item.
  const table = (store as unknown as { table: { putItems(items: TableItem[]): Promise<void> } }).table;
  return { store, putRawItem: (item) => table.putItems([item as TableItem]) };
});
