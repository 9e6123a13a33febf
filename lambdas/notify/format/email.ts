import { costAnomalyLine } from './cost-anomaly-line.js';
import { collectionLines } from './collection-issues.js';
import { anomalyLine, notMeasurableLine, omittedLine, omittedMonthlySavings, realisedLine, type Digest, type DigestItem, type RealisedDigest } from './digest.js';
import { actionEvidenceLine } from './evidence-line.js';
import { escapeHtml, safeHttpUrl } from './html-escape.js';
import { formatPercent, formatUsd } from './numbers.js';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/** Inline styles: most email clients drop <style> blocks, so every element carries its own. */
const STYLE = {
  body: 'margin:0;padding:0;background:#f3f4f6;',
  card: 'width:100%;max-width:760px;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111827;',
  h1: 'margin:0 0 4px 0;font-size:20px;font-weight:600;',
  muted: 'color:#6b7280;font-size:12px;',
  kpiValue: 'font-size:22px;font-weight:700;color:#065f46;',
  kpiLabel: 'font-size:12px;color:#6b7280;',
  th: 'text-align:left;font-size:12px;color:#6b7280;font-weight:600;padding:6px 8px;border-bottom:2px solid #e5e7eb;',
  thNum: 'text-align:right;font-size:12px;color:#6b7280;font-weight:600;padding:6px 8px;border-bottom:2px solid #e5e7eb;',
  td: 'font-size:13px;padding:8px 8px 2px 8px;vertical-align:top;',
  tdNum: 'font-size:13px;padding:8px 8px 2px 8px;vertical-align:top;text-align:right;white-space:nowrap;',
  evidence: 'font-size:12px;color:#6b7280;padding:0 8px 8px 8px;border-bottom:1px solid #f3f4f6;',
  link: 'color:#2563eb;',
} as const;

const RISK_COLOURS = ['#065f46', '#047857', '#b45309', '#b91c1c', '#7f1d1d'] as const;

export function emailSubject(digest: Digest): string {
  const { totals } = digest;
  // A subject is one header line: line breaks from any field would end it early, so they become spaces.
  return `Headroom: ${totals.actionCount} action${totals.actionCount === 1 ? '' : 's'}, ${formatUsd(totals.netMonthlySavingsUsd)}/month (run ${digest.runId})`.replace(/[\r\n]+/g, ' ');
}

function kpi(value: string, label: string): string {
  return `<td style="padding:8px 16px 8px 0;"><div style="${STYLE.kpiValue}">${escapeHtml(value)}</div><div style="${STYLE.kpiLabel}">${escapeHtml(label)}</div></td>`;
}

function itemRows(item: DigestItem): string {
  const { action } = item;
  const resource = action.resource.name || action.resource.arn;
  return [
    '<tr>',
    `<td style="${STYLE.tdNum}">${item.rank}</td>`,
    `<td style="${STYLE.td}"><strong>${escapeHtml(item.title)}</strong><br><span style="${STYLE.muted}">${escapeHtml(resource)} · ${escapeHtml(action.resource.type)} · ${escapeHtml(action.resource.account)} · ${escapeHtml(action.resource.region)}</span></td>`,
    `<td style="${STYLE.tdNum}"><strong>${escapeHtml(formatUsd(action.monthlySavingsUsd))}</strong></td>`,
    `<td style="${STYLE.td}white-space:nowrap;color:${RISK_COLOURS[item.riskLevel]};">${escapeHtml(item.riskLabel)}</td>`,
    `<td style="${STYLE.tdNum}">${escapeHtml(formatPercent(action.confidence))}</td>`,
    `<td style="${STYLE.td}">${escapeHtml(action.effort)}</td>`,
    '</tr>',
    `<tr><td></td><td colspan="5" style="${STYLE.evidence}">${escapeHtml(actionEvidenceLine(action))}${action.automation.executor ? ` · automatable (${escapeHtml(action.automation.executor)})` : ' · manual change'}</td></tr>`,
  ].join('');
}

/** Realised savings measured by the run: headline, a table estimated vs realised, then what could not be measured. */
function realisedHtml(realised: RealisedDigest | undefined): string {
  if (!realised) return '';
  const rows = realised.top
    .map(
      (item) =>
        `<tr><td style="${STYLE.td}">${escapeHtml(item.resourceName)}<br><span style="${STYLE.muted}">${escapeHtml(item.ruleId)} · ${escapeHtml(item.method)}</span></td><td style="${STYLE.tdNum}">${escapeHtml(formatUsd(item.estimatedMonthlyUsd))}</td><td style="${STYLE.tdNum}"><strong>${escapeHtml(formatUsd(item.realisedMonthlyUsd))}</strong></td></tr>`,
    )
    .join('');
  const table = rows
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr><th style="${STYLE.th}">Applied action</th><th style="${STYLE.thNum}">Estimated $/month</th><th style="${STYLE.thNum}">Realised $/month</th></tr>${rows}</table>`
    : '';
  const headline = realised.measuredCount > 0 ? `<p style="font-size:13px;margin:0 0 6px 0;"><strong>${escapeHtml(realisedLine(realised))}</strong></p>` : '';
  const unmeasured = realised.notMeasurable.map((entry) => `<div style="${STYLE.muted}">${escapeHtml(notMeasurableLine(entry))}</div>`).join('');
  return `<h2 style="font-size:15px;margin:20px 0 6px 0;">Realised savings</h2>\n${headline}${table}${unmeasured}`;
}

function realisedText(realised: RealisedDigest | undefined): string[] {
  if (!realised) return [];
  const lines = ['', 'Realised savings', ''];
  if (realised.measuredCount > 0) {
    lines.push(realisedLine(realised), '');
    lines.push(`${cell('Applied action', 40)}  ${cell('Estimated', 11, 'right')}  ${cell('Realised', 11, 'right')}`);
    lines.push('-'.repeat(40 + 2 + 11 + 2 + 11));
    for (const item of realised.top) {
      lines.push(`${cell(`${item.resourceName} (${item.ruleId})`, 40)}  ${cell(formatUsd(item.estimatedMonthlyUsd), 11, 'right')}  ${cell(formatUsd(item.realisedMonthlyUsd), 11, 'right')}`);
    }
  }
  lines.push(...realised.notMeasurable.map(notMeasurableLine));
  return lines;
}

function renderHtml(digest: Digest): string {
  const { totals } = digest;
  const reportUrl = safeHttpUrl(digest.reportUrl);
  const domainRows = digest.byDomain
    .map((entry) => `<tr><td style="${STYLE.td}">${escapeHtml(entry.domain)}</td><td style="${STYLE.tdNum}">${entry.count}</td><td style="${STYLE.tdNum}">${escapeHtml(formatUsd(entry.monthlySavingsUsd))}</td></tr>`)
    .join('');
  const forecastLines = digest.forecasts
    .filter((forecast) => forecast.kind === 'cost')
    .map((forecast) => `<div style="${STYLE.muted}">${escapeHtml(`${forecast.name}: ${formatUsd(forecast.forecastTotal)} over the next ${forecast.horizonPoints} ${forecast.step}s`)}</div>`)
    .join('');
  const more = digest.omitted > 0 ? `<p style="font-size:13px;">${escapeHtml(omittedLine(digest.omitted, omittedMonthlySavings(digest)))}</p>` : '';
  const link = reportUrl ? `<p style="font-size:13px;"><a style="${STYLE.link}" href="${escapeHtml(reportUrl)}">Open the full report</a></p>` : '';
  const batchWarning =
    digest.failedBatches > 0 ? `<p style="font-size:13px;color:#b45309;">${digest.failedBatches} analysis batch(es) failed; results are partial.</p>` : '';
  const collection = collectionLines(digest.collection);
  const collectionColour = digest.collection?.status === 'complete' ? '' : 'color:#b45309;';
  const warning = `${batchWarning}${collection.length > 0 ? `<p style="font-size:13px;${collectionColour}">${collection.map(escapeHtml).join('<br>')}</p>` : ''}`;

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(emailSubject(digest))}</title></head>
<body style="${STYLE.body}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${STYLE.body}"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.card}"><tr><td style="padding:24px;">
<h1 style="${STYLE.h1}">Headroom digest</h1>
<div style="${STYLE.muted}">Run ${escapeHtml(digest.runId)} · ${escapeHtml(digest.status)} · started ${escapeHtml(digest.startedAt)}</div>
${warning}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0;"><tr>
${kpi(`${formatUsd(totals.netMonthlySavingsUsd)}/mo`, 'net savings')}${kpi(formatUsd(totals.netAnnualSavingsUsd), 'per year')}${kpi(String(totals.actionCount), 'actions')}${kpi(String(totals.automatableCount), 'automatable')}
</tr></table>
<div style="${STYLE.muted}">${escapeHtml(anomalyLine(digest.anomalyCount))}</div>
${digest.costAnomalies.map((anomaly) => `<div style="font-size:13px;color:#b91c1c;">${escapeHtml(`Cost anomaly: ${costAnomalyLine(anomaly)}`)}</div>`).join('\n')}
${forecastLines}
<h2 style="font-size:15px;margin:20px 0 6px 0;">Top actions</h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">
<tr><th style="${STYLE.thNum}">#</th><th style="${STYLE.th}">Action</th><th style="${STYLE.thNum}">$/month</th><th style="${STYLE.th}">Risk</th><th style="${STYLE.thNum}">Confidence</th><th style="${STYLE.th}">Effort</th></tr>
${digest.top.map(itemRows).join('\n')}
</table>
${more}${link}
${realisedHtml(digest.realised)}
<h2 style="font-size:15px;margin:20px 0 6px 0;">By domain</h2>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">
<tr><th style="${STYLE.th}">Domain</th><th style="${STYLE.thNum}">Actions</th><th style="${STYLE.thNum}">$/month</th></tr>
${domainRows}
</table>
<p style="${STYLE.muted}margin-top:24px;">Approve, snooze or dismiss actions from Slack. Every change is prechecked, validated after a bake period and rolled back on regression.</p>
</td></tr></table>
</td></tr></table>
</body></html>
`;
}

/** Pads or cuts to exactly `width` characters (cut text ends with "…"). */
function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fitted = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === 'left' ? fitted.padEnd(width) : fitted.padStart(width);
}

/** Word-wraps text into lines of at most `width` characters (a single longer word is cut). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const TITLE_WIDTH = 52;

function renderText(digest: Digest): string {
  const { totals } = digest;
  const lines = [
    'Headroom digest',
    `Run ${digest.runId} · ${digest.status} · started ${digest.startedAt}`,
    '',
    `Net savings: ${formatUsd(totals.netMonthlySavingsUsd)}/month (${formatUsd(totals.netAnnualSavingsUsd)}/year)`,
    `Actions: ${totals.actionCount} (${totals.automatableCount} automatable)`,
  ];
  if (totals.monthlyCostIncreaseUsd > 0) lines.push(`Upsizes for performance: ${formatUsd(totals.monthlyCostIncreaseUsd)}/month`);
  if (digest.failedBatches > 0) lines.push(`Warning: ${digest.failedBatches} analysis batch(es) failed; results are partial.`);
  lines.push(...collectionLines(digest.collection));
  lines.push(anomalyLine(digest.anomalyCount));
  for (const anomaly of digest.costAnomalies) lines.push(`Cost anomaly: ${costAnomalyLine(anomaly)}`);
  for (const forecast of digest.forecasts.filter((entry) => entry.kind === 'cost')) {
    lines.push(`${forecast.name}: ${formatUsd(forecast.forecastTotal)} over the next ${forecast.horizonPoints} ${forecast.step}s`);
  }
  lines.push('', 'Top actions', '');
  lines.push(`${cell('#', 3, 'right')}  ${cell('Action', TITLE_WIDTH)}  ${cell('$/month', 11, 'right')}  ${cell('Risk', 9)}  ${cell('Conf.', 5, 'right')}  ${cell('Effort', 6)}`);
  lines.push('-'.repeat(3 + 2 + TITLE_WIDTH + 2 + 11 + 2 + 9 + 2 + 5 + 2 + 6));
  for (const item of digest.top) {
    const { action } = item;
    // Titles wrap under the Action column rather than being cut: the change itself is the point of the line.
    const [first, ...rest] = wrap(item.title, TITLE_WIDTH);
    lines.push(
      `${cell(String(item.rank), 3, 'right')}  ${cell(first, TITLE_WIDTH)}  ${cell(formatUsd(action.monthlySavingsUsd), 11, 'right')}  ${cell(item.riskLabel, 9)}  ${cell(formatPercent(action.confidence), 5, 'right')}  ${cell(action.effort, 6)}`,
    );
    for (const continuation of rest) lines.push(`     ${continuation}`);
    lines.push(`     ${action.resource.name || action.resource.arn} (${action.resource.type}, ${action.resource.account}, ${action.resource.region})`);
    lines.push(`     ${actionEvidenceLine(action)}`);
  }
  if (digest.omitted > 0) lines.push('', omittedLine(digest.omitted, omittedMonthlySavings(digest)));
  const reportUrl = safeHttpUrl(digest.reportUrl);
  if (reportUrl) lines.push('', `Full report: ${reportUrl}`);
  lines.push(...realisedText(digest.realised));
  lines.push('', 'By domain', '');
  for (const entry of digest.byDomain) {
    lines.push(`${cell(entry.domain, 12)}  ${cell(String(entry.count), 5, 'right')}  ${cell(formatUsd(entry.monthlySavingsUsd), 11, 'right')}`);
  }
  // Padded last columns would leave trailing spaces, which some mail clients show as odd wrapping.
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

/** The email digest: one subject, an inline-styled HTML part and an aligned plain-text part with the same ranked content. */
export function buildEmail(digest: Digest): EmailContent {
  return { subject: emailSubject(digest), html: renderHtml(digest), text: renderText(digest) };
}
