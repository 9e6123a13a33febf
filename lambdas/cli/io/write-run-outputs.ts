import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Action } from '../../engine/types/action.js';
import type { Snapshot } from '../../engine/types/snapshot.js';
import { buildReportHtml } from '../../notify/format/report-html.js';
import type { ApiCallCounts, RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';

/** Everything a finished run leaves in its output folder (the demo's and the scan's deliverables). */
export interface RunOutputs {
  run: RunSummary;
  actions: Action[];
  forecasts: StoredForecast[];
  anomalies: StoredAnomaly[];
  /** Realised savings measured by the run (listRealisedSavings), shown in the report. */
  realised?: readonly RealisedSavingsRecord[];
  snapshot: Snapshot;
  /** ISO time the report says it was generated at. */
  generatedAt: string;
  /** The Slack Block Kit payload and the email digest, when a notifier produced them. */
  slack?: unknown;
  email?: { html: string; text: string };
  /** The run's own AWS API calls (written as api-calls.json). */
  apiCalls?: ApiCallCounts;
}

/**
 * The files of a run, by name: findings.json (`{ runId, actions, forecasts, anomalies }`), snapshot.json (what the
 * engine saw), report.html (self-contained, with charts), and slack.json, email.html, email.txt and api-calls.json
 * when given. Pure: writeRunOutputs puts them on disk.
 */
export function runOutputFiles(outputs: RunOutputs): Record<string, string> {
  const { run, actions, forecasts, anomalies, snapshot } = outputs;
  const files: Record<string, string> = {
    'findings.json': `${JSON.stringify({ runId: run.runId, actions, forecasts, anomalies }, null, 2)}\n`,
    'snapshot.json': JSON.stringify(snapshot),
    'report.html': buildReportHtml({
      run,
      actions,
      forecasts,
      anomalies,
      realised: outputs.realised,
      generatedAt: outputs.generatedAt,
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
  if (outputs.slack !== undefined) files['slack.json'] = `${JSON.stringify(outputs.slack, null, 2)}\n`;
  if (outputs.email !== undefined) {
    files['email.html'] = outputs.email.html;
    files['email.txt'] = outputs.email.text;
  }
  if (outputs.apiCalls !== undefined) files['api-calls.json'] = `${JSON.stringify(outputs.apiCalls, null, 2)}\n`;
  return files;
}

/** Writes runOutputFiles into `outDir` (created if missing); returns the file names written. */
export function writeRunOutputs(outDir: string, outputs: RunOutputs): string[] {
  const files = runOutputFiles(outputs);
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(outDir, name), content);
  return Object.keys(files);
}
