import { createInteractionHandler } from '../../actions/interactions/handle-interaction.js';
import type { ButtonValue } from '../../actions/slack/interaction-payload.js';
import { signSlackRequest } from '../../actions/slack/verify-signature.js';
import type { PortsFor } from '../../collectors/ports.js';
import type { Action } from '../../engine/types/action.js';
import { approvability } from '../../notify/format/slack-blocks.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { createLocalApplyStarter, outcomeOf } from './local-apply.js';

/** The demo's Slack workspace: one approver, one channel, a signing secret known only to this process. */
const DEMO_USER = 'U0DEMOAPPR';
const DEMO_CHANNEL_ID = 'C0DEMOCHAN';
const DEMO_SIGNING_SECRET = 'headroom-local-demo-signing-secret';

export interface ApprovalOptions {
  store: HeadroomStore;
  applyDefinition: Record<string, unknown>;
  runId: string;
  /** The run's ranked actions; the first whose executor is enabled is approved. */
  actions: Action[];
  portsFor: PortsFor;
  account: string;
  enabledExecutors: string[];
  progress(line: string): void;
}

export interface ApprovalResult {
  actionId: string;
  outcome: string;
  /** The Task and Wait states the apply workflow went through, in order. */
  steps: string[];
}


/**
 * A block_actions payload as Slack POSTs it (form-encoded `payload=<JSON>`) for a click on `actionId`
 * ('approve' | 'snooze' | 'dismiss') by `user`, signed with `signingSecret`.
 */
export function signedClick(
  value: ButtonValue,
  options: { actionId?: 'approve' | 'snooze' | 'dismiss'; user?: string; signingSecret?: string; messageTs?: string; nowSeconds?: number } = {},
) {
  const { actionId = 'approve', user = DEMO_USER, signingSecret = DEMO_SIGNING_SECRET, messageTs = '1700000000.000100' } = options;
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const payload = {
    type: 'block_actions',
    user: { id: user, username: 'demo.approver' },
    team: { id: 'T0DEMOTEAM' },
    channel: { id: DEMO_CHANNEL_ID, name: 'headroom' },
    container: { type: 'message', message_ts: messageTs },
    message: { ts: messageTs },
    response_url: 'https://hooks.slack.com/actions/T0DEMOTEAM/0000000000/local-demo',
    actions: [{ type: 'button', action_id: actionId, value: JSON.stringify(value), action_ts: `${nowSeconds}.000000` }],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = String(nowSeconds);
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(signingSecret, timestamp, body),
    },
    body,
  };
}

/**
 * SPEC §3's approval, end to end: clicks Approve on the digest's top action that offers Approve with a signed Slack
 * payload, sends it to the real interactions handler (signature, authorisation, idempotent decision, audit),
 * which starts the apply state machine the stack deploys; its steps run against the sample account.
 * Returns undefined when the digest offers nothing to approve.
 */
export async function approveTopAction(options: ApprovalOptions): Promise<ApprovalResult | undefined> {
  // The first action the digest offers Approve for (lambdas/notify/format/slack-blocks.ts approvability).
  const enabled = new Set(options.enabledExecutors);
  const top = options.actions.find((action) => approvability(action, enabled, options.account).approvable);
  if (!top) return undefined;
  // What an Approve button carries (lambdas/notify/format/slack-blocks.ts).
  const value: ButtonValue = { runId: options.runId, actionId: top.id };
  const { progress } = options;
  const apply = createLocalApplyStarter({ ...options, fallbackChannel: DEMO_CHANNEL_ID });
  const interactions = createInteractionHandler({
    store: options.store,
    signingSecret: DEMO_SIGNING_SECRET,
    approverIds: [DEMO_USER],
    enabledExecutors: options.enabledExecutors,
    now: () => new Date(),
    log: () => undefined,
    startExecution: apply.startExecution,
  });

  progress(`slack: ${DEMO_USER} clicks Approve on action #${options.actions.indexOf(top) + 1} ${top.id} (${top.resource.name})`);
  const answer = await interactions(signedClick(value));
  progress(`interactions endpoint answered HTTP ${answer.statusCode}`);
  const [execution] = apply.executions;
  if (answer.statusCode !== 200 || !execution) throw new Error(`the interactions endpoint refused the demo's approval: HTTP ${answer.statusCode} ${answer.body}`);
  return { actionId: value.actionId, outcome: outcomeOf(await execution.done), steps: execution.steps };
}
