import { escapeHtml } from './html-escape.js';
import { formatNumber } from './numbers.js';

/** Inline SVG line charts for the self-contained report: no scripts, no fonts, no external files. */

export interface ChartLine {
  label: string;
  /** Epoch milliseconds, same length as `values`. Non-finite values leave a gap. */
  timestamps: number[];
  values: number[];
  colour?: string;
  dashed?: boolean;
}

export interface ChartBand {
  label: string;
  timestamps: number[];
  lower: number[];
  upper: number[];
  colour?: string;
}

export interface ChartRule {
  label: string;
  value: number;
  colour?: string;
}

export interface LineChartInput {
  /** Accessible name of the chart (aria-label and <title>). */
  title: string;
  lines: ChartLine[];
  band?: ChartBand;
  /** Horizontal reference lines: thresholds, quantiles. */
  rules?: ChartRule[];
  unit?: string;
  width?: number;
  height?: number;
}

const PALETTE = ['#2563eb', '#059669', '#d97706', '#7c3aed', '#db2777'] as const;
const MARGIN = { top: 22, right: 96, bottom: 26, left: 56 } as const;

/**
 * A "nice" number near `value` (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990):
 * value = f · 10^e with 1 ≤ f < 10; f is replaced by 1, 2, 5 or 10 — rounded to the nearest when
 * `round`, else the smallest not below f.
 */
export function niceNumber(value: number, round: boolean): number {
  if (value <= 0 || !Number.isFinite(value)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const fraction = value / 10 ** exponent;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * 10 ** exponent;
}

/**
 * Axis ticks covering [min, max] with about `count` steps: step = nice(nice(max − min) / (count − 1)),
 * axis from floor(min/step)·step to ceil(max/step)·step. A flat range is widened by 1 either side.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let low = min;
  let high = max;
  if (!(Number.isFinite(low) && Number.isFinite(high))) return [0, 1];
  if (high === low) {
    low -= 1;
    high += 1;
  }
  const step = niceNumber(niceNumber(high - low, false) / Math.max(1, count - 1), true);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Time labels in UTC: dates for spans over two days, dates with hours below that. */
function timeLabel(epochMs: number, spanMs: number): string {
  const date = new Date(epochMs);
  const day = `${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return spanMs > 2 * 86_400_000 ? day : `${day} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

function finite(values: number[]): number[] {
  return values.filter((value) => Number.isFinite(value));
}

function extent(values: number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

function fixed(value: number): string {
  return value.toFixed(1);
}

/** SVG path through the finite points; a non-finite value breaks the line. */
function linePath(xs: number[], ys: number[]): string {
  let path = '';
  let pen = false;
  for (let index = 0; index < xs.length; index += 1) {
    if (!Number.isFinite(ys[index]) || !Number.isFinite(xs[index])) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${fixed(xs[index])},${fixed(ys[index])}`;
    pen = true;
  }
  return path;
}

/** Renders a line chart as an inline <svg> string. All text is escaped. */
export function lineChart(input: LineChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 200;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const rules = input.rules ?? [];

  const allTimes = finite([...input.lines.flatMap((line) => line.timestamps), ...(input.band?.timestamps ?? [])]);
  const allValues = finite([
    ...input.lines.flatMap((line) => line.values),
    ...(input.band ? [...input.band.lower, ...input.band.upper] : []),
    ...rules.map((rule) => rule.value),
  ]);
  const title = escapeHtml(input.title);
  if (allTimes.length === 0 || allValues.length === 0) {
    return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title><text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="chart-empty">no data</text></svg>`;
  }

  const [t0, t1Raw] = extent(allTimes);
  const t1 = t1Raw === t0 ? t0 + 1 : t1Raw;
  const [v0, v1] = extent(allValues);
  // Non-negative data that comes close to zero is drawn from zero, so bars of utilisation are not exaggerated.
  const floor = v0 >= 0 && v0 <= (v1 - v0) * 0.5 ? 0 : v0;
  const ticks = niceTicks(floor, v1);
  const y0 = ticks[0];
  const y1 = ticks[ticks.length - 1];
  const x = (t: number): number => MARGIN.left + ((t - t0) / (t1 - t0)) * plotWidth;
  const y = (v: number): number => MARGIN.top + (1 - (v - y0) / (y1 - y0)) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>`);
  for (const tick of ticks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" class="grid"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${fixed(y(tick) + 3)}" text-anchor="end" class="tick">${escapeHtml(formatNumber(tick))}</text>`);
  }
  const timeTicks = 5;
  for (let index = 0; index < timeTicks; index += 1) {
    const t = t0 + ((t1 - t0) * index) / (timeTicks - 1);
    const anchor = index === 0 ? 'start' : index === timeTicks - 1 ? 'end' : 'middle';
    parts.push(`<text x="${fixed(x(t))}" y="${height - 8}" text-anchor="${anchor}" class="tick">${timeLabel(t, t1 - t0)}</text>`);
  }
  if (input.unit) parts.push(`<text x="${MARGIN.left - 6}" y="10" text-anchor="end" class="tick">${escapeHtml(input.unit)}</text>`);

  if (input.band) {
    const { band } = input;
    const upper = band.timestamps.map((t, index) => `${fixed(x(t))},${fixed(y(band.upper[index]))}`);
    const lower = band.timestamps.map((t, index) => `${fixed(x(t))},${fixed(y(band.lower[index]))}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${band.colour ?? '#93c5fd'}" fill-opacity="0.35" stroke="none"><title>${escapeHtml(band.label)}</title></polygon>`);
  }
  input.lines.forEach((line, index) => {
    const colour = line.colour ?? PALETTE[index % PALETTE.length];
    const path = linePath(line.timestamps.map(x), line.values.map(y));
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.6"${line.dashed ? ' stroke-dasharray="5 3"' : ''}><title>${escapeHtml(line.label)}</title></path>`);
  });

  // Rule labels sit in the right margin; nudge them apart so close values stay readable.
  const labelYs: number[] = [];
  for (const [index, rule] of [...rules].sort((a, b) => b.value - a.value).entries()) {
    const colour = rule.colour ?? '#dc2626';
    const ruleY = y(rule.value);
    let labelY = ruleY + 3;
    const previous = labelYs[index - 1];
    if (previous !== undefined && labelY - previous < 11) labelY = previous + 11;
    labelYs.push(labelY);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fixed(ruleY)}" y2="${fixed(ruleY)}" stroke="${colour}" stroke-width="1" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${MARGIN.left + plotWidth + 4}" y="${fixed(labelY)}" class="rule-label" fill="${colour}">${escapeHtml(`${rule.label} ${formatNumber(rule.value)}`)}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" class="axis"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" class="axis"/>`);
  parts.push('</svg>');
  return parts.join('');
}
