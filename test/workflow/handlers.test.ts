import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler as analyseBatchHandler } from '../../lambdas/workflow/analyse-batch/handler.js';
import { InvalidEventError } from '../../lambdas/workflow/invalid-event-error.js';
import { handler as persistRunHandler } from '../../lambdas/workflow/persist-run/handler.js';
import { handler as planHandler } from '../../lambdas/workflow/plan/handler.js';
import { setWorkflowRuntime } from '../../lambdas/workflow/runtime.js';

const dynamo = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  dynamo.reset();
  setWorkflowRuntime(undefined);
  process.env.TABLE_NAME = 'headroom-table';
  process.env.AWS_REGION = 'us-east-1';
});

afterEach(() => {
  setWorkflowRuntime(undefined);
  delete process.env.TABLE_NAME;
});

describe('workflow handlers', () => {
  it('reject an event that breaks the contract, naming the field', async () => {
    const error = await analyseBatchHandler({ runId: 'run-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toBe('analyse-batch event is invalid: batchId: Invalid input: expected string, received undefined');
    await expect(persistRunHandler({ runId: 'r', startedAt: 'yesterday', batchResults: [] })).rejects.toThrow(/startedAt/);
    await expect(planHandler({ runId: 'has spaces' })).rejects.toThrow(/runId/);
  });

  it('plan reads the inventory from and writes the run to the table named by TABLE_NAME', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(BatchWriteCommand).resolves({});

    const out = await planHandler({ runId: 'run-1' });

    expect(out).toMatchObject({ runId: 'run-1', batches: [] });
    const queried = dynamo.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queried[0]).toMatchObject({ TableName: 'headroom-table', ExpressionAttributeValues: { ':pk': 'SCOPES', ':prefix': 'INV#' } });
    const written = dynamo.commandCalls(BatchWriteCommand).flatMap((c) => c.args[0].input.RequestItems!['headroom-table']);
    expect(written.map((r) => ('PutRequest' in r ? `${r.PutRequest!.Item!.pk} ${r.PutRequest!.Item!.sk}` : ''))).toEqual([
      'RUN#run-1 META',
      expect.stringMatching(/^RUNS \d{4}-.*#run-1$/),
    ]);
  });
});
