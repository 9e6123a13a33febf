import * as path from 'node:path';
import { SNAPSHOT_FILE, writeRunOutputs } from '../../cli/io/write-run-outputs.js';
import { writeSnapshotFromStore } from '../../cli/io/write-snapshot-file.js';
import { collectionStatus } from '../../collectors/collection-status.js';
import type { Action } from '../../engine/types/action.js';
import type { RunSummary } from '../../shared/store/store.js';
import { approveTopAction, type ApprovalResult } from './approve-top-action.js';
import { DEMO_EXECUTORS, runLocalAnalysis } from './local-analysis.js';
import { phaseTimer } from './phase-timer.js';

export { DEMO_EXECUTORS } from './local-analysis.js';

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

/**
 * `headroom demo` (SPEC §3): a sample account collected through the same collector code as AWS, the
 * analysis state machine the stack deploys run locally against the real handlers and an embedded
 * DynamoDB, every deliverable written to `outDir`, and one approval run end to end.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const { progress } = options;
  const phase = phaseTimer(progress);
  const local = await runLocalAnalysis(options);
  try {
    const { account, store, run, actions } = local;
    // Streamed from the store to snapshot.json, never held whole: a 10,000-resource snapshot is ~650 MB even compact.
    const snapshot = await phase(
      'snapshot',
      () => writeSnapshotFromStore(path.join(options.outDir, SNAPSHOT_FILE), store, { accounts: [account.accountId], regions: account.regions, collectedAt: local.now }),
      (s) => `${s.resources} resources, ${s.metricSeries} series written to ${SNAPSHOT_FILE}`,
    );
    // The collection's status and issues, as `headroom scan` reports them: in findings.json and the report.
    const issues = await store.listIssues();
    const collection = { status: collectionStatus(issues, snapshot.resources ?? (await store.listResources()).length), issues };
    const files = await phase(
      `write ${options.outDir}`,
      () =>
        writeRunOutputs(options.outDir, {
          run,
          actions,
          forecasts: local.forecasts,
          anomalies: local.anomalies,
          snapshot: { streamed: snapshot },
          generatedAt: new Date(local.now).toISOString(),
          slack: local.slack,
          email: local.email && { html: local.email.content.html, text: local.email.content.text },
          collection,
        }),
      (written) => written.join(', '),
    );
    const approval = await phase(
      'approval',
      () => approveTopAction({ store, applyDefinition: local.definitions.apply, runId: run.runId, actions, portsFor: local.portsFor, account: account.accountId, enabledExecutors: [...DEMO_EXECUTORS], progress }),
      (result) => (result ? `${result.actionId} → ${result.outcome}` : 'no action has an enabled executor, nothing to approve'),
    );
    return { runId: run.runId, run, actions, files, approval, seconds: (performance.now() - started) / 1000 };
  } finally {
    await local.stop();
  }
}
