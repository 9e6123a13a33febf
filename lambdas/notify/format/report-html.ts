import type { Action } from '../../engine/types/action.js';
import type { RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import { buildDigest, type Digest, type DigestItem } from './digest.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatPercent, formatUsd } from './numbers.js';
import { REPORT_CSS } from './report-css.js';
import { anomalySection } from './report-anomalies.js';
import { evidencePanel } from './report-evidence.js';
import { forecastPanel } from './report-forecast.js';

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
}

/** Evidence panels open by default: the first few, so the report is readable without clicking and still short. */
const OPEN_PANELS = 5;

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

function rankedRow(item: DigestItem): string {
  const { action, rank } = item;
  const level = item.riskLevel;
  const automation = action.automation.executor
    ? `<span class="pill auto">${escapeHtml(action.automation.executor)}</span>`
    : '<span class="pill manual">manual</span>';
  return `<tr>
<td class="num">${rank}</td>
<td><a href="#action-${rank}">${escapeHtml(item.title)}</a></td>
<td>${escapeHtml(action.resource.name || '—')}<div class="sub">${escapeHtml(action.resource.type)} · ${escapeHtml(action.resource.account)} · ${escapeHtml(action.resource.region)}</div></td>
<td>${escapeHtml(action.domain)}</td>
<td class="num${action.monthlySavingsUsd < 0 ? ' neg' : ''}">${escapeHtml(formatUsd(action.monthlySavingsUsd))}</td>
<td><span class="pill risk-${level}">${escapeHtml(item.riskLabel)}</span></td>
<td class="num">${escapeHtml(formatPercent(action.confidence))}</td>
<td>${escapeHtml(action.effort)}</td>
<td>${automation}</td>
</tr>`;
}

function summarySections(digest: Digest): string {
  const { totals } = digest;
  const kpis = [
    kpi(`${formatUsd(totals.netMonthlySavingsUsd)}`, 'net savings / month', totals.netMonthlySavingsUsd > 0),
    kpi(formatUsd(totals.netAnnualSavingsUsd), 'net savings / year', totals.netAnnualSavingsUsd > 0),
    kpi(String(totals.actionCount), 'actions'),
    kpi(String(totals.automatableCount), 'automatable'),
    kpi(`${formatNumber(totals.carbonKgCo2eMonthly)} kg`, 'CO₂e saved / month'),
  ];
  if (totals.monthlyCostIncreaseUsd > 0) kpis.push(kpi(formatUsd(totals.monthlyCostIncreaseUsd), 'upsizes / month'));
  const domainBars = bars(digest.byDomain.map((entry) => ({ name: entry.domain, value: entry.monthlySavingsUsd, display: `${entry.count} · ${formatUsd(entry.monthlySavingsUsd)}` })));
  const riskBars = bars(digest.byRisk.map((entry) => ({ name: entry.label, value: entry.count, display: String(entry.count), colour: RISK_BAR_COLOURS[entry.level] })));
  return `<div class="kpis">${kpis.join('')}</div>
<div class="split">
<section class="card"><h2>Savings by domain</h2>${digest.byDomain.length > 0 ? domainBars : '<p class="sub">No actions.</p>'}</section>
<section class="card"><h2>Actions by performance risk</h2>${riskBars}</section>
</div>`;
}

/**
 * The full run report as ONE self-contained HTML document: inline CSS, inline SVG charts, no scripts and no
 * external resources, so it can be mailed, archived or opened offline. Every piece of text is escaped.
 */
export function buildReportHtml(input: ReportInput): string {
  const digest = buildDigest({ run: input.run, actions: input.actions, forecasts: input.forecasts, anomalies: input.anomalies, topN: input.actions.length });
  const { run } = input;
  const warning =
    run.failedBatches.length > 0
      ? `<div class="warning">${run.failedBatches.length} analysis batch(es) failed, so this report is partial: ${escapeHtml(run.failedBatches.map((failure) => `${failure.batchId} (${failure.error})`).join('; '))}</div>`
      : '';
  const table =
    input.actions.length > 0
      ? `<table class="ranked"><thead><tr><th class="num">#</th><th>Action</th><th>Resource</th><th>Domain</th><th class="num">$/month</th><th>Risk</th><th class="num">Confidence</th><th>Effort</th><th>Automation</th></tr></thead>
<tbody>${digest.top.map(rankedRow).join('\n')}</tbody></table>`
      : '<p class="sub">No actions in this run: nothing to change.</p>';
  // The account total first (it carries the comparison with Cost Explorer), then services as stored.
  const ordered = [...input.forecasts].sort((a, b) => Number(b.subject === 'total') - Number(a.subject === 'total'));
  const forecasts = ordered.length > 0 ? ordered.map(forecastPanel).join('') : '<p class="sub">No forecasts in this run.</p>';
  const panels = input.actions.map((action, index) => evidencePanel(action, index + 1, index < OPEN_PANELS)).join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="headroom">
<title>Headroom report · ${escapeHtml(run.runId)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>Headroom cost–performance report</h1>
<div class="meta">Run ${escapeHtml(run.runId)} · ${escapeHtml(run.status)} · started ${escapeHtml(run.startedAt)}${run.finishedAt ? ` · finished ${escapeHtml(run.finishedAt)}` : ''} · generated ${escapeHtml(input.generatedAt)}${snapshotLine(input.snapshotSummary)}</div>
</header>
<main>
${warning}
${summarySections(digest)}
<section class="card"><h2>Ranked actions</h2>${table}</section>
<section class="card"><h2>Evidence</h2>${panels || '<p class="sub">No actions, no evidence.</p>'}</section>
<section class="card" id="anomalies"><h2>Anomalies</h2>${anomalySection(input.anomalies)}</section>
<section class="card"><h2>Forecasts</h2>${forecasts}</section>
</main>
<footer>Generated by Headroom. Savings are estimates from list prices; performance risk follows AWS Compute Optimizer's 0–4 scale.</footer>
</body>
</html>
`;
}
