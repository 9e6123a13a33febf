import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dynamo = mockClient(DynamoDBDocumentClient);
const saved = { ...process.env };

/** The Lambda entry points: environment → DynamoStore → step logic, with the table empty. */
describe('apply step Lambda handlers', () => {
  beforeAll(() => {
    Object.assign(process.env, { TABLE_NAME: 'headroom-test', ENABLED_EXECUTORS: 'ebs-gp2-to-gp3', AWS_REGION: 'us-east-1', ACCOUNT_ID: '123456789012' });
    dynamo.onAnyCommand().resolves({});
  });

  afterAll(() => {
    process.env = saved;
  });

  it('precheck reads the action from the table and skips one that is not there', async () => {
    const { handler } = await import('../../../lambdas/actions/precheck/handler.js');
    expect(await handler({ runId: 'run-x', actionId: 'act-x', approvedBy: 'U1' })).toEqual({ ok: false, reason: 'action act-x is not in run run-x' });
  });

  it('rollback-point refuses to continue for an action that is not there', async () => {
    const { handler } = await import('../../../lambdas/actions/rollback-point/handler.js');
    await expect(handler({ runId: 'run-x', actionId: 'act-x', approvedBy: 'U1' })).rejects.toThrow('Action act-x is not in run run-x.');
  });
});
