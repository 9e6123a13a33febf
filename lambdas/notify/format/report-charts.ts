import { escapeHtml } from './html-escape.js';

/**
 * The report's charts as data: each chart is registered here, the page gets an empty placeholder <figure>, and
 * the whole set is embedded once as JSON for the inline client script to draw with uPlot. Keeping data out of the
 * script text means no value or label is ever concatenated into JavaScript.
 */

/** A line of a chart. Times are shared by every line of the chart (see ChartInput.timestamps). */
export interface ChartLine {
  label: string;
  values: readonly number[];
  colour: string;
}

/** A shaded interval, e.g. a forecast's 80 % prediction band. */
export interface ChartBand {
  label: string;
  lower: readonly number[];
  upper: readonly number[];
  colour: string;
}

/** A horizontal reference line: a threshold or a quantile. */
export interface ChartRule {
  label: string;
  value: number;
  colour: string;
}

/** One highlighted point, e.g. the anomalous value; drawn at the sample nearest to `timestamp`. */
export interface ChartMarker {
  label: string;
  timestamp: number;
  value: number;
  colour: string;
}

export interface ChartInput {
  /** Accessible name of the chart. */
  title: string;
  /** Epoch milliseconds, ascending; every line and the band have one value per timestamp. */
  timestamps: readonly number[];
  lines: readonly ChartLine[];
  band?: ChartBand;
  rules?: readonly ChartRule[];
  marker?: ChartMarker;
  unit?: string;
}

/** What the client script receives per chart: epoch seconds (uPlot's unit), null for gaps, 5 significant digits. */
export interface ChartData {
  x: number[];
  unit: string | null;
  lines: { label: string; colour: string; values: (number | null)[] }[];
  band: { label: string; colour: string; lower: (number | null)[]; upper: (number | null)[] } | null;
  rules: ChartRule[];
  marker: { label: string; colour: string; index: number; value: number } | null;
}

/** Drawn values keep 5 significant digits: finer detail is invisible at chart size and only grows the file. */
function compact(value: number): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(5)) : null;
}

/** Index of the timestamp closest to `t` (linear scan: excerpts are a few hundred points). */
function nearestIndex(timestamps: readonly number[], t: number): number {
  let best = 0;
  for (let index = 1; index < timestamps.length; index += 1) {
    if (Math.abs(timestamps[index] - t) < Math.abs(timestamps[best] - t)) best = index;
  }
  return best;
}

function lengthError(title: string, what: string, got: number, want: number): RangeError {
  return new RangeError(`chart "${title}": ${what} has ${got} values for ${want} timestamps`);
}

/** Converts a chart to the client's JSON shape, checking every series matches the timestamps. */
export function chartData(input: ChartInput): ChartData {
  const count = input.timestamps.length;
  for (const line of input.lines) if (line.values.length !== count) throw lengthError(input.title, `line "${line.label}"`, line.values.length, count);
  if (input.band && (input.band.lower.length !== count || input.band.upper.length !== count)) {
    throw lengthError(input.title, `band "${input.band.label}"`, Math.min(input.band.lower.length, input.band.upper.length), count);
  }
  const { marker, band } = input;
  return {
    x: input.timestamps.map((t) => t / 1000),
    unit: input.unit ?? null,
    lines: input.lines.map((line) => ({ label: line.label, colour: line.colour, values: line.values.map(compact) })),
    band: band ? { label: band.label, colour: band.colour, lower: band.lower.map(compact), upper: band.upper.map(compact) } : null,
    rules: (input.rules ?? []).filter((rule) => Number.isFinite(rule.value)).map((rule) => ({ ...rule, value: compact(rule.value)! })),
    marker: marker && count > 0 && Number.isFinite(marker.value) ? { label: marker.label, colour: marker.colour, index: nearestIndex(input.timestamps, marker.timestamp), value: marker.value } : null,
  };
}

/**
 * JSON for an inline `<script type="application/json">`: every "<" is written as the JSON escape \u003c, so the
 * text can never contain "</script" or "<!--" and end the element early, whatever labels the data holds.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Element id of the embedded chart data. */
export const CHART_DATA_ID = 'headroom-chart-data';

/** Collects a report's charts. `figure` returns the placeholder; `dataElement` the JSON block to embed once. */
export class ReportCharts {
  private readonly charts: ChartData[] = [];

  get count(): number {
    return this.charts.length;
  }

  /** Registers a chart and returns its placeholder. The client draws it when it is visible (its panel is open). */
  figure(input: ChartInput): string {
    const id = this.charts.length;
    this.charts.push(chartData(input));
    return `<figure class="chart" data-chart="${id}" role="img" aria-label="${escapeHtml(input.title)}"></figure>`;
  }

  dataElement(): string {
    return `<script type="application/json" id="${CHART_DATA_ID}">${jsonForScriptElement({ charts: this.charts })}</script>`;
  }
}
