import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBackedNotifier, isSlackAuthError, outcomeWebClient } from '../../../lambdas/actions/slack/secret-backed-notifier.js';
import { clearSlackSecretCache } from '../../../lambdas/shared/slack/slack-secret.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:slack';
const secrets = mockClient(SecretsManagerClient);

/** What @slack/web-api throws for a platform error such as invalid_auth. */
function platformError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });
}

describe('secret-backed outcome notifier', () => {
  beforeEach(() => {
    secrets.reset();
    clearSlackSecretCache();
  });
  afterEach(() => clearSlackSecretCache());

  it('reads the secret again after Slack rejects the token, and posts with the rotated one', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify({ botToken: 'xoxb-old', signingSecret: 's' }) })
      .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-new', signingSecret: 's' }) });
    const tokens: string[] = [];
    const notifier = createSecretBackedNotifier({
      secrets: new SecretsManagerClient({ region: 'us-east-1' }),
      secretArn: ARN,
      makeClient: (token) => ({
        chat: {
          postMessage: async () => {
            tokens.push(token);
            if (token === 'xoxb-old') throw platformError('invalid_auth');
            return { ok: true, ts: '1.2' };
          },
        },
      }) as never,
    });

    await expect(notifier.post({ channel: 'C1', text: 'x' })).rejects.toThrow(/invalid_auth/);
    await expect(notifier.post({ channel: 'C1', text: 'x' })).resolves.toEqual({ ts: '1.2' });
    expect(tokens).toEqual(['xoxb-old', 'xoxb-new']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('keeps the cached secret when Slack fails for another reason', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-1', signingSecret: 's' }) });
    const notifier = createSecretBackedNotifier({
      secrets: new SecretsManagerClient({ region: 'us-east-1' }),
      secretArn: ARN,
      makeClient: () => ({ chat: { postMessage: async () => Promise.reject(platformError('channel_not_found')) } }) as never,
    });
    await expect(notifier.post({ channel: 'C1', text: 'x' })).rejects.toThrow();
    await expect(notifier.post({ channel: 'C1', text: 'x' })).rejects.toThrow();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('recognises the token errors and nothing else', () => {
    for (const code of ['invalid_auth', 'token_revoked', 'not_authed']) expect(isSlackAuthError(platformError(code))).toBe(true);
    expect(isSlackAuthError(platformError('ratelimited'))).toBe(false);
    expect(isSlackAuthError(new Error('network'))).toBe(false);
  });

  it('posts with a 10 s timeout and two retries instead of the web-api default of ten', () => {
    const client = outcomeWebClient('xoxb-1') as unknown as { timeout: number; retryConfig: { retries: number } };
    expect(client.timeout).toBe(10_000);
    expect(client.retryConfig.retries).toBe(2);
  });
});
