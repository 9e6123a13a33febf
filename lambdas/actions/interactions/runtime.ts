import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WebClient } from '@slack/web-api';
import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { requireEnv } from '../../shared/env.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { listEnv } from '../env.js';
import { createResponseUrlPoster } from '../slack/response-url.js';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getSlackSecret } from '../../shared/slack/slack-secret.js';
import { createInteractionHandler, type InteractionHandler } from './handle-interaction.js';

/**
 * Production wiring of the interactions endpoint, built once per cold start (the secret read included,
 * so a warm click spends its 3 seconds on DynamoDB and StartExecution only). Env: TABLE_NAME,
 * SLACK_SECRET_ARN, APPLY_STATE_MACHINE_ARN, APPROVER_IDS, HIGH_RISK_APPROVER_IDS (optional).
 */
let handler: Promise<InteractionHandler> | undefined;

async function build(): Promise<InteractionHandler> {
  const secret = await getSlackSecret(new SecretsManagerClient({}), requireEnv('SLACK_SECRET_ARN'));
  const stateMachineArn = requireEnv('APPLY_STATE_MACHINE_ARN');
  const sfn = new SFNClient({});
  const slack = new WebClient(secret.botToken);
  return createInteractionHandler({
    store: new DynamoStore(getDocumentClient(), requireEnv('TABLE_NAME')),
    startExecution: async ({ name, input }) => {
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      if (!executionArn) throw new Error('StartExecution returned no executionArn.');
      return { executionArn };
    },
    signingSecret: secret.signingSecret,
    approverIds: listEnv('APPROVER_IDS'),
    highRiskApproverIds: listEnv('HIGH_RISK_APPROVER_IDS'),
    groupMembers: async (groupId) => (await slack.usergroups.users.list({ usergroup: groupId })).users ?? [],
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
