import type { StoredAnomaly } from '../../shared/store/store.js';
import { contributorText, signedUsd } from './cost-anomaly-line.js';
import { anomalyLine } from './digest.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatUsd } from './numbers.js';
import type { ReportCharts } from './report-charts.js';

/** Rows of the anomaly table: the highest scores of the run. */
export const ANOMALY_TABLE_ROWS = 50;
/** Metric anomalies charted with their series excerpt. */
export const CHARTED_ANOMALIES = 3;

const ANOMALY_COLOUR = '#dc2626';
const SERIES_COLOUR = '#2563eb';

/**
 * Highest score first; among equal scores (the detector's saturate at 1) the newest first, then by what they are
 * about, so the order is stable. The same order the analysis uses to pick which anomalies carry an excerpt.
 */
export function rankAnomalies(anomalies: readonly StoredAnomaly[]): StoredAnomaly[] {
  return [...anomalies].sort((a, b) => b.score - a.score || b.timestamp.localeCompare(a.timestamp) || subjectName(a).localeCompare(subjectName(b)));
}

/** The first `count` metric anomalies with an excerpt to draw, one per resource (its several metrics tell one story). */
function chartable(ranked: readonly StoredAnomaly[], count: number): StoredAnomaly[] {
  const resources = new Set<string>();
  const picked: StoredAnomaly[] = [];
  for (const anomaly of ranked) {
    if (picked.length === count) break;
    if (anomaly.subject.kind !== 'metric' || !anomaly.excerpt || anomaly.excerpt.timestamps.length < 2 || resources.has(anomaly.subject.resourceArn)) continue;
    resources.add(anomaly.subject.resourceArn);
    picked.push(anomaly);
  }
  return picked;
}

/** The resource's name (its ARN when unnamed) or the cost line ('all services' for the total). */
export function subjectName(anomaly: StoredAnomaly): string {
  const { subject } = anomaly;
  if (subject.kind === 'cost') return subject.service === 'total' ? 'all services (total)' : subject.service;
  return anomaly.resourceName || subject.resourceArn;
}

function metricName(anomaly: StoredAnomaly): string {
  return anomaly.subject.kind === 'cost' ? 'daily cost' : `${anomaly.subject.metric} (${anomaly.subject.stat})`;
}

function valueText(anomaly: StoredAnomaly): string {
  if (anomaly.subject.kind === 'cost') return formatUsd(anomaly.value);
  return anomaly.unit ? `${formatNumber(anomaly.value)} ${anomaly.unit}` : formatNumber(anomaly.value);
}

/** Cost anomalies are per day; metric anomalies to the minute. */
function whenText(anomaly: StoredAnomaly): string {
  return anomaly.subject.kind === 'cost' ? anomaly.timestamp.slice(0, 10) : `${anomaly.timestamp.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Under a cost anomaly: what was expected, the $ impact so far and every ranked contributor. */
function costDetail(cost: NonNullable<StoredAnomaly['cost']>): string {
  const days = `${cost.impactDays} day${cost.impactDays === 1 ? '' : 's'}`;
  const impact = `expected ${formatUsd(cost.expectedUsd)} · impact so far ${signedUsd(cost.impactUsd)} over ${days}`;
  const from = cost.contributors.map(contributorText).join(' · ');
  return `<div class="sub">${escapeHtml(impact)}</div>${from ? `<div class="sub">${escapeHtml(`contributors: ${from}`)}</div>` : ''}`;
}

function row(anomaly: StoredAnomaly): string {
  const detail =
    anomaly.subject.kind === 'metric'
      ? `<div class="sub">${escapeHtml([anomaly.resourceType, anomaly.subject.resourceArn].filter(Boolean).join(' · '))}</div>`
      : anomaly.cost
        ? costDetail(anomaly.cost)
        : '';
  return `<tr><td>${escapeHtml(whenText(anomaly))}</td><td>${escapeHtml(subjectName(anomaly))}${detail}</td><td>${escapeHtml(metricName(anomaly))}</td><td class="num">${escapeHtml(valueText(anomaly))}</td><td class="num">${escapeHtml(anomaly.score.toFixed(2))}</td></tr>`;
}

/** The excerpt with the anomalous value marked and ruled. */
function anomalyChart(anomaly: StoredAnomaly, charts: ReportCharts): string {
  const excerpt = anomaly.excerpt!;
  const chart = charts.figure({
    title: `${metricName(anomaly)} of ${subjectName(anomaly)} around the anomaly at ${whenText(anomaly)}`,
    timestamps: excerpt.timestamps,
    lines: [{ label: metricName(anomaly), values: excerpt.values, colour: SERIES_COLOUR }],
    rules: [{ label: 'anomalous value', value: anomaly.value, colour: ANOMALY_COLOUR }],
    marker: { label: 'anomaly', timestamp: Date.parse(anomaly.timestamp), value: anomaly.value, colour: ANOMALY_COLOUR },
    unit: anomaly.subject.kind === 'cost' ? 'USD' : anomaly.unit,
  });
  return `<div class="anomaly"><h3>${escapeHtml(subjectName(anomaly))} <span class="sub">${escapeHtml(`${metricName(anomaly)} · ${whenText(anomaly)} · score ${anomaly.score.toFixed(2)}`)}</span></h3>${chart}</div>`;
}

/**
 * The report's Anomalies section body: how many the run found, charts of the top CHARTED_ANOMALIES metric anomalies
 * that carry a series excerpt, one per resource (the analysis keeps excerpts for the top few of each batch), and a table of the
 * ANOMALY_TABLE_ROWS highest scores. `undefined` means the caller did not load the run's anomalies.
 */
export function anomalySection(anomalies: readonly StoredAnomaly[] | undefined, charts: ReportCharts): string {
  if (anomalies === undefined) return '<p class="sub">Anomalies were not loaded for this report.</p>';
  if (anomalies.length === 0) return '<p class="sub">No anomalies: the detector raised no alert on the metrics in the lookback or on the last 14 days of cost.</p>';
  const ranked = rankAnomalies(anomalies);
  const listed = ranked.slice(0, ANOMALY_TABLE_ROWS);
  const figures = chartable(ranked, CHARTED_ANOMALIES).map((anomaly) => anomalyChart(anomaly, charts)).join('');
  const more = ranked.length > listed.length ? ` The ${listed.length} highest scores are listed.` : '';
  return `<p class="sub">${escapeHtml(`${anomalyLine(anomalies.length)}.${more} Scores are the detector's, in [0, 1]; alerts fire at 0.5 (the default sensitivity of headroom detect).`)}</p>
${figures}
<table class="ranked"><thead><tr><th>When</th><th>Resource or service</th><th>Metric</th><th class="num">Value</th><th class="num">Score</th></tr></thead>
<tbody>${listed.map(row).join('\n')}</tbody></table>`;
}
