import type { Action } from '../../engine/types/action.js';
import type { RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import { buildDigest } from './digest.js';
import { buildEmail } from './email.js';
import { buildReportHtml, type SnapshotSummary } from './report-html.js';
import { buildSlackMessage } from './slack-blocks.js';

export interface DeliverablesInput {
  run: RunSummary;
  /** Ranked, as prioritise stored them. */
  actions: Action[];
  forecasts: StoredForecast[];
  /** The run's anomalies: counted in Slack and email, listed in the report. */
  anomalies: StoredAnomaly[];
  generatedAt: string;
  /** Executors enabled in this deployment (Approve buttons). */
  enabledExecutors: string[];
  /** Slack channel named in slack.json. Default "#headroom". */
  channel?: string;
  reportUrl?: string;
  topN?: number;
  snapshotSummary?: SnapshotSummary;
}

/** File name → content, ready to write into an output folder. */
export interface Deliverables {
  'report.html': string;
  'slack.json': string;
  'email.html': string;
  'email.txt': string;
}

/** Every delivery artefact of one run, rendered from the same digest (the local demo and the CLI write these to out/). */
export function renderDeliverables(input: DeliverablesInput): Deliverables {
  const digest = buildDigest({ run: input.run, actions: input.actions, forecasts: input.forecasts, anomalies: input.anomalies, reportUrl: input.reportUrl, topN: input.topN });
  const slack = buildSlackMessage(digest, { channel: input.channel ?? '#headroom', enabledExecutors: input.enabledExecutors });
  const email = buildEmail(digest);
  return {
    'report.html': buildReportHtml({ run: input.run, actions: input.actions, forecasts: input.forecasts, anomalies: input.anomalies, generatedAt: input.generatedAt, snapshotSummary: input.snapshotSummary }),
    'slack.json': `${JSON.stringify(slack, null, 2)}\n`,
    'email.html': email.html,
    'email.txt': email.text,
  };
}
