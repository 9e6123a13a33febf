import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSlackSecretCache, getSlackSecret, invalidateSlackSecret, parseSlackSecret, SLACK_SECRET_TTL_MS, SlackSecretError } from '../../../lambdas/shared/slack/slack-secret.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:headroom/slack-AbCdEf';
const secrets = mockClient(SecretsManagerClient);

describe('getSlackSecret', () => {
  beforeEach(() => {
    secrets.reset();
    clearSlackSecretCache();
  });
  afterEach(() => {
    clearSlackSecretCache();
    vi.useRealTimers();
  });

  it('reads the secret once and serves later calls from the cache', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-1', signingSecret: 's3cr3t' }) });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });

    const first = await getSlackSecret(client, ARN);
    const second = await getSlackSecret(client, ARN);

    expect(first).toEqual({ botToken: 'xoxb-1', signingSecret: 's3cr3t' });
    expect(second).toEqual(first);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secrets.commandCalls(GetSecretValueCommand)[0].args[0].input).toEqual({ SecretId: ARN });
  });

  it('does not cache a failed read, so the next invocation tries again', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(new Error('AccessDeniedException')).resolves({ SecretString: '{"botToken":"xoxb-2","signingSecret":"x"}' });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });

    await expect(getSlackSecret(client, ARN)).rejects.toThrow('AccessDeniedException');
    await expect(getSlackSecret(client, ARN)).resolves.toMatchObject({ botToken: 'xoxb-2' });
  });

  it('reads the secret again once the cached copy is older than the TTL, so a rotation is picked up', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify({ botToken: 'xoxb-old', signingSecret: 'old' }) })
      .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-new', signingSecret: 'new' }) });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    // Powertools' cache reads the clock through Date (whole-second maxAge, expired strictly after it).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);

    expect((await getSlackSecret(client, ARN)).botToken).toBe('xoxb-old');
    vi.setSystemTime(1_000_000 + SLACK_SECRET_TTL_MS);
    expect((await getSlackSecret(client, ARN)).botToken).toBe('xoxb-old');
    vi.setSystemTime(1_000_000 + SLACK_SECRET_TTL_MS + 1);
    expect((await getSlackSecret(client, ARN)).botToken).toBe('xoxb-new');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reads the secret again after invalidateSlackSecret, before the TTL ends', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify({ botToken: 'xoxb-old', signingSecret: 'old' }) })
      .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-new', signingSecret: 'new' }) });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });

    expect((await getSlackSecret(client, ARN)).signingSecret).toBe('old');
    invalidateSlackSecret(ARN);
    expect((await getSlackSecret(client, ARN)).signingSecret).toBe('new');
  });

  it('rejects a secret without a string value', async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    await expect(getSlackSecret(new SecretsManagerClient({ region: 'eu-west-1' }), ARN)).rejects.toThrow(/has no string value/);
  });
});

describe('parseSlackSecret', () => {
  it('names the missing field without quoting the secret', () => {
    const attempt = () => parseSlackSecret(JSON.stringify({ botToken: 'xoxb-very-secret' }), ARN);
    expect(attempt).toThrow(SlackSecretError);
    expect(attempt).toThrow(/field signingSecret is invalid/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('xoxb-very-secret');
    }
  });

  it('never echoes a non-JSON secret in its error', () => {
    const attempt = () => parseSlackSecret('xoxb-plain-token-not-json', ARN);
    expect(attempt).toThrow(/is not JSON/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('xoxb-plain');
    }
  });
});
