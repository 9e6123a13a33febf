import { parseArgs } from 'node:util';
import type { PortsFor } from '../lambdas/collectors/ports.js';
import { runCollectors } from '../lambdas/collectors/run-collectors.js';
import { generateSampleAccount, createSamplePortsFor } from '../lambdas/local/sample-account/index.js';
import { MemoryTable } from '../lambdas/shared/store/memory-table.js';
import { TableStore } from '../lambdas/shared/store/table-store.js';
import type { Table, TableItem } from '../lambdas/shared/store/table.js';

/**
 * Measures what one collection of the sample account asks AWS for and writes to the table, the inputs of
 * lambdas/collectors/running-cost.ts: metric queries per resource (GetMetricData queries the CloudWatch collector
 * sends), API calls by operation, and DynamoDB write units (each written item's size rounded up to 1 KB, as
 * on-demand bills them) split into series items and the rest.
 *
 *   npx tsx scripts/measure-running-cost.ts --resources 1000 [--resources 10000] [--seed 7]
 */

/** DynamoDB's item size: attribute names plus values (strings UTF-8, binary raw, numbers ≤ 21 B, booleans 1 B). */
export function dynamoItemBytes(item: TableItem): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    bytes += Buffer.byteLength(name);
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (value instanceof Uint8Array) bytes += value.byteLength;
    else if (typeof value === 'number') bytes += Math.min(21, Math.ceil(String(value).replace(/[-.]/g, '').length / 2) + 1);
    else bytes += 1;
  }
  return bytes;
}

/** Counts write units per item kind (`kind` attribute, or the sort key's first segment) of every put. */
class MeteredTable implements Table {
  readonly writeUnits = new Map<string, number>();
  readonly items = new Map<string, number>();
  readonly bytes = new Map<string, number>();
  constructor(private readonly inner: Table) {}
  async putItems(items: TableItem[]): Promise<void> {
    for (const item of items) this.count(item);
    await this.inner.putItems(items);
  }
  deleteItems: Table['deleteItems'] = (keys) => this.inner.deleteItems(keys);
  getItem: Table['getItem'] = (key) => this.inner.getItem(key);
  getItems: Table['getItems'] = (keys) => this.inner.getItems(keys);
  query: Table['query'] = (pk, options) => this.inner.query(pk, options);
  async putIfAbsent(item: TableItem, nowSec: number): Promise<boolean> {
    this.count(item);
    return this.inner.putIfAbsent(item, nowSec);
  }
  async putIfRevision(item: TableItem, expectedRevision: number | undefined): Promise<boolean> {
    this.count(item);
    return this.inner.putIfRevision(item, expectedRevision);
  }
  private count(item: TableItem): void {
    const kind = typeof item.kind === 'string' ? item.kind : item.sk.split('#')[0];
    const size = dynamoItemBytes(item);
    this.writeUnits.set(kind, (this.writeUnits.get(kind) ?? 0) + Math.ceil(size / 1024));
    this.items.set(kind, (this.items.get(kind) ?? 0) + 1);
    this.bytes.set(kind, (this.bytes.get(kind) ?? 0) + size);
  }
}

async function measure(resources: number, seed: number): Promise<void> {
  const account = generateSampleAccount({ resources, seed });
  const table = new MeteredTable(new MemoryTable());
  const store = new TableStore(table);
  const samplePorts = createSamplePortsFor(account);
  // Metric queries as sent: the first page of each GetMetricData call carries them (later pages repeat them).
  let queries = 0;
  const portsFor: PortsFor = (accountId, region) => {
    const ports = samplePorts(accountId, region);
    const cloudwatch = ports.cloudwatch;
    return {
      ...ports,
      cloudwatch: {
        ...cloudwatch,
        getMetricData: async (input) => {
          if (input.NextToken === undefined) queries += input.MetricDataQueries?.length ?? 0;
          return cloudwatch.getMetricData(input);
        },
      },
    };
  };
  const started = performance.now();
  const { reports, apiCalls } = await runCollectors({
    portsFor,
    store,
    accounts: [account.accountId],
    regions: account.regions,
    now: account.now,
    lookbackDays: 14,
  });
  const series = reports.cloudwatch?.itemsWritten.series ?? 0;
  const billable = reports.cloudwatch?.billable ?? {};
  console.log(`\n## ${resources} resources (seed ${seed}), collected in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`metric queries: ${queries} → ${(queries / resources).toFixed(3)} per resource`);
  console.log(`series written: ${series} → ${(series / resources).toFixed(3)} per resource`);
  console.log(`billable units: ${JSON.stringify(billable)}`);
  console.log('API calls:');
  for (const [api, counts] of Object.entries(apiCalls)) console.log(`  ${api}: ${counts.calls}`);
  console.log('DynamoDB writes by item kind (items, write units, mean bytes):');
  for (const [kind, units] of [...table.writeUnits].sort((a, b) => b[1] - a[1])) {
    const items = table.items.get(kind) ?? 0;
    console.log(`  ${kind}: ${items} items, ${units} WRU, ${Math.round((table.bytes.get(kind) ?? 0) / Math.max(1, items))} B`);
  }
}

const { values } = parseArgs({ options: { resources: { type: 'string', multiple: true, default: ['1000'] }, seed: { type: 'string', default: '7' } } });
for (const resources of values.resources ?? []) await measure(Number(resources), Number(values.seed));
