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

  it('precheck reads the decision from the table and skips an action that has none', async () => {
    const { handler } = await import('../../../lambdas/actions/precheck/handler.js');
    expect(await handler({ actionId: 'act-x', decisionVersion: 1, binding: { execution: 'apply-act-x' } })).toEqual({
      ok: false,
      reason: 'action act-x has no standing decision (it was reopened, or never decided)',
    });
  });

  it('rollback-point refuses to continue for an action without a standing decision', async () => {
    const { handler } = await import('../../../lambdas/actions/rollback-point/handler.js');
    await expect(handler({ actionId: 'act-x', decisionVersion: 1, binding: { execution: 'apply-act-x' } })).rejects.toThrow(/Refusing to act on action act-x/);
  });
});
