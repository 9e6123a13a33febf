import { StoreInputError } from './errors.js';

/**
 * Compact storage for metric series. A series of 14 days at 5 minutes is 4,032 points; as a DynamoDB
 * list of numbers that is ~60 KB and slow to (un)marshal, so values are packed as little-endian Float64
 * in one Binary attribute (8 bytes a point, exact, 32 KB for 4,032 points).
 *
 * - Grid chunks: when every timestamp sits on `start + k·period`, only `start` is kept and the values
 *   array covers the whole grid, with NaN in the slots CloudWatch returned no data for (metric values
 *   are finite, so NaN is free to mean "missing").
 * - Explicit chunks: otherwise (off-grid or unordered timestamps, or gaps so long the grid would be
 *   huge), timestamps are packed the same way next to the values.
 * - A series longer than `MAX_POINTS_PER_CHUNK` points is split into consecutive chunks, so an item stays
 *   under ~260 KB (values + explicit timestamps) whatever the series, well below DynamoDB's 400 KB.
 */
export const MAX_POINTS_PER_CHUNK = 16_000;
/** Bytes one value takes in a packed chunk (Float64); a grid chunk stores one per period slot, nothing else per point. */
export const BYTES_PER_PACKED_VALUE = Float64Array.BYTES_PER_ELEMENT;
/** A grid chunk may hold at most this many slots (points plus gaps): 24,000 × 8 B = 192 KB. */
const MAX_GRID_SLOTS = 24_000;

export interface SeriesChunk {
  index: number;
  count: number;
  /** Epoch ms of the first grid slot (grid chunks only). */
  start?: number;
  values: Uint8Array;
  /** Packed timestamps (explicit chunks only). */
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

function encodeChunk(ts: number[], vs: number[], stepMs: number): Pick<SeriesChunk, 'start' | 'values' | 'timestamps'> {
  if (ts.length === 0) return { start: 0, values: new Uint8Array(0) };
  const start = ts[0];
  const slots = gridSlots(ts, start, stepMs);
  if (slots !== undefined) {
    const grid = new Float64Array(slots).fill(Number.NaN);
    ts.forEach((t, i) => (grid[(t - start) / stepMs] = vs[i]));
    return { start, values: packFloat64(grid) };
  }
  return { values: packFloat64(vs), timestamps: packFloat64(ts) };
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
    const vs = unpackFloat64(chunk.values);
    if (chunk.timestamps) {
      const ts = unpackFloat64(chunk.timestamps);
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

function packFloat64(numbers: ArrayLike<number>): Uint8Array {
  const view = new DataView(new ArrayBuffer(numbers.length * BYTES_PER_PACKED_VALUE));
  for (let i = 0; i < numbers.length; i++) view.setFloat64(i * BYTES_PER_PACKED_VALUE, numbers[i], true);
  return new Uint8Array(view.buffer);
}

function unpackFloat64(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength / BYTES_PER_PACKED_VALUE);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * BYTES_PER_PACKED_VALUE, true);
  return out;
}
