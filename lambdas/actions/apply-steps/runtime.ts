import { WebClient } from '@slack/web-api';
import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { requireEnv } from '../../shared/env.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { listEnv, tagScopeEnv } from '../env.js';
import { EXECUTORS } from '../executors/index.js';
import { createSdkEc2Ports, createSdkMetricsPorts } from '../executors/sdk-ports.js';
import { loadSlackSecret } from '../slack/slack-secret.js';
import { createSlackOutcomeNotifier, type OutcomeNotifier } from '../slack/outcome-notifier.js';
import type { ApplyStepDeps } from './deps.js';
import { createApplyStepHandlers, type ApplyStepHandlers } from './handlers.js';

/**
 * The apply steps' production wiring, built on first use (so importing a handler in a test never
 * reads the environment). Env: TABLE_NAME, ENABLED_EXECUTORS (comma list, empty = none),
 * TAG_SCOPE (optional key=value); notify-outcome also SLACK_SECRET_ARN and optional SLACK_CHANNEL.
 */
let deps: ApplyStepDeps | undefined;

function slackNotifier(): OutcomeNotifier {
  let notifier: Promise<OutcomeNotifier> | undefined;
  return {
    async post(message) {
      notifier ??= loadSlackSecret(requireEnv('SLACK_SECRET_ARN')).then((secret) => createSlackOutcomeNotifier(new WebClient(secret.botToken)));
      return (await notifier).post(message);
    },
  };
}

export function applyStepDeps(): ApplyStepDeps {
  deps ??= {
    store: new DynamoStore(getDocumentClient(), requireEnv('TABLE_NAME')),
    executors: EXECUTORS,
    enabledExecutors: listEnv('ENABLED_EXECUTORS'),
    context: {
      ec2: createSdkEc2Ports(),
      cloudwatch: createSdkMetricsPorts(),
      now: () => new Date(),
      tagScope: tagScopeEnv(),
    },
    notifier: slackNotifier(),
    now: () => new Date(),
  };
  return deps;
}

let handlers: ApplyStepHandlers | undefined;

/** The step handlers with production wiring; SLACK_CHANNEL (optional) is where outcomes go without a Slack thread. */
export function applyStepHandlers(): ApplyStepHandlers {
  handlers ??= createApplyStepHandlers(applyStepDeps(), { fallbackChannel: process.env.SLACK_CHANNEL?.trim() || undefined });
  return handlers;
}
