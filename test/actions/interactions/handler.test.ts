import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../../lambdas/actions/slack/verify-signature.js';

const secrets = mockClient(SecretsManagerClient);
const sfn = mockClient(SFNClient);
const SECRET = 'handler-signing-secret';
const saved = { ...process.env };

/** The Lambda entry point: Function URL event in, HTTP result out, wired from the environment. */
describe('interactions Lambda handler', () => {
  let handler: (event: unknown) => Promise<{ statusCode: number; body: string }>;

  beforeAll(async () => {
    Object.assign(process.env, {
      TABLE_NAME: 'headroom-test',
      SLACK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:slack',
      APPLY_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:apply',
      APPROVER_IDS: 'U0APPROVER',
      ACCOUNT_ID: '123456789012',
      ENABLED_EXECUTORS: 'ebs-gp2-to-gp3',
      AWS_REGION: 'us-east-1',
    });
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-test', signingSecret: SECRET }) });
    ({ handler } = await import('../../../lambdas/actions/interactions/handler.js'));
  });

  afterAll(() => {
    process.env = saved;
  });

  function event(body: string, signature: string, base64 = true) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      version: '2.0',
      headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature === 'sign' ? signSlackRequest(SECRET, timestamp, body) : signature },
      body: base64 ? Buffer.from(body).toString('base64') : body,
      isBase64Encoded: base64,
      requestContext: { http: { method: 'POST' } },
    };
  }

  it('answers 401 to a forged request before reading anything', async () => {
    const result = await handler(event('payload=%7B%7D', 'v0=forged'));
    expect(result.statusCode).toBe(401);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('verifies the signature over the base64-decoded body and answers 400 to a malformed payload', async () => {
    const result = await handler(event('payload=%7B%22type%22%3A%22block_actions%22%7D', 'sign'));
    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/not a Headroom button click/);
  });

  it('answers 413 to a body over 1 MB and 400 to an event that is not a Function URL event, without a 5xx', async () => {
    const big = await handler(event(`payload=${'a'.repeat(1024 * 1024)}`, 'sign'));
    expect(big.statusCode).toBe(413);
    expect((await handler({ headers: 'nope' })).statusCode).toBe(400);
    expect((await handler({ headers: {}, body: '%%%', isBase64Encoded: true })).statusCode).toBe(400);
  });
});
