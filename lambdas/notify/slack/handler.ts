import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { WebClient } from '@slack/web-api';
import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { parseNotifyEvent } from '../event.js';
import { reportLinkOptions, sharedS3Client } from '../report-publisher.js';
import { readSlackConfig, type SlackNotifyConfig } from './config.js';
import { postDigest, type PostDigestResult } from './send-slack.js';
import { getSlackSecret } from '../../shared/slack/slack-secret.js';

/** Built on first invocation (not at import, so tests can import the module) and reused while the environment lives. */
let context: { config: SlackNotifyConfig; store: DynamoStore; secrets: SecretsManagerClient } | undefined;
let slack: { token: string; client: WebClient } | undefined;

/** NotifySlack task: event `{ runId }` → posts the run's digest → `{ posted, channels, ts, settled }`. */
export const handler = async (event: unknown): Promise<PostDigestResult> => {
  const { runId } = parseNotifyEvent(event);
  if (context === undefined) {
    const config = readSlackConfig();
    context = { config, store: new DynamoStore(getDocumentClient(), config.tableName), secrets: new SecretsManagerClient({}) };
  }
  const { config, store, secrets } = context;
  const { botToken } = await getSlackSecret(secrets, config.secretArn);
  // Rebuilt only when the token changed (rotation). Two quick retries ride out a 429 or a blip; the web-api
  // default (10 retries over ~30 minutes) would outlive the function's timeout.
  if (slack?.token !== botToken) slack = { token: botToken, client: new WebClient(botToken, { retryConfig: { retries: 2, factor: 2 } }) };
  return postDigest({ slack: slack.client, store }, runId, {
    channel: config.channel,
    enabledExecutors: config.enabledExecutors,
    homeAccount: config.homeAccount,
    ...reportLinkOptions(config, runId, sharedS3Client),
    topN: config.topN,
    teamChannels: config.teamChannels,
    ownerTagKey: config.ownerTagKey,
  });
};
