import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { HANDLERS, roleForLogicalId, type HandlerRole } from '../../../lib/handlers.js';
import { REPO_ROOT } from '../../../lib/paths.js';
import { runCollectors, type CollectorProgress } from '../../collectors/run-collectors.js';
import type { Action } from '../../engine/types/action.js';
import { SnapshotSchema, type Snapshot } from '../../engine/types/snapshot.js';
import { buildReportHtml } from '../../notify/format/report-html.js';
import { createDocumentClient } from '../../shared/aws/dynamodb.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import type { HeadroomStore, RunSummary } from '../../shared/store/store.js';
import { setWorkflowRuntime } from '../../workflow/runtime.js';
import { createSamplePortsFor, generateSampleAccount, type SampleAccount } from '../sample-account/index.js';
import { runLocalStateMachine, type LambdaHandler } from '../state-machine/run-state-machine.js';
import { approveTopAction, type ApprovalResult } from './approve-top-action.js';
import { createLocalNotifiers } from './local-notifiers.js';
import { LOCAL_TABLE_NAME, startLocalEnvironment } from './local-environment.js';
import { synthDefinitions } from './synth-template.js';

const FIVE_MINUTES_MS = 300_000;
const LOOKBACK_DAYS = 14;
/** Executors the demo enables so the digest shows Approve buttons (a deployment enables none by default). */
const DEMO_EXECUTORS = ['ebs-gp2-to-gp3'];

export interface DemoOptions {
  resources: number;
  seed: number;
  outDir: string;
  /** The sample account's "now"; default: the current time, so the real clock of the run falls just after it. */
  now?: number;
  progress(line: string): void;
}

export interface DemoResult {
  runId: string;
  run: RunSummary;
  actions: Action[];
  files: string[];
  /** The approval SPEC §3 exercises; undefined when the digest had no automatable action. */
  approval?: ApprovalResult;
  seconds: number;
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

/** The collected snapshot, read back from the store (what the engine saw), validated against the published schema. */
async function readSnapshot(store: HeadroomStore, account: SampleAccount): Promise<Snapshot> {
  const resources = await store.listResources();
  const perResource = await Promise.all(resources.map((resource) => store.getResourceData(resource.arn)));
  return SnapshotSchema.parse({
    version: 1,
    collectedAt: new Date(account.now).toISOString(),
    accounts: [account.accountId],
    regions: account.regions,
    resources,
    series: perResource.flatMap((data) => data.series),
    costs: await store.listCosts(),
    costForecast: await store.getCostForecast(),
    recommendations: perResource.flatMap((data) => data.recommendations),
    issues: await store.listIssues(),
  });
}

function describeProgress(event: CollectorProgress): string | undefined {
  if (event.phase === 'start') return undefined;
  const { report } = event;
  const calls = Object.values(report.calls).reduce((sum, n) => sum + n, 0);
  const written = Object.entries(report.itemsWritten).map(([kind, count]) => `${count} ${kind}`).join(', ') || 'nothing';
  const issues = report.issues.map((issue) => `${issue.region ?? ''} ${issue.code}`.trim());
  return `collect ${event.collector}: ${written}; ${calls} API calls${issues.length ? `; issues: ${issues.join(', ')}` : ''} (${(event.elapsedMs / 1000).toFixed(1)} s)`;
}

/**
 * `headroom demo` (SPEC §3): a sample account collected through the same collector code as AWS, the
 * analysis state machine the stack deploys run locally against the real handlers and an embedded
 * DynamoDB, and every deliverable written to `outDir`.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const { progress } = options;
  const now = options.now ?? Math.floor(Date.now() / FIVE_MINUTES_MS) * FIVE_MINUTES_MS;

  progress(`sample account: ${options.resources} resources, seed ${options.seed}`);
  const account = generateSampleAccount({ resources: options.resources, seed: options.seed, now });

  progress('cdk: synthesising the stack in-process (asset bundling skipped)');
  const definitions = synthDefinitions();

  progress('dynamodb: starting dynalite on 127.0.0.1');
  const local = await startLocalEnvironment({ HEADROOM_PERCENT: '20', LOOKBACK_DAYS: String(LOOKBACK_DAYS), BATCH_SIZE: '50' });
  try {
    setWorkflowRuntime(undefined); // the handlers build their runtime from the environment, as in Lambda
    const store = new DynamoStore(createDocumentClient(), LOCAL_TABLE_NAME);

    const portsFor = createSamplePortsFor(account);
    await runCollectors({
      portsFor,
      store,
      accounts: [account.accountId],
      regions: account.regions,
      now,
      lookbackDays: LOOKBACK_DAYS,
      onProgress: (event) => {
        const line = describeProgress(event);
        if (line) progress(line);
      },
    });

    const notifiers = createLocalNotifiers(store, DEMO_EXECUTORS);
    const handlers = await loadHandlers(['plan', 'analyse-batch', 'forecast', 'prioritise', 'persist-run']);
    let batchesDone = 0;
    progress('analysis: running the deployed state machine definition locally');
    const output = (await runLocalStateMachine({
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
          progress(`analysis: batch ${batchesDone} analysed`);
          return result;
        };
      },
      onStateEntered: (state) => progress(`analysis: ${state}`),
    })) as { runId: string };

    const run = await store.getRun(output.runId);
    if (!run) throw new Error(`the analysis run ${output.runId} finished without a run summary in the table`);
    const actions = await store.listActions(run.runId);
    const forecasts = await store.listForecasts(run.runId);
    const anomalies = await store.listAnomalies(run.runId);
    const snapshot = await readSnapshot(store, account);

    progress(`writing ${options.outDir}`);
    mkdirSync(options.outDir, { recursive: true });
    const slack = notifiers.slackOutbox[0];
    const email = notifiers.emailOutbox[0];
    const files: Record<string, string> = {
      'findings.json': `${JSON.stringify({ runId: run.runId, actions, forecasts, anomalies }, null, 2)}\n`,
      'snapshot.json': JSON.stringify(snapshot),
      'report.html': buildReportHtml({
        run,
        actions,
        forecasts,
        anomalies,
        generatedAt: new Date(now).toISOString(),
        snapshotSummary: {
          resources: snapshot.resources.length,
          accounts: snapshot.accounts.length,
          regions: snapshot.regions.length,
          metricSeries: snapshot.series.length,
          collectionIssues: snapshot.issues.length,
          costHistoryDays: new Set(snapshot.costs.map((cost) => cost.date)).size,
        },
      }),
    };
    if (slack) files['slack.json'] = `${JSON.stringify(slack, null, 2)}\n`;
    if (email) {
      files['email.html'] = email.content.html;
      files['email.txt'] = email.content.text;
    }
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(options.outDir, name), content);

    const approval = await approveTopAction({ store, applyDefinition: definitions.apply, runId: run.runId, actions, portsFor, account: account.accountId, enabledExecutors: DEMO_EXECUTORS, progress });
    if (approval) progress(`approval: ${approval.actionId} → ${approval.outcome}`);
    else progress('approval: no action has an enabled executor, nothing to approve');
    return { runId: run.runId, run, actions, files: Object.keys(files), approval, seconds: (performance.now() - started) / 1000 };
  } finally {
    setWorkflowRuntime(undefined);
    await local.stop();
  }
}
