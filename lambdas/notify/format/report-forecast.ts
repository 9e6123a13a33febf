import type { StoredForecast } from '../../shared/store/store.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatUsd } from './numbers.js';
import { lineChart } from './svg-chart.js';

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
export function forecastPanel(forecast: StoredForecast): string {
  const timestamps = forecast.points.map((point) => Date.parse(point.timestamp));
  const chart = lineChart({
    title: `${forecast.name}: forecast with 80 % interval`,
    lines: [{ label: 'forecast', timestamps, values: forecast.points.map((point) => point.forecast), colour: '#1d4ed8' }],
    band: { label: '80 % prediction interval', timestamps, lower: forecast.points.map((point) => point.lower80), upper: forecast.points.map((point) => point.upper80) },
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
<div class="legend"><i style="background:#1d4ed8"></i>forecast<i class="band" style="background:#93c5fd"></i>80 % prediction interval</div>
<div class="split"><div>${chart}</div><div>${table}</div></div></div>`;
}
