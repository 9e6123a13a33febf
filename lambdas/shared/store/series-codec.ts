import { StoreInputError } from './errors.js';
import { bytesPerFloat, packFloats, unpackFloats, type FloatWidth } from '../../engine/types/packed-floats.js';

/**
 * Compact storage for metric series. A series of 14 days at 5 minutes is 4,032 points; as a DynamoDB
 * list of numbers that is ~60 KB and slow to (un)marshal, so values are packed little-endian in one Binary
 * attribute: Float32 (4 bytes a point, 16 KB for 4,032 points), or Float64 when a value does not fit.
 *
 * Precision of Float32 (IEEE 754 binary32, round to nearest): a value v with 1.18e-38 ≤ |v| ≤ 3.4e38 comes back
 * as v·(1 + ε) with |ε| ≤ 2⁻²⁴ ≈ 6e-8, about 7 significant digits. So CPU % (0–100) is off by at most 4e-6
 * points; counts are exact up to 2²⁴ = 16,777,216 and then within 6e-8 relatively; 1e12 bytes are within
 * ±32,768 B (half the 65,536 B spacing between 2³⁹ and 2⁴⁰). Every rule compares against thresholds and
 * percentiles far coarser than that. A chunk holding a value beyond Float32's range (|v| > 3.4e38, where it would
 * become Infinity) is packed as Float64 instead, and so is any chunk written before Float32 (see `encoding`).
 *
 * Timestamps are never rounded: grid chunks keep only `start` (an exact number attribute), explicit chunks pack
 * epoch milliseconds as Float64, exact for every integer below 2⁵³ (the year 287,396).
 *
 * - Grid chunks: when every timestamp sits on `start + k·period`, only `start` is kept and the values
 *   array covers the whole grid, with NaN in the slots CloudWatch returned no data for (metric values
 *   are finite, so NaN is free to mean "missing").
 * - Explicit chunks: otherwise (off-grid or unordered timestamps, or gaps so long the grid would be
 *   huge), timestamps are packed next to the values.
 * - A series longer than `MAX_POINTS_PER_CHUNK` points is split into consecutive chunks, so an item stays
 *   under ~260 KB even in Float64 (values + explicit timestamps), well below DynamoDB's 400 KB.
 */
export const MAX_POINTS_PER_CHUNK = 16_000;

/** How a chunk's values are packed. Items written before the field existed are Float64. */
export type ValueEncoding = 'f32' | 'f64';
export const VALUE_ENCODINGS: readonly ValueEncoding[] = ['f32', 'f64'];
/** The encoding of chunks that carry no marker (written when every chunk was Float64). */
export const LEGACY_VALUE_ENCODING: ValueEncoding = 'f64';

/** Bytes one value takes in a packed chunk as the store writes it (Float32); a grid chunk stores nothing else per point. */
export const BYTES_PER_PACKED_VALUE = bytesPerFloat(32);
/** A grid chunk may hold at most this many slots (points plus gaps): 24,000 × 8 B = 192 KB even in Float64. */
const MAX_GRID_SLOTS = 24_000;
/** The largest finite Float32, (2 − 2⁻²³) · 2¹²⁷. */
const FLOAT32_MAX = 3.4028234663852886e38;

export interface SeriesChunk {
  index: number;
  count: number;
  /** Epoch ms of the first grid slot (grid chunks only). */
  start?: number;
  /** How `values` is packed. */
  encoding: ValueEncoding;
  values: Uint8Array;
  /** Packed Float64 timestamps (explicit chunks only). */
  timestamps?: Uint8Array;
}

export function encodeSeries(timestamps: number[], values: number[], periodSec: number): SeriesChunk[] {
  if (timestamps.length !== values.length) {
    throw new StoreInputError(`series has ${timestamps.length} timestamps but ${values.length} values`);
  }
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new StoreInputError(`series value at index ${bad} is not a finite number (${values[bad]})`);
  const count = Math.max(1, Math.ceil(timestamps.length / MAX_POINTS_PER_CHUNK));
  const chunks: SeriesChunk[] = [];
  for (let index = 0; index < count; index++) {
    const from = index * MAX_POINTS_PER_CHUNK;
    const ts = timestamps.slice(from, from + MAX_POINTS_PER_CHUNK);
    const vs = values.slice(from, from + MAX_POINTS_PER_CHUNK);
    chunks.push({ index, count, ...encodeChunk(ts, vs, periodSec * 1000) });
  }
  return chunks;
}

/** Float32 unless a value lies beyond its finite range. */
function encodingFor(values: readonly number[]): ValueEncoding {
  return values.every((v) => Math.abs(v) <= FLOAT32_MAX) ? 'f32' : 'f64';
}

function encodeChunk(ts: number[], vs: number[], stepMs: number): Pick<SeriesChunk, 'start' | 'encoding' | 'values' | 'timestamps'> {
  const encoding = encodingFor(vs);
  if (ts.length === 0) return { start: 0, encoding, values: new Uint8Array(0) };
  const start = ts[0];
  const slots = gridSlots(ts, start, stepMs);
  if (slots !== undefined) {
    const grid = new Array<number>(slots).fill(Number.NaN);
    ts.forEach((t, i) => (grid[(t - start) / stepMs] = vs[i]));
    return { start, encoding, values: pack(grid, encoding) };
  }
  return { encoding, values: pack(vs, encoding), timestamps: pack(ts, 'f64') };
}

/** Number of grid slots when all timestamps are strictly increasing multiples of stepMs after start; else undefined. */
function gridSlots(ts: number[], start: number, stepMs: number): number | undefined {
  for (let i = 1; i < ts.length; i++) {
    if (ts[i] <= ts[i - 1] || (ts[i] - start) % stepMs !== 0) return undefined;
  }
  const slots = (ts[ts.length - 1] - start) / stepMs + 1;
  return Number.isInteger(slots) && slots <= MAX_GRID_SLOTS ? slots : undefined;
}

/** Rebuilds timestamps and values from chunks already sorted by index (all of one series). */
export function decodeSeries(chunks: SeriesChunk[], periodSec: number): { timestamps: number[]; values: number[] } {
  const stepMs = periodSec * 1000;
  const timestamps: number[] = [];
  const values: number[] = [];
  for (const chunk of chunks) {
    const vs = unpack(chunk.values, chunk.encoding);
    if (chunk.timestamps) {
      const ts = unpack(chunk.timestamps, 'f64');
      if (ts.length !== vs.length) throw new StoreInputError(`series chunk ${chunk.index} has ${ts.length} timestamps but ${vs.length} values`);
      for (let i = 0; i < vs.length; i++) {
        timestamps.push(ts[i]);
        values.push(vs[i]);
      }
    } else {
      const start = chunk.start ?? 0;
      for (let i = 0; i < vs.length; i++) {
        if (Number.isNaN(vs[i])) continue;
        timestamps.push(start + i * stepMs);
        values.push(vs[i]);
      }
    }
  }
  return { timestamps, values };
}

const WIDTH: Record<ValueEncoding, FloatWidth> = { f32: 32, f64: 64 };

function pack(numbers: ArrayLike<number>, encoding: ValueEncoding): Uint8Array {
  return packFloats(numbers, WIDTH[encoding]);
}

function unpack(bytes: Uint8Array, encoding: ValueEncoding): number[] {
  const values = unpackFloats(bytes, WIDTH[encoding]);
  if (!values) throw new StoreInputError(`packed ${encoding} series of ${bytes.byteLength} bytes is not a whole number of values`);
  return values;
}
