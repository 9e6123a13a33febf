import type { Action, SeriesExcerpt } from '../../engine/types/action.js';
import { describeAction } from './describe-action.js';
import { humaniseStatisticKey } from './evidence-line.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatPercent, formatUsd } from './numbers.js';
import { riskLabel, riskLevel } from './risk.js';
import type { ChartRule, ReportCharts } from './report-charts.js';

const QUANTILE_COLOURS = ['#7c3aed', '#d97706', '#db2777', '#0891b2'] as const;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function keyValueTable(rows: [string, string][]): string {
  if (rows.length === 0) return '<p class="sub">none recorded</p>';
  return `<table class="kv">${rows.map(([key, value]) => `<tr><td>${escapeHtml(key)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

/**
 * Reference lines for an action's deciding series (its first excerpt): the quantiles the rule computed and any
 * numeric statistic whose name says it is a threshold (e.g. "thresholdCpuPercent"). Rules store both in the
 * deciding metric's unit, which is why they are drawn on that chart only.
 */
export function referenceLines(action: Action): ChartRule[] {
  const quantiles = Object.entries(action.evidence.quantiles).map(([key, value], index): ChartRule => ({
    label: key,
    value,
    colour: QUANTILE_COLOURS[index % QUANTILE_COLOURS.length],
  }));
  const thresholds = Object.entries(action.evidence.statistics)
    .filter((entry): entry is [string, number] => /threshold/i.test(entry[0]) && typeof entry[1] === 'number')
    // The statistics table names the threshold in full; the chart's legend says just "threshold".
    .map(([, value]): ChartRule => ({ label: 'threshold', value, colour: '#dc2626' }));
  return [...thresholds, ...quantiles];
}

const SERIES_COLOUR = '#2563eb';

function seriesChart(action: Action, series: SeriesExcerpt, index: number, charts: ReportCharts): string {
  const name = `${series.metric} (${series.stat}${series.unit ? `, ${series.unit}` : ''})`;
  const figure = charts.figure({
    title: `${name} for ${action.resource.name || action.resource.arn}`,
    timestamps: series.timestamps,
    lines: [{ label: name, values: series.values, colour: SERIES_COLOUR }],
    rules: index === 0 ? referenceLines(action) : [],
    unit: series.unit,
  });
  return `<h3>${escapeHtml(name)}</h3>${figure}`;
}

/**
 * The collapsible evidence panel of one ranked action: a chart per series excerpt (the first with the rule's
 * thresholds and quantiles), statistics, quantiles and the change itself.
 */
export function evidencePanel(action: Action, rank: number, open: boolean, charts: ReportCharts): string {
  const level = riskLevel(action.performanceRisk);
  const figures = action.evidence.series.length > 0 ? action.evidence.series.map((series, index) => seriesChart(action, series, index, charts)).join('') : '<p class="sub">No series excerpt was attached to this action.</p>';
  const statistics = Object.entries(action.evidence.statistics).map(([key, value]): [string, string] => [humaniseStatisticKey(key), show(value)]);
  const quantiles = Object.entries(action.evidence.quantiles).map(([key, value]): [string, string] => [key, formatNumber(value)]);
  const changeKeys = [...new Set([...Object.keys(action.current), ...Object.keys(action.proposed)])];
  const change = changeKeys.map((key): [string, string] => [key, `${show(action.current[key])} → ${show(action.proposed[key])}`]);
  const facts: [string, string][] = [
    ['monthly savings', formatUsd(action.monthlySavingsUsd)],
    ['performance risk', `${riskLabel(action.performanceRisk)} (${formatNumber(action.performanceRisk)} of 4)`],
    ['confidence', formatPercent(action.confidence)],
    ['effort', action.effort],
    ['restart required', action.restartRequired ? 'yes' : 'no'],
    ['reversible', action.reversible ? 'yes' : 'no'],
    ['automation', action.automation.executor ?? 'manual'],
    ['carbon saved', `${formatNumber(action.carbonKgCo2eMonthly)} kg CO₂e/month`],
    ['priority', formatNumber(action.priority)],
    ['sources', action.evidence.sources.join(', ') || '—'],
    ['rule', action.ruleId],
    ['action id', action.id],
  ];
  return `<details class="evidence" id="action-${rank}"${open ? ' open' : ''}>
<summary>#${rank} ${escapeHtml(describeAction(action))} <span class="pill risk-${level}">${escapeHtml(riskLabel(action.performanceRisk))}</span><span class="sub">${escapeHtml(action.resource.arn)}</span></summary>
<div class="body"><div>${figures}</div><div>
<h3>Change</h3>${keyValueTable(change)}
<h3>Statistics</h3>${keyValueTable(statistics)}
<h3>Quantiles</h3>${keyValueTable(quantiles)}
<h3>Facts</h3>${keyValueTable(facts)}
</div></div></details>`;
}
