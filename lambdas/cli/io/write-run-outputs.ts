import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Action } from '../../engine/types/action.js';
import type { Snapshot } from '../../engine/types/snapshot.js';
import type { CollectionStatus } from '../../collectors/collection-status.js';
import { reportedIssue, type CollectionReportInput, type ReportedIssue } from '../../notify/format/collection-issues.js';
import { buildReportHtml, type SnapshotSummary } from '../../notify/format/report-html.js';
import type { ApiCallCounts, RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import { writeSnapshotFile } from './write-snapshot-file.js';

/** The snapshot's file name in a run's output folder. */
export const SNAPSHOT_FILE = 'snapshot.json';

/** Everything a finished run leaves in its output folder (the demo's and the scan's deliverables). */
export interface RunOutputs {
  run: RunSummary;
  actions: Action[];
  forecasts: StoredForecast[];
  anomalies: StoredAnomaly[];
  /** Realised savings measured by the run (listRealisedSavings), shown in the report. */
  realised?: readonly RealisedSavingsRecord[];
  /**
   * What the engine saw: in memory (written to snapshot.json by writeRunOutputs), or already streamed to
   * `outDir/snapshot.json` by writeSnapshotFromStore and known by its counts (the demo: a 10,000-resource snapshot
   * is too large to hold).
   */
  snapshot: Snapshot | { streamed: SnapshotSummary };
  /** ISO time the report says it was generated at. */
  generatedAt: string;
  /** The Slack Block Kit payload and the email digest, when a notifier produced them. */
  slack?: unknown;
  email?: { html: string; text: string };
  /** The run's own AWS API calls (written as api-calls.json). */
  apiCalls?: ApiCallCounts;
  /** How far the collection can be trusted and its issues (collection-status.ts); in findings.json and every digest. */
  collection?: CollectionReportInput;
}

/**
 * The files of a run other than snapshot.json, by name: findings.json (`{ runId, status, issues, actions, forecasts,
 * anomalies }`, status and issues when the collection is known),
 * report.html (self-contained, with charts), and slack.json, email.html, email.txt and api-calls.json when given.
 * Pure: writeRunOutputs puts them on disk.
 */
export function runOutputFiles(outputs: Omit<RunOutputs, 'snapshot'>, snapshotSummary: SnapshotSummary): Record<string, string> {
  const { run, actions, forecasts, anomalies } = outputs;
  const files: Record<string, string> = {
    'findings.json': `${JSON.stringify({ runId: run.runId, ...collectionMembers(outputs.collection), actions, forecasts, anomalies }, null, 2)}\n`,
    'report.html': buildReportHtml({
      run,
      actions,
      forecasts,
      anomalies,
      realised: outputs.realised,
      generatedAt: outputs.generatedAt,
      snapshotSummary,
      ...(outputs.collection === undefined ? {} : { collection: outputs.collection }),
    }),
  };
  if (outputs.slack !== undefined) files['slack.json'] = `${JSON.stringify(outputs.slack, null, 2)}\n`;
  if (outputs.email !== undefined) {
    files['email.html'] = outputs.email.html;
    files['email.txt'] = outputs.email.text;
  }
  if (outputs.apiCalls !== undefined) files['api-calls.json'] = `${JSON.stringify(outputs.apiCalls, null, 2)}\n`;
  return files;
}

/** findings.json's `status` and `issues` (each as reportedIssue shows it). */
function collectionMembers(collection: CollectionReportInput | undefined): { status?: CollectionStatus; issues?: ReportedIssue[] } {
  if (collection === undefined) return {};
  return { status: collection.status, issues: collection.issues.map(reportedIssue) };
}

/** The counts the report shows of a snapshot held in memory. */
export function summariseSnapshot(snapshot: Snapshot): SnapshotSummary {
  return {
    resources: snapshot.resources.length,
    accounts: snapshot.accounts.length,
    regions: snapshot.regions.length,
    metricSeries: snapshot.series.length,
    collectionIssues: snapshot.issues.length,
    costHistoryDays: new Set(snapshot.costs.map((cost) => cost.date)).size,
  };
}

/**
 * Writes the run's files into `outDir` (created if missing): snapshot.json streamed in the line layout
 * (write-snapshot-file.ts) unless the caller already streamed it, then runOutputFiles. Returns the file names.
 */
export async function writeRunOutputs(outDir: string, outputs: RunOutputs): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const { snapshot } = outputs;
  let summary: SnapshotSummary;
  if ('streamed' in snapshot) summary = snapshot.streamed;
  else {
    await writeSnapshotFile(path.join(outDir, SNAPSHOT_FILE), snapshot);
    summary = summariseSnapshot(snapshot);
  }
  const files = runOutputFiles(outputs, summary);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(outDir, name), content);
  return [SNAPSHOT_FILE, ...Object.keys(files)];
}
