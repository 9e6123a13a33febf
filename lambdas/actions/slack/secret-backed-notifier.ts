import { WebClient } from '@slack/web-api';
import { requireEnv } from '../../shared/env.js';
import { createSlackOutcomeNotifier, type OutcomeNotifier } from './outcome-notifier.js';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getSlackSecret } from '../../shared/slack/slack-secret.js';

/** The outcome notifier for Lambda: bot token read from SLACK_SECRET_ARN on first post, then reused. */
export function createSecretBackedNotifier(): OutcomeNotifier {
  let notifier: Promise<OutcomeNotifier> | undefined;
  return {
    async post(message) {
      notifier ??= getSlackSecret(new SecretsManagerClient({}), requireEnv('SLACK_SECRET_ARN')).then((secret) => createSlackOutcomeNotifier(new WebClient(secret.botToken)));
      try {
        return await (await notifier).post(message);
      } catch (error) {
        notifier = undefined; // a bad or rotated secret is read again on the next invocation
        throw error;
      }
    },
  };
}
