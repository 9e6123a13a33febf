import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../../lambdas/local/dynalite.js';
import { createDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../../lambdas/shared/store/dynamo-store.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import type { ActionState, NewDecision, HeadroomStore, RealisedSavingsRecord } from '../../../lambdas/shared/store/store.js';
import { startTestTable, type TestTable } from '../../helpers/dynalite.js';

const NOW = Date.UTC(2026, 10, 15);

function measured(actionId: string, runId: string, realisedMonthlyUsd: number): RealisedSavingsRecord {
  return {
    status: 'measured',
    runId,
    actionId,
    ruleId: 'ebs/gp2-to-gp3',
    resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${actionId}`,
    estimatedMonthlyUsd: 10,
    realisedMonthlyUsd,
    method: 'configuration priced',
    basis: { beforeMonthlyUsd: 50, afterMonthlyUsd: 40, volumeTypeAfter: 'gp3' },
    appliedAt: '2026-11-07T00:00:00.000Z',
    measuredAt: '2026-11-15T00:00:00.000Z',
  };
}

function decision(actionId: string, kind: ActionState['decision'], decidedAt: string, extra: Partial<NewDecision> = {}): NewDecision {
  return { actionId, decision: kind, decidedBy: 'U1', decidedAt, runId: 'run-1', ...extra };
}

function describeRealisedStore(name: string, create: () => Promise<HeadroomStore>): void {
  describe(`${name}: realised savings and the approvals index`, () => {
    it('keeps the latest realised-savings result per action, measured or not', async () => {
      const store = await create();
      const notYet: RealisedSavingsRecord = {
        status: 'not-measurable',
        runId: 'run-1',
        actionId: 'a1',
        ruleId: 'lambda/memory-size',
        resourceArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
        estimatedMonthlyUsd: 3,
        appliedAt: '2026-11-07T00:00:00.000Z',
        measuredAt: '2026-11-14T00:00:00.000Z',
        reason: 'no invocations in one of the windows',
        final: false,
      };
      await store.putRealisedSavings([notYet, measured('a2', 'run-1', 9.5)]);
      await store.putRealisedSavings([measured('a1', 'run-2', 2.75)]);
      const listed = await store.listRealisedSavings();
      expect(listed.sort((x, y) => x.actionId.localeCompare(y.actionId))).toEqual([measured('a1', 'run-2', 2.75), measured('a2', 'run-1', 9.5)]);
    });

    it('indexes approvals only, oldest first, and keeps a dismissal reason on the decision', async () => {
      const store = await create();
      await store.recordDecision(decision('late', 'approved', '2026-11-10T00:00:00.000Z'));
      await store.recordDecision(decision('early', 'approved', '2026-11-01T00:00:00.000Z', { runId: 'run-0' }));
      await store.recordDecision(decision('gone', 'dismissed', '2026-11-02T00:00:00.000Z', { reason: 'intended' }));
      expect(await store.listApprovals()).toEqual([
        { actionId: 'early', decidedAt: '2026-11-01T00:00:00.000Z', runId: 'run-0' },
        { actionId: 'late', decidedAt: '2026-11-10T00:00:00.000Z', runId: 'run-1' },
      ]);
      expect((await store.getDecision('gone'))?.reason).toBe('intended');
    });
  });
}

describeRealisedStore('MemoryStore', async () => new MemoryStore({ now: () => NOW }));

let local: TestTable;
let tables = 0;
beforeAll(async () => {
  local = await startTestTable();
});
afterAll(async () => {
  await local?.stop();
});

describeRealisedStore('DynamoStore on dynalite', async () => {
  const tableName = `realised-${++tables}`;
  const client = new DynamoDBClient(local.clientConfig);
  await createTable(client, tableName);
  client.destroy();
  return new DynamoStore(createDocumentClient(local.clientConfig), tableName, { now: () => NOW });
});
