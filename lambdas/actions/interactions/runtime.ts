import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WebClient } from '@slack/web-api';
import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { requireEnv } from '../../shared/env.js';
import { getSlackSecret, invalidateSlackSecret } from '../../shared/slack/slack-secret.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { listEnv } from '../env.js';
import { isSlackAuthError } from '../slack/secret-backed-notifier.js';
import { createResponseUrlPoster } from '../slack/response-url.js';
import { cachedGroupMembers, groupLookupClient } from './group-members.js';
import { createInteractionHandler, type InteractionHandler } from './handle-interaction.js';

/**
 * Production wiring of the interactions endpoint, built once per cold start. The Slack secret is read through
 * the shared cache (5-minute TTL; read at build time so a warm click rarely waits for it), re-read after a
 * signature mismatch (at most once a minute) or a bot-token rejection. Env: TABLE_NAME, SLACK_SECRET_ARN,
 * APPLY_STATE_MACHINE_ARN, APPROVER_IDS, HIGH_RISK_APPROVER_IDS (optional), ENABLED_EXECUTORS, ACCOUNT_ID.
 */
let handler: Promise<InteractionHandler> | undefined;

async function build(): Promise<InteractionHandler> {
  const secretArn = requireEnv('SLACK_SECRET_ARN');
  const secrets = new SecretsManagerClient({});
  const secret = () => getSlackSecret(secrets, secretArn);
  await secret();
  const stateMachineArn = requireEnv('APPLY_STATE_MACHINE_ARN');
  const sfn = new SFNClient({});
  let lookup: { token: string; client: WebClient } | undefined;
  const readGroup = async (groupId: string): Promise<string[]> => {
    const { botToken } = await secret();
    if (lookup?.token !== botToken) lookup = { token: botToken, client: groupLookupClient(botToken) };
    try {
      return (await lookup.client.usergroups.users.list({ usergroup: groupId })).users ?? [];
    } catch (error) {
      if (isSlackAuthError(error)) invalidateSlackSecret(secretArn);
      throw error;
    }
  };
  return createInteractionHandler({
    store: new DynamoStore(getDocumentClient(), requireEnv('TABLE_NAME')),
    startExecution: async ({ name, input }) => {
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      if (!executionArn) throw new Error('StartExecution returned no executionArn.');
      return { executionArn };
    },
    signingSecret: async () => (await secret()).signingSecret,
    reloadSigningSecret: async () => {
      invalidateSlackSecret(secretArn);
      return (await secret()).signingSecret;
    },
    approverIds: listEnv('APPROVER_IDS'),
    highRiskApproverIds: listEnv('HIGH_RISK_APPROVER_IDS'),
    groupMembers: cachedGroupMembers(readGroup),
    enabledExecutors: listEnv('ENABLED_EXECUTORS'),
    homeAccount: requireEnv('ACCOUNT_ID'),
    respond: createResponseUrlPoster(),
    now: () => new Date(),
  });
}

export function interactionHandler(): Promise<InteractionHandler> {
  // A failed build (e.g. the secret is not set yet) is not cached, so the next click tries again.
  handler ??= build().catch((error: unknown) => {
    handler = undefined;
    throw error;
  });
  return handler;
}
