import { describe, expect, it } from 'vitest';
import { HANDLER_ROLES } from '../../lib/handlers.js';
import { ITEM_KINDS, TABLE_WRITERS } from '../../lib/table-access.js';
import { MemoryTable } from '../../lambdas/shared/store/memory-table.js';
import { TableStore } from '../../lambdas/shared/store/table-store.js';
import type { Table, TableItem, TableKey } from '../../lambdas/shared/store/table.js';
import { ebsAction } from '../actions/helpers.js';

/** Records the partition key of every write the store makes. */
class RecordingTable extends MemoryTable implements Table {
  readonly written = new Set<string>();
  override async putItems(items: TableItem[]): Promise<void> {
    for (const item of items) this.written.add(item.pk);
    return super.putItems(items);
  }
  override async deleteItems(keys: TableKey[]): Promise<void> {
    for (const key of keys) this.written.add(key.pk);
    return super.deleteItems(keys);
  }
}

const matches = (pk: string, pattern: string) => (pattern.endsWith('*') ? pk.startsWith(pattern.slice(0, -1)) : pk === pattern);

describe('table access map', () => {
  it('lists writers for every function and only known item kinds', () => {
    expect(Object.keys(TABLE_WRITERS).sort()).toEqual([...HANDLER_ROLES].sort());
  });

  it('covers every partition the store writes with an item kind', async () => {
    const table = new RecordingTable();
    const store = new TableStore(table);
    const action = ebsAction();
    await store.putResources([{ arn: action.resource.arn, type: 'ebs:volume', account: '123456789012', region: 'us-east-1', name: 'v', tags: {}, config: { volumeType: 'gp2', sizeGiB: 10, state: 'available', volumeIds: [] } } as never]);
    await store.putCosts([{ account: '123456789012', date: '2026-11-01', service: 'EC2', amountUsd: 1 } as never]);
    await store.putIssues([{ source: 'inventory', code: 'X', message: 'm', at: '2026-11-29T00:00:00.000Z' } as never]);
    await store.putCached('ns', 'k', {}, 60);
    await store.putRunApiCalls('run-1', {});
    await store.putRun({ runId: 'run-1', startedAt: '2026-11-29T00:00:00.000Z', status: 'running', batches: 0, failedBatches: [], actionCount: 0, totalMonthlySavingsUsd: 0 });
    await store.putActions('run-1', [action]);
    await store.recordDecision({ actionId: action.id, decision: 'approved', decidedBy: 'U1', decidedAt: '2026-11-29T00:00:00.000Z' });
    await store.appendAudit({ actionId: action.id, at: '2026-11-29T00:00:00.000Z', actor: 'U1', event: 'e', detail: {} });
    await store.putRealisedSavings([]);
    const patterns = Object.values(ITEM_KINDS).flat();
    const uncovered = [...table.written].filter((pk) => !patterns.some((pattern) => matches(pk, pattern)));
    expect(table.written.size).toBeGreaterThan(6);
    expect(uncovered).toEqual([]);
  });
});
