import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEmailConfig } from '../../../lambdas/notify/email/config.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { sampleActions, sampleRun } from '../../fixtures/notify/sample-run.js';

// The handler builds a DynamoStore; here it becomes a MemoryStore holding one run.
const shared = vi.hoisted(() => ({ store: undefined as unknown }));
vi.mock('../../../lambdas/shared/store/dynamo-store.js', () => ({
  DynamoStore: function DynamoStore() {
    return shared.store;
  },
}));

const ses = mockClient(SESv2Client);
const ENV = { TABLE_NAME: 'headroom', SENDER_EMAIL: 'headroom@example.com', RECIPIENT_EMAILS: 'a@example.com, b@example.com', OWNER_EMAIL_TAG: 'none' };

describe('email notify handler', () => {
  beforeEach(async () => {
    vi.resetModules();
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    for (const [key, value] of Object.entries(ENV)) vi.stubEnv(key, value);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const store = new MemoryStore();
    const actions = sampleActions(3);
    await store.putRun(sampleRun(actions));
    await store.putActions('run-2026-11-29', actions);
    shared.store = store;
  });
  afterEach(() => vi.unstubAllEnvs());

  it('rejects an event whose runId is not a string, naming the field', async () => {
    const { handler } = await import('../../../lambdas/notify/email/handler.js');
    await expect(handler({ runId: 42 })).rejects.toThrow('notify event field runId is invalid');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('sends the digest to the configured recipients', async () => {
    const { handler } = await import('../../../lambdas/notify/email/handler.js');
    const result = await handler({ runId: 'run-2026-11-29' });
    expect(result).toMatchObject({ sent: 1, messageIds: ['m-1'], recipients: ['a@example.com', 'b@example.com'] });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input.FromEmailAddress).toBe('headroom@example.com');
  });
});

describe('email notify handler without email configured', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reports email delivery as disabled when sender and recipients are both empty, sending nothing', async () => {
    vi.resetModules();
    ses.reset();
    vi.stubEnv('TABLE_NAME', 'headroom');
    vi.stubEnv('SENDER_EMAIL', '');
    vi.stubEnv('RECIPIENT_EMAILS', '');
    const { handler } = await import('../../../lambdas/notify/email/handler.js');
    await expect(handler({ runId: 'run-2026-11-29' })).resolves.toMatchObject({ disabled: true });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('fails, naming the variable, when only one of them is set', async () => {
    vi.resetModules();
    vi.stubEnv('TABLE_NAME', 'headroom');
    vi.stubEnv('SENDER_EMAIL', 'headroom@example.com');
    vi.stubEnv('RECIPIENT_EMAILS', '');
    const { handler } = await import('../../../lambdas/notify/email/handler.js');
    await expect(handler({ runId: 'run-2026-11-29' })).rejects.toThrow('environment variable RECIPIENT_EMAILS must be set');
  });
});

describe('readEmailConfig', () => {
  it('names a recipient that is not an address', () => {
    expect(() => readEmailConfig({ ...ENV, RECIPIENT_EMAILS: 'a@example.com, finops team' })).toThrow('environment variable RECIPIENT_EMAILS has an entry that is not an email address: finops team');
  });

  it('names a missing sender', () => {
    expect(() => readEmailConfig({ ...ENV, SENDER_EMAIL: undefined })).toThrow('environment variable SENDER_EMAIL must be set');
  });

  it('defaults the owner tag to "owner"', () => {
    expect(readEmailConfig({ ...ENV, OWNER_EMAIL_TAG: undefined }).ownerTagKey).toBe('owner');
  });
});
