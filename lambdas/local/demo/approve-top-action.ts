import { createApplyStepHandlers, type ApplyStepHandlers } from '../../actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../actions/executors/index.js';
import { createInteractionHandler } from '../../actions/interactions/handle-interaction.js';
import type { ButtonValue } from '../../actions/slack/interaction-payload.js';
import { signSlackRequest } from '../../actions/slack/verify-signature.js';
import type { PortsFor } from '../../collectors/ports.js';
import type { Action } from '../../engine/types/action.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { roleForLogicalId, type HandlerRole } from '../../../lib/handlers.js';
import { runLocalStateMachine, type LambdaHandler } from '../state-machine/run-state-machine.js';
import { createSampleExecutorContext } from './sample-executor-ports.js';

/** The demo's Slack workspace: one approver, one channel, a signing secret known only to this process. */
const DEMO_USER = 'U0DEMOAPPR';
const DEMO_CHANNEL_ID = 'C0DEMOCHAN';
const DEMO_SIGNING_SECRET = 'headroom-local-demo-signing-secret';

const APPLY_ROLES: Partial<Record<HandlerRole, keyof ApplyStepHandlers>> = {
  precheck: 'precheck',
  'rollback-point': 'rollbackPoint',
  apply: 'apply',
  validate: 'validate',
  rollback: 'rollback',
  'notify-outcome': 'notifyOutcome',
};

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


/** A block_actions payload as Slack POSTs it (form-encoded `payload=<JSON>`), signed with the app's secret. */
function signedClick(value: ButtonValue, messageTs: string, nowSeconds: number) {
  const payload = {
    type: 'block_actions',
    user: { id: DEMO_USER, username: 'demo.approver' },
    team: { id: 'T0DEMOTEAM' },
    channel: { id: DEMO_CHANNEL_ID, name: 'headroom' },
    container: { type: 'message', message_ts: messageTs },
    message: { ts: messageTs },
    response_url: 'https://hooks.slack.com/actions/T0DEMOTEAM/0000000000/local-demo',
    actions: [{ type: 'button', action_id: 'approve', value: JSON.stringify(value), action_ts: `${nowSeconds}.000000` }],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = String(nowSeconds);
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(DEMO_SIGNING_SECRET, timestamp, body),
    },
    body,
  };
}

/**
 * SPEC §3's approval, end to end: clicks Approve on the digest's top automatable action with a signed Slack
 * payload, sends it to the real interactions handler (signature, authorisation, idempotent decision, audit),
 * which starts the apply state machine the stack deploys; its steps run against the sample account.
 * Returns undefined when the digest offers nothing to approve.
 */
export async function approveTopAction(options: ApprovalOptions): Promise<ApprovalResult | undefined> {
  const top = options.actions.find((action) => action.automation.executor !== null && options.enabledExecutors.includes(action.automation.executor));
  if (!top) return undefined;
  // What an Approve button carries (lambdas/notify/format/slack-blocks.ts).
  const value: ButtonValue = { runId: options.runId, actionId: top.id };
  const { progress } = options;
  const applyHandlers = createApplyStepHandlers(
    {
      store: options.store,
      executors: EXECUTORS,
      enabledExecutors: options.enabledExecutors,
      context: createSampleExecutorContext(options.portsFor, options.account),
      notifier: {
        async post({ text }) {
          progress(`slack thread: ${text.split('\n')[0]}`);
          return { ts: `${Date.now() / 1000}` };
        },
      },
      now: () => new Date(),
    },
    { fallbackChannel: DEMO_CHANNEL_ID },
  );

  const steps: string[] = [];
  let execution: Promise<unknown> | undefined;
  const interactions = createInteractionHandler({
    store: options.store,
    signingSecret: DEMO_SIGNING_SECRET,
    approverIds: [DEMO_USER],
    now: () => new Date(),
    log: () => undefined,
    startExecution: async ({ name, input }) => {
      progress(`apply: starting execution ${name}`);
      // As in AWS, StartExecution returns at once; the run goes on after the click has been answered.
      execution = runLocalStateMachine({
        definition: options.applyDefinition,
        input,
        handlerFor: (logicalId) => {
          const role = roleForLogicalId(logicalId);
          const step = role ? APPLY_ROLES[role] : undefined;
          if (!step) throw new Error(`the apply state machine invokes ${logicalId}, which is not an apply step`);
          return applyHandlers[step] as LambdaHandler;
        },
        onStateEntered: (state, type) => {
          if (type === 'Task' || type === 'Wait') steps.push(state);
          progress(`apply: ${state}`);
        },
      });
      return { executionArn: `arn:aws:states:us-east-1:${options.account}:execution:ApplyStateMachine:${name}` };
    },
  });

  progress(`slack: ${DEMO_USER} clicks Approve on action #${options.actions.indexOf(top) + 1} ${top.id} (${top.resource.name})`);
  const answer = await interactions(signedClick(value, '1700000000.000100', Math.floor(Date.now() / 1000)));
  progress(`interactions endpoint answered HTTP ${answer.statusCode}`);
  if (answer.statusCode !== 200 || !execution) throw new Error(`the interactions endpoint refused the demo's approval: HTTP ${answer.statusCode} ${answer.body}`);
  const output = (await execution) as { outcome?: unknown };
  const outcome = typeof output.outcome === 'string' ? output.outcome : JSON.stringify(output.outcome);
  return { actionId: value.actionId, outcome, steps };
}
