import type { Action } from '../../engine/types/action.js';
import type { RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import type { CollectionReportInput } from './collection-issues.js';
import { buildDigest, type Digest } from './digest.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatUsd } from './numbers.js';
import { actionsTable } from './report-actions-table.js';
import { anomalySection } from './report-anomalies.js';
import { commitmentSection } from './report-commitments.js';
import { ReportCharts } from './report-charts.js';
import { REPORT_CLIENT_JS } from './report-client.js';
import { REPORT_CSS } from './report-css.js';
import { evidencePanel } from './report-evidence.js';
import { forecastSection } from './report-forecast.js';
import { collectionSection } from './report-collection.js';
import { realisedSection } from './report-realised.js';
import { totalsBy, totalsTable } from './report-totals.js';
import { UPLOT_CSS, UPLOT_JS, UPLOT_LICENSE } from './report-uplot-asset.js';

/** What the collectors saw, for the report's header line. Every field is optional. */
export interface SnapshotSummary {
  resources?: number;
  accounts?: number;
  regions?: number;
  metricSeries?: number;
  collectionIssues?: number;
  /** Days of daily cost history behind the cost forecast. */
  costHistoryDays?: number;
}

export interface ReportInput {
  run: RunSummary;
  /** Ranked, as prioritise stored them. */
  actions: Action[];
  forecasts: StoredForecast[];
  /** The run's metric and cost anomalies (store.listAnomalies). Omitted: the section says they were not loaded. */
  anomalies?: readonly StoredAnomaly[];
  generatedAt: string;
  snapshotSummary?: SnapshotSummary;
  /** Actions ranked 1..N get an evidence panel with charts; the rest are in the table only. Default CHARTED_ACTIONS. */
  chartedActions?: number;
  /** Stored realised-savings results (listRealisedSavings); the ones this run measured get a section. */
  realised?: readonly RealisedSavingsRecord[];
  /** The collection's status and issues, each named (report-collection.ts). */
  collection?: CollectionReportInput;
}

/** Evidence panels open by default: the first few, so the report is readable without clicking and still short. */
const OPEN_PANELS = 5;

/**
 * Actions that get an evidence panel and charts by default. Beyond a few hundred nobody reads the panels, and each
 * chart adds its series to the file: 10,000 charted actions would make a report of hundreds of megabytes.
 */
export const CHARTED_ACTIONS = 200;

/**
 * Where the page may load anything from: nowhere. Inline scripts and styles only (uPlot and ours are inlined),
 * images only as data: URLs. A report that somehow held injected markup still could not fetch or send anything.
 */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

function kpi(value: string, label: string, good = false): string {
  return `<div class="kpi"><div class="value${good ? ' good' : ''}">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function bars(rows: { name: string; value: number; display: string; colour?: string }[]): string {
  const max = Math.max(...rows.map((row) => Math.abs(row.value)), 0);
  const body = rows
    .map((row) => {
      const width = max > 0 ? (Math.abs(row.value) / max) * 100 : 0;
      const colour = row.colour ? `background:${row.colour};` : '';
      return `<tr><td class="name">${escapeHtml(row.name)}</td><td><div class="bar" style="width:${width.toFixed(1)}%;${colour}"></div></td><td class="num">${escapeHtml(row.display)}</td></tr>`;
    })
    .join('');
  return `<table class="bars">${body}</table>`;
}

const RISK_BAR_COLOURS = ['#10b981', '#22c55e', '#f59e0b', '#ef4444', '#991b1b'] as const;

function snapshotLine(summary: SnapshotSummary | undefined): string {
  if (!summary) return '';
  const parts = [
    summary.resources !== undefined ? `${formatNumber(summary.resources)} resources` : undefined,
    summary.accounts !== undefined ? `${summary.accounts} account(s)` : undefined,
    summary.regions !== undefined ? `${summary.regions} region(s)` : undefined,
    summary.metricSeries !== undefined ? `${formatNumber(summary.metricSeries)} metric series` : undefined,
    summary.costHistoryDays !== undefined ? `${summary.costHistoryDays} days of cost history` : undefined,
    summary.collectionIssues !== undefined ? `${summary.collectionIssues} collection issue(s)` : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? ` · ${escapeHtml(parts.join(' · '))}` : '';
}

function summarySections(digest: Digest, actions: readonly Action[]): string {
  const { totals } = digest;
  const kpis = [
    kpi(`${formatUsd(totals.netMonthlySavingsUsd)}`, 'net savings / month', totals.netMonthlySavingsUsd > 0),
    kpi(formatUsd(totals.netAnnualSavingsUsd), 'net savings / year', totals.netAnnualSavingsUsd > 0),
    kpi(String(totals.actionCount), 'actions'),
    kpi(String(totals.automatableCount), 'automatable'),
    kpi(`${formatNumber(totals.carbonKgCo2eMonthly)} kg`, 'CO₂e saved / month'),
  ];
  if (totals.monthlyCostIncreaseUsd > 0) kpis.push(kpi(formatUsd(totals.monthlyCostIncreaseUsd), 'upsizes / month'));
  const riskBars = bars(digest.byRisk.map((entry) => ({ name: entry.label, value: entry.count, display: String(entry.count), colour: RISK_BAR_COLOURS[entry.level] })));
  const totalsGrid =
    actions.length > 0
      ? `<div class="totals-grid">
<div><h3>By domain</h3>${totalsTable('totals-by-domain', 'Domain', totalsBy(actions, (action) => action.domain))}</div>
<div><h3>By account</h3>${totalsTable('totals-by-account', 'Account', totalsBy(actions, (action) => action.resource.account))}</div>
<div><h3>By performance risk</h3>${riskBars}</div>
</div>`
      : '<p class="sub">No actions.</p>';
  return `<div class="kpis">${kpis.join('')}</div>
<section class="card"><h2>Totals</h2><p class="sub">Net savings (upsizes count as negative), number of actions and carbon saved per month.</p>${totalsGrid}</section>`;
}

function evidenceSection(actions: readonly Action[], charted: number, charts: ReportCharts): string {
  if (actions.length === 0) return '<p class="sub">No actions, no evidence.</p>';
  const panels = actions.slice(0, charted).map((action, index) => evidencePanel(action, index + 1, index < OPEN_PANELS, charts));
  const rest = actions.length - panels.length;
  const note = rest > 0 ? `<p class="sub">${escapeHtml(`Evidence of the top ${panels.length} actions; the other ${formatNumber(rest)} are in the table above.`)}</p>` : '';
  const openAll = panels.length > OPEN_PANELS ? '<p><button type="button" class="plain" id="open-all-evidence">Open all evidence panels</button></p>' : '';
  return `${note}${openAll}${panels.join('\n')}`;
}

/**
 * The full run report as ONE self-contained HTML document: inline CSS, uPlot and a small script of our own, the
 * chart data as an inline JSON block, and a Content-Security-Policy that forbids loading anything, so it can be
 * mailed, archived or opened offline. Every piece of text is escaped.
 */
export function buildReportHtml(input: ReportInput): string {
  const charted = input.chartedActions ?? CHARTED_ACTIONS;
  if (!Number.isInteger(charted) || charted < 0) throw new RangeError(`chartedActions must be a non-negative integer, got ${charted}`);
  const digest = buildDigest({ run: input.run, actions: input.actions, forecasts: input.forecasts, anomalies: input.anomalies, topN: 0, realised: input.realised });
  const { run } = input;
  const charts = new ReportCharts();
  const warning =
    run.failedBatches.length > 0
      ? `<div class="warning">${run.failedBatches.length} analysis batch(es) failed, so this report is partial: ${escapeHtml(run.failedBatches.map((failure) => `${failure.batchId} (${failure.error})`).join('; '))}</div>`
      : '';
  const table = input.actions.length > 0 ? actionsTable(input.actions, charted) : '<p class="sub">No actions in this run: nothing to change.</p>';
  // Built in page order, so chart ids follow the page.
  const evidence = evidenceSection(input.actions, charted, charts);
  const anomalies = anomalySection(input.anomalies, charts);
  const forecasts = forecastSection(input.forecasts, charts);
  const sortHint = input.actions.length > 1 ? '<p class="sub">Click a column heading to sort; click again to reverse.</p>' : '';

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="headroom">
<title>Headroom report · ${escapeHtml(run.runId)}</title>
<style>${UPLOT_CSS}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>Headroom cost–performance report</h1>
<div class="meta">Run ${escapeHtml(run.runId)} · ${escapeHtml(run.status)} · started ${escapeHtml(run.startedAt)}${run.finishedAt ? ` · finished ${escapeHtml(run.finishedAt)}` : ''} · generated ${escapeHtml(input.generatedAt)}${snapshotLine(input.snapshotSummary)}</div>
</header>
<main>
${warning}
${collectionSection(input.collection)}
${summarySections(digest, input.actions)}
<section class="card"><h2>Ranked actions</h2>${sortHint}${table}</section>
${realisedSection(digest.realised)}
${commitmentSection(input.actions)}
<section class="card" id="evidence"><h2>Evidence</h2>${evidence}</section>
<section class="card" id="anomalies"><h2>Anomalies</h2>${anomalies}</section>
<section class="card" id="forecasts"><h2>Forecasts</h2>${forecasts}</section>
</main>
<footer>Generated by Headroom. Savings are estimates from list prices; performance risk follows AWS Compute Optimizer's 0–4 scale. Charts drawn by ${escapeHtml(UPLOT_LICENSE)}.</footer>
${charts.dataElement()}
<script>${UPLOT_JS}</script>
<script>${REPORT_CLIENT_JS}</script>
</body>
</html>
`;
}
