import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../../lambdas/local/dynalite.js';
import { createDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../../lambdas/shared/store/dynamo-store.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { packComputeSpend } from '../../../lambdas/shared/store/compute-spend-codec.js';
import type { HeadroomStore } from '../../../lambdas/shared/store/store.js';
import type { HourlySpend } from '../../../lambdas/engine/insights/hourly-compute-spend.js';
import { startTestTable, type TestTable } from '../../helpers/dynalite.js';

const NOW = Date.UTC(2026, 10, 15);
const HOUR = 3_600_000;
const A = '111111111111';
const B = '222222222222';

/** `hours` consecutive hours of `usd` for an account, starting `offset` hours after NOW − 336 h. */
const rows = (account: string, hours: number, usd: number, offset = 0): HourlySpend[] =>
  Array.from({ length: hours }, (_, i) => ({ account, hourStart: NOW - 336 * HOUR + (offset + i) * HOUR, usd }));

function describeComputeSpend(name: string, makeStore: () => Promise<HeadroomStore>): void {
  describe(`compute spend (${name})`, () => {
    it('sums the batches by account and hour and replaces a batch on a retry', async () => {
      const store = await makeStore();
      await store.putComputeSpend('run-1', 'b1', [...rows(A, 336, 0.5), ...rows(B, 2, 1)]);
      await store.putComputeSpend('run-1', 'b2', rows(A, 10, 0.25, 5));
      const listed = await store.listComputeSpend('run-1');
      expect(listed.filter((r) => r.account === A)).toHaveLength(336);
      expect(listed.find((r) => r.account === A && r.hourStart === NOW - 331 * HOUR)?.usd).toBeCloseTo(0.75, 6);
      expect(listed.filter((r) => r.account === B).map((r) => r.usd)).toEqual([1, 1]);
      // A retry of b1 without account B leaves no B behind.
      await store.putComputeSpend('run-1', 'b1', rows(A, 336, 0.5));
      expect((await store.listComputeSpend('run-1')).some((r) => r.account === B)).toBe(false);
      expect(await store.listComputeSpend('run-2')).toEqual([]);
    });
  });
}

describe('packComputeSpend', () => {
  it('stores one item per account: 10,000 resources × 336 hours of one account pack into 336 numbers', () => {
    const many: HourlySpend[] = [];
    for (let r = 0; r < 10_000; r++) for (let h = 0; h < 336; h += 24) many.push({ account: A, hourStart: NOW + h * HOUR, usd: 0.1234567 });
    const packed = packComputeSpend(many);
    expect(packed).toHaveLength(1);
    expect(packed[0].usd).toHaveLength(313);
    expect(JSON.stringify(packed[0]).length).toBeLessThan(400_000 / 10);
  });
});

describeComputeSpend('MemoryStore', async () => new MemoryStore({ now: () => NOW }));

let local: TestTable;
let tables = 0;
beforeAll(async () => {
  local = await startTestTable();
});
afterAll(async () => {
  await local?.stop();
});

describeComputeSpend('DynamoStore on dynalite', async () => {
  const tableName = `compute-spend-${++tables}`;
  const client = new DynamoDBClient(local.clientConfig);
  await createTable(client, tableName);
  client.destroy();
  return new DynamoStore(createDocumentClient(local.clientConfig), tableName, { now: () => NOW });
});
