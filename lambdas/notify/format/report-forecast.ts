import type { StoredForecast } from '../../shared/store/store.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatUsd } from './numbers.js';
import type { ReportCharts } from './report-charts.js';

/** Forecasts drawn with their facts; the rest are listed in one table (a 10,000-resource run can have many). */
export const CHARTED_FORECASTS = 40;

const FORECAST_COLOUR = '#1d4ed8';
const BAND_COLOUR = '#93c5fd';

function showFact(key: string, value: number | string | null, kind: StoredForecast['kind']): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return kind === 'cost' && /usd|cost|amount/i.test(key) ? formatUsd(value) : formatNumber(value);
}

/**
 * One forecast: its point forecast with the 80 % prediction band, and its facts (Cost Explorer's own forecast,
 * the date a capacity threshold is crossed, ...). The history is not part of StoredForecast, so only the
 * forecast horizon is drawn.
 */
function forecastPanel(forecast: StoredForecast, charts: ReportCharts): string {
  const chart = charts.figure({
    title: `${forecast.name}: forecast with 80 % interval`,
    timestamps: forecast.points.map((point) => Date.parse(point.timestamp)),
    lines: [{ label: 'forecast', values: forecast.points.map((point) => point.forecast), colour: FORECAST_COLOUR }],
    band: { label: '80 % prediction interval', lower: forecast.points.map((point) => point.lower80), upper: forecast.points.map((point) => point.upper80), colour: BAND_COLOUR },
    // A capacity forecast is drawn against the threshold it is forecast to cross.
    rules: typeof forecast.facts.threshold === 'number' ? [{ label: 'threshold', value: forecast.facts.threshold, colour: '#dc2626' }] : [],
    unit: forecast.kind === 'cost' ? 'USD' : typeof forecast.facts.thresholdUnit === 'string' ? forecast.facts.thresholdUnit : undefined,
  });
  const total = forecast.points.reduce((sum, point) => sum + point.forecast, 0);
  const rows: [string, string][] = [
    ['subject', forecast.subject],
    ['horizon', `${forecast.points.length} × ${forecast.step}`],
  ];
  if (forecast.kind === 'cost') rows.push(['forecast total over the horizon', formatUsd(total)]);
  for (const [key, value] of Object.entries(forecast.facts)) rows.push([key, showFact(key, value, forecast.kind)]);
  const table = `<table class="kv">${rows.map(([key, value]) => `<tr><td>${escapeHtml(key)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
  return `<div class="forecast"><h3>${escapeHtml(forecast.name)} <span class="sub">${escapeHtml(forecast.kind)}</span></h3>
<div class="split"><div>${chart}</div><div>${table}</div></div></div>`;
}

function listedRow(forecast: StoredForecast): string {
  const total = forecast.points.reduce((sum, point) => sum + point.forecast, 0);
  const cells = [forecast.name, forecast.kind, forecast.subject, `${forecast.points.length} × ${forecast.step}`];
  return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}<td class="num">${escapeHtml(forecast.kind === 'cost' ? formatUsd(total) : '—')}</td></tr>`;
}

/**
 * The report's Forecasts section body: the account total first (it carries the comparison with Cost Explorer),
 * then the rest as stored; the first CHARTED_FORECASTS charted, any others in a table.
 */
export function forecastSection(forecasts: readonly StoredForecast[], charts: ReportCharts): string {
  if (forecasts.length === 0) return '<p class="sub">No forecasts in this run.</p>';
  const ordered = [...forecasts].sort((a, b) => Number(b.subject === 'total') - Number(a.subject === 'total'));
  const panels = ordered.slice(0, CHARTED_FORECASTS).map((forecast) => forecastPanel(forecast, charts)).join('');
  const rest = ordered.slice(CHARTED_FORECASTS);
  if (rest.length === 0) return panels;
  return `${panels}<h3>${escapeHtml(`${rest.length} more forecast(s)`)}</h3>
<table class="ranked"><thead><tr><th>Name</th><th>Kind</th><th>Subject</th><th>Horizon</th><th class="num">Total over the horizon</th></tr></thead>
<tbody>${rest.map(listedRow).join('\n')}</tbody></table>`;
}
