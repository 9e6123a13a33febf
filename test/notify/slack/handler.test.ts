import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { sampleActions, sampleRun } from '../../fixtures/notify/sample-run.js';

// The handler builds a DynamoStore and a WebClient; here they become a MemoryStore and a recording fake.
const shared = vi.hoisted(() => ({ store: undefined as unknown, tokens: [] as string[], posts: [] as unknown[] }));
vi.mock('../../../lambdas/shared/store/dynamo-store.js', () => ({
  DynamoStore: function DynamoStore() {
    return shared.store;
  },
}));
vi.mock('@slack/web-api', () => ({
  WebClient: function WebClient(token: string) {
    shared.tokens.push(token);
    return { chat: { postMessage: async (args: unknown) => (shared.posts.push(args), { ok: true, ts: '1700000000.000100' }) } };
  },
}));

const secrets = mockClient(SecretsManagerClient);
const ENV = {
  TABLE_NAME: 'headroom',
  SLACK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:slack',
  SLACK_CHANNEL: '#finops',
  ENABLED_EXECUTORS: 'lambda-memory, ebs-gp2-to-gp3',
  REPORT_URL: 'https://reports.example.com/{runId}.html',
};

describe('Slack notify handler', () => {
  beforeEach(async () => {
    vi.resetModules();
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-test', signingSecret: 'sig' }) });
    for (const [key, value] of Object.entries(ENV)) vi.stubEnv(key, value);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const store = new MemoryStore();
    const actions = sampleActions(4);
    await store.putRun(sampleRun(actions));
    await store.putActions('run-2026-11-29', actions);
    shared.store = store;
    shared.tokens = [];
    shared.posts = [];
  });
  afterEach(() => vi.unstubAllEnvs());

  it('rejects an event without runId, naming the field', async () => {
    const { handler } = await import('../../../lambdas/notify/slack/handler.js');
    await expect(handler({ run: 'x' })).rejects.toThrow('notify event field runId is invalid');
    expect(shared.posts).toHaveLength(0);
  });

  it('posts the run digest with the bot token from Secrets Manager and the run’s report link', async () => {
    const { handler } = await import('../../../lambdas/notify/slack/handler.js');

    const result = await handler({ runId: 'run-2026-11-29' });

    expect(result).toMatchObject({ posted: 1, channels: ['#finops'], ts: ['1700000000.000100'] });
    expect(shared.tokens).toEqual(['xoxb-test']);
    const posted = JSON.stringify(shared.posts[0]);
    expect(posted).toContain('"action_id":"approve"');
    expect(posted).toContain('https://reports.example.com/run-2026-11-29.html');
  });

  it('fails with the variable name when SLACK_CHANNEL is missing', async () => {
    vi.stubEnv('SLACK_CHANNEL', '');
    const { handler } = await import('../../../lambdas/notify/slack/handler.js');
    await expect(handler({ runId: 'run-2026-11-29' })).rejects.toThrow('environment variable SLACK_CHANNEL must be set');
  });
});
