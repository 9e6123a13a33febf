import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSlackSecret, SlackSecretInvalid } from '../../../lambdas/actions/slack/slack-secret.js';

const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:slack';

describe('loadSlackSecret', () => {
  beforeEach(() => secrets.reset());

  it('reads the bot token and signing secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"botToken":"xoxb-1","signingSecret":"s3"}' });
    expect(await loadSlackSecret(ARN, new SecretsManagerClient({ region: 'us-east-1' }))).toEqual({ botToken: 'xoxb-1', signingSecret: 's3' });
  });

  it('explains what to store when the secret is still the placeholder', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'CHANGE_ME' });
    await expect(loadSlackSecret(ARN, new SecretsManagerClient({ region: 'us-east-1' }))).rejects.toThrow(SlackSecretInvalid);
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"botToken":""}' });
    await expect(loadSlackSecret(ARN, new SecretsManagerClient({ region: 'us-east-1' }))).rejects.toThrow(/signingSecret/);
  });
});
