import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { WebClient } from '@slack/web-api';
import { requireEnv } from '../../shared/env.js';
import { getSlackSecret, invalidateSlackSecret } from '../../shared/slack/slack-secret.js';
import { createSlackOutcomeNotifier, type OutcomeNotifier } from './outcome-notifier.js';

/** Slack platform errors that mean the bot token is wrong, revoked or rotated: the secret must be read again. */
const AUTH_ERRORS = new Set(['invalid_auth', 'token_revoked', 'not_authed', 'account_inactive', 'token_expired']);

/** True for a @slack/web-api platform error whose `data.error` is an authentication failure. */
export function isSlackAuthError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' && AUTH_ERRORS.has(data.error);
}

/**
 * The web client for outcome posts: a 10 s request timeout and two retries, so a Slack outage costs the
 * NotifyOutcome step well under its 1-minute timeout (the web-api default is 10 retries over ~30 minutes).
 */
export function outcomeWebClient(botToken: string): WebClient {
  return new WebClient(botToken, { timeout: 10_000, retryConfig: { retries: 2 } });
}

export interface SecretBackedNotifierOptions {
  secrets?: SecretsManagerClient;
  secretArn?: string;
  makeClient?: (botToken: string) => Pick<WebClient, 'chat'>;
}

/**
 * The outcome notifier for Lambda: the bot token comes from SLACK_SECRET_ARN through the shared secret cache
 * (5-minute TTL). When Slack rejects the token, the cached secret is invalidated so the next post reads it
 * again — a rotated token is picked up without recycling the function.
 */
export function createSecretBackedNotifier(options: SecretBackedNotifierOptions = {}): OutcomeNotifier {
  const makeClient = options.makeClient ?? outcomeWebClient;
  let secrets = options.secrets;
  let current: { token: string; notifier: OutcomeNotifier } | undefined;
  return {
    async post(message) {
      secrets ??= new SecretsManagerClient({});
      const secretArn = options.secretArn ?? requireEnv('SLACK_SECRET_ARN');
      const { botToken } = await getSlackSecret(secrets, secretArn);
      if (current?.token !== botToken) current = { token: botToken, notifier: createSlackOutcomeNotifier(makeClient(botToken)) };
      try {
        return await current.notifier.post(message);
      } catch (error) {
        if (isSlackAuthError(error)) invalidateSlackSecret(secretArn);
        throw error;
      }
    },
  };
}
