import * as path from 'node:path';
import { HANDLERS, roleForLogicalId, type HandlerRole } from '../../../lib/handlers.js';
import { REPO_ROOT } from '../../../lib/paths.js';
import { runCollectors, type CollectorProgress } from '../../collectors/run-collectors.js';
import type { PortsFor } from '../../collectors/ports.js';
import type { Action } from '../../engine/types/action.js';
import type { SlackMessage } from '../../notify/format/slack-blocks.js';
import type { OutgoingEmail } from '../../notify/email/send-email.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import type { HeadroomStore, RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import { setWorkflowRuntime } from '../../workflow/runtime.js';
import { createSamplePortsFor, generateSampleAccount, type SampleAccount } from '../sample-account/index.js';
import { runLocalStateMachine, type LambdaHandler } from '../state-machine/run-state-machine.js';
import { createLocalDocumentClient } from './local-dynamo-client.js';
import { createLocalNotifiers } from './local-notifiers.js';
import { LOCAL_TABLE_NAME, startLocalEnvironment } from './local-environment.js';
import { phaseTimer } from './phase-timer.js';
import { synthDefinitions, type SynthesisedDefinitions } from './synth-template.js';

const FIVE_MINUTES_MS = 300_000;
export const LOOKBACK_DAYS = 14;

/**
 * Every executor of SPEC §8 (lambdas/actions/executors/index.ts): the local runs enable them all, because the
 * sample account answers each one's calls (sample-executor-ports.ts). A deployment enables none by default.
 */
export const DEMO_EXECUTORS: readonly string[] = [
  'ebs-gp2-to-gp3',
  'lambda-memory',
  'ec2-stop',
  'ec2-instance-type',
  'ebs-snapshot-delete',
  'dynamodb-billing-mode',
  'log-retention',
];

export interface LocalAnalysisOptions {
  resources: number;
  seed: number;
  /** The sample account's "now"; default: the current time rounded down to 5 minutes. */
  now?: number;
  progress(line: string): void;
}

/** A finished local analysis run, with the embedded DynamoDB still up; `stop()` ends it. */
export interface LocalAnalysis {
  account: SampleAccount;
  portsFor: PortsFor;
  /** The local store, its per-resource reads bounded for dynalite. */
  store: HeadroomStore;
  definitions: SynthesisedDefinitions;
  now: number;
  run: RunSummary;
  /** The run's ranked actions, read once. */
  actions: Action[];
  forecasts: StoredForecast[];
  anomalies: StoredAnomaly[];
  /** The digest the Slack notifier would have posted, and the emails it would have sent. */
  slack?: SlackMessage;
  email?: OutgoingEmail;
  stop(): Promise<void>;
}

/** Loads each analysis task's real handler module, by the role its function's logical id names. */
async function loadHandlers(roles: HandlerRole[]): Promise<Map<HandlerRole, LambdaHandler>> {
  const handlers = new Map<HandlerRole, LambdaHandler>();
  for (const role of roles) {
    const module = (await import(path.join(REPO_ROOT, HANDLERS[role].entry))) as { handler: LambdaHandler };
    handlers.set(role, module.handler);
  }
  return handlers;
}

function describeCollector(event: CollectorProgress): string | undefined {
  if (event.phase === 'start') return undefined;
  const { report } = event;
  const calls = Object.values(report.calls).reduce((sum, n) => sum + n, 0);
  const written = Object.entries(report.itemsWritten).map(([kind, count]) => `${count} ${kind}`).join(', ') || 'nothing';
  const issues = report.issues.map((issue) => `${issue.region ?? ''} ${issue.code}`.trim());
  return `collect ${event.collector}: ${written}; ${calls} API calls${issues.length ? `; issues: ${issues.join(', ')}` : ''} (${(event.elapsedMs / 1000).toFixed(1)} s)`;
}

/**
 * The local pipeline of SPEC §3 up to a finished run: a sample account collected through the same collector code
 * as AWS into an embedded DynamoDB, and the analysis state machine the stack deploys run locally over the real
 * handlers. The demo writes its deliverables from the result; `headroom serve` answers clicks on its actions.
 * On failure everything started is stopped.
 */
export async function runLocalAnalysis(options: LocalAnalysisOptions): Promise<LocalAnalysis> {
  const { progress } = options;
  const phase = phaseTimer(progress);
  const now = options.now ?? Math.floor(Date.now() / FIVE_MINUTES_MS) * FIVE_MINUTES_MS;

  const account = await phase('sample account', async () => generateSampleAccount({ resources: options.resources, seed: options.seed, now }), (a) => `${a.resources.length} resources in ${a.regions.join(', ')}, seed ${options.seed}`);
  const definitions = await phase('cdk', async () => synthDefinitions(), () => 'stack synthesised in-process (asset bundling skipped)');
  const local = await phase('dynamodb', () => startLocalEnvironment({ HEADROOM_PERCENT: '20', LOOKBACK_DAYS: String(LOOKBACK_DAYS), BATCH_SIZE: '50' }), () => 'dynalite on 127.0.0.1');
  const documents = createLocalDocumentClient();
  const stop = async () => {
    setWorkflowRuntime(undefined);
    documents.destroy();
    await local.stop();
  };
  try {
    setWorkflowRuntime(undefined); // the handlers build their runtime from the environment, as in Lambda
    const store = new DynamoStore(documents, LOCAL_TABLE_NAME);
    const portsFor = createSamplePortsFor(account);
    await phase('collect', () =>
      runCollectors({
        portsFor,
        store,
        accounts: [account.accountId],
        regions: account.regions,
        now,
        lookbackDays: LOOKBACK_DAYS,
        onProgress: (event) => {
          const line = describeCollector(event);
          if (line) progress(line);
        },
      }),
      (result) => `${Object.values(result.total.itemsWritten).reduce((sum, n) => sum + n, 0)} items written`,
    );

    const notifiers = createLocalNotifiers(store, [...DEMO_EXECUTORS]);
    const handlers = await loadHandlers(['plan', 'analyse-batch', 'forecast', 'prioritise', 'persist-run']);
    let batchesDone = 0;
    const output = await phase('analysis', () =>
      runLocalStateMachine({
        definition: definitions.analysis,
        input: {},
        handlerFor: (logicalId) => {
          const role = roleForLogicalId(logicalId);
          if (role === 'notify-slack') return notifiers.notifySlack;
          if (role === 'notify-email') return notifiers.notifyEmail;
          const handler = role && handlers.get(role);
          if (!handler) throw new Error(`the analysis state machine invokes ${logicalId}, which has no local handler`);
          if (role !== 'analyse-batch') return handler;
          return async (event) => {
            const result = await handler(event);
            batchesDone += 1;
            if (batchesDone % 20 === 0) progress(`analysis: ${batchesDone} batches analysed`);
            return result;
          };
        },
        onStateEntered: (state) => progress(`analysis: ${state}`),
      }) as Promise<{ runId: string }>,
      (result) => `run ${result.runId}, ${batchesDone} batches`,
    );

    const results = await phase('read run', async () => {
      const run = await store.getRun(output.runId);
      if (!run) throw new Error(`the analysis run ${output.runId} finished without a run summary in the table`);
      const [actions, forecasts, anomalies] = await Promise.all([store.listActions(run.runId), store.listForecasts(run.runId), store.listAnomalies(run.runId)]);
      return { run, actions, forecasts, anomalies };
    }, (r) => `${r.actions.length} actions, ${r.forecasts.length} forecasts, ${r.anomalies.length} anomalies`);
    return { account, portsFor, store, definitions, now, ...results, slack: notifiers.slackOutbox[0], email: notifiers.emailOutbox[0], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
