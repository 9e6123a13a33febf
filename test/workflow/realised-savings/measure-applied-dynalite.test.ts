import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../../lambdas/shared/store/dynamo-store.js';
import { persistRun } from '../../../lambdas/workflow/persist-run/persist-run.js';
import { startTestTable, type TestTable } from '../../helpers/dynalite.js';
import { actionOn, APPROVING_RUN, approveAndApply, DAY_MS, RUN_AT, volume } from './fixtures.js';

let local: TestTable;
beforeAll(async () => {
  local = await startTestTable();
});
afterAll(async () => {
  await local?.stop();
});

describe('realised savings on DynamoDB (dynalite)', () => {
  it('finds the applied approval through the approvals index and stores the measurement beside the estimate', async () => {
    const store = new DynamoStore(createDocumentClient(local.clientConfig), local.tableName, { now: () => RUN_AT });
    const kept = volume('kept', { volumeType: 'gp3', sizeGiB: 200, state: 'in-use' });
    const deleted = volume('deleted', { volumeType: 'gp2', sizeGiB: 50, state: 'available' });
    const gp3 = actionOn(kept, { volumeType: 'gp2', sizeGiB: 200 }, 4);
    const snapshotDelete = actionOn(deleted, { volumeType: 'gp2', sizeGiB: 50 }, 5, 'ebs-snapshot-delete');
    await store.putActions(APPROVING_RUN, [gp3, snapshotDelete]);
    await store.putResources([kept]);
    await approveAndApply(store, gp3, RUN_AT - 8 * DAY_MS);
    await approveAndApply(store, snapshotDelete, RUN_AT - 9 * DAY_MS);

    await persistRun({ runId: 'run-now', startedAt: new Date(RUN_AT).toISOString(), batchResults: [] }, { store });

    const records = (await store.listRealisedSavings()).sort((a, b) => a.actionId.localeCompare(b.actionId));
    expect(records.map((r) => [r.actionId, r.status, r.runId])).toEqual([
      ['act-deleted', 'measured', 'run-now'],
      ['act-kept', 'measured', 'run-now'],
    ]);
    const [deletedRecord, keptRecord] = records;
    if (deletedRecord.status !== 'measured' || keptRecord.status !== 'measured') throw new Error('both should be measured');
    expect(keptRecord.realisedMonthlyUsd).toBeCloseTo(4, 2);
    // The snapshot kept by snapshot-then-delete (50 GiB at $0.05) is still billed.
    expect(deletedRecord.realisedMonthlyUsd).toBeCloseTo(50 * 0.1 - 50 * 0.05, 2);
  });
});
