import { fitsFloat32Exactly, packFloats, unpackFloats, type FloatWidth } from './packed-floats.js';
import type { CompactMetricSeries, MetricSeries, SeriesEncoding, SnapshotSeries } from './snapshot.js';
import { seriesDefect } from './snapshot-series-checks.js';

/**
 * The compact form of a snapshot's metric series (CompactMetricSeriesSchema in snapshot.ts): values on the regular
 * grid `start + i × periodSec × 1000` ms, NaN in the slots without data, packed as little-endian floats and base64.
 * 4,032 points (14 days at 5 minutes) take 21,504 characters in Float32 instead of ~90,000 as two JSON arrays.
 *
 * Lossless by construction: Float32 is used only when every value survives Math.fround unchanged (everything read
 * back from the store, which packs Float32, does), Float64 otherwise; a series whose timestamps are not on its
 * period's grid, or whose grid would be mostly gaps, stays in the plain form.
 */

/** A grid may hold at most this many slots per point: base64 Float32 is ~5.3 characters a slot, a plain point ~22. */
const MAX_SLOTS_PER_POINT = 4;

const WIDTH: Record<SeriesEncoding, FloatWidth> = { 'f32-base64': 32, 'f64-base64': 64 };

/** The series in compact form when its timestamps lie on its period's grid, else unchanged (plain). */
export function compactSeries(series: MetricSeries): CompactMetricSeries | MetricSeries {
  const { timestamps, values } = series;
  const stepMs = series.periodSec * 1000;
  const slots = gridSlots(timestamps, stepMs);
  if (slots === undefined) return series;
  const start = timestamps[0];
  const grid = new Float64Array(slots).fill(Number.NaN);
  for (let i = 0; i < timestamps.length; i++) grid[(timestamps[i] - start) / stepMs] = values[i];
  const encoding: SeriesEncoding = fitsFloat32Exactly(values) ? 'f32-base64' : 'f64-base64';
  const bytes = packFloats(grid, WIDTH[encoding]);
  const { resourceArn, namespace, metricName, stat, unit, periodSec } = series;
  return {
    resourceArn,
    namespace,
    metricName,
    stat,
    ...(unit === undefined ? {} : { unit }),
    periodSec,
    encoding,
    start,
    values: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** Slots from the first to the last timestamp when all are strictly increasing integer steps of stepMs; else undefined. */
function gridSlots(timestamps: readonly number[], stepMs: number): number | undefined {
  if (timestamps.length === 0 || !Number.isSafeInteger(timestamps[0])) return undefined;
  const start = timestamps[0];
  for (let i = 1; i < timestamps.length; i++) {
    if (timestamps[i] <= timestamps[i - 1] || (timestamps[i] - start) % stepMs !== 0) return undefined;
  }
  const slots = (timestamps[timestamps.length - 1] - start) / stepMs + 1;
  return slots <= MAX_SLOTS_PER_POINT * timestamps.length ? slots : undefined;
}

/**
 * A decoded series, or why it cannot be used: a clause naming the rule (snapshot-series-checks.ts) and where in the
 * series it was broken (a path relative to the series, e.g. ['values', 12]).
 */
export type DecodedSeries = { series: MetricSeries } | { error: string; path: (string | number)[] };

/**
 * Points a plain series listed as null (what JSON.stringify writes for NaN: a missing point), dropped when it was
 * decoded: a tolerable defect, counted in the snapshot's issues by snapshot-checks.ts, never a value.
 */
const droppedPoints = new WeakMap<MetricSeries, number>();

/** How many missing (null) points were dropped from a decoded series. */
export function droppedPointsOf(series: MetricSeries): number {
  return droppedPoints.get(series) ?? 0;
}

/**
 * A snapshot file's series as the engine sees it: plain ones without `encoding` and their null points, compact ones
 * decoded; then checked (seriesDefect: unit, timestamps strictly increasing, values finite and in range).
 */
export function decodeSnapshotSeries(entry: SnapshotSeries, decode: (compact: CompactMetricSeries) => DecodedSeries): DecodedSeries {
  if ('start' in entry) {
    const decoded = decode(entry);
    if ('error' in decoded) return decoded;
    return checked(decoded.series, true);
  }
  const { encoding: _plain, timestamps, values, ...identity } = entry;
  if (!values.includes(null)) return checked({ ...identity, timestamps, values: values as number[] }, false);
  const kept: MetricSeries = { ...identity, timestamps: [], values: [] };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) continue;
    kept.timestamps.push(timestamps[i]);
    kept.values.push(value);
  }
  droppedPoints.set(kept, values.length - kept.values.length);
  return checked(kept, false);
}

function checked(series: MetricSeries, timestampsOnGrid: boolean): DecodedSeries {
  const defect = seriesDefect(series, { timestampsOnGrid });
  return defect === undefined ? { series } : { error: defect.message, path: defect.path };
}

/**
 * A decoder for the compact series of one snapshot. Series without gaps on the same grid (start, period, length) get
 * the same timestamps array, so 30,000 series of 4,032 points hold one timestamps array instead of 30,000 (~1 GB).
 * Consumers only read series arrays; none may mutate them.
 */
export function createSeriesDecoder(): (compact: CompactMetricSeries) => DecodedSeries {
  const grids = new Map<string, number[]>();
  const gridTimestamps = (start: number, stepMs: number, slots: number): number[] => {
    const key = `${start}/${stepMs}/${slots}`;
    let timestamps = grids.get(key);
    if (timestamps === undefined) {
      timestamps = Array.from({ length: slots }, (_, i) => start + i * stepMs);
      grids.set(key, timestamps);
    }
    return timestamps;
  };
  return (compact) => {
    const { encoding, start, values: text, ...identity } = compact;
    if (text.length % 4 !== 0) return { error: `base64 text of ${text.length} characters is not a multiple of 4 long`, path: ['values'] };
    const grid = unpackFloats(Buffer.from(text, 'base64'), WIDTH[encoding]);
    if (grid === undefined) return { error: `values do not decode to a whole number of ${encoding === 'f32-base64' ? '4' : '8'}-byte values`, path: ['values'] };
    const stepMs = compact.periodSec * 1000;
    let gaps = 0;
    for (let i = 0; i < grid.length; i++) {
      if (Number.isNaN(grid[i])) gaps++;
      else if (!Number.isFinite(grid[i])) return { error: `slot ${i} decodes to ${grid[i]}, not a finite number`, path: ['values'] };
    }
    if (gaps === 0) return { series: { ...identity, timestamps: gridTimestamps(start, stepMs, grid.length), values: grid } };
    const timestamps: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < grid.length; i++) {
      if (Number.isNaN(grid[i])) continue;
      timestamps.push(start + i * stepMs);
      values.push(grid[i]);
    }
    return { series: { ...identity, timestamps, values } };
  };
}
