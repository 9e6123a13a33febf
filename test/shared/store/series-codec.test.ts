import { describe, expect, it } from 'vitest';
import { StoreInputError } from '../../../lambdas/shared/store/errors.js';
import { BYTES_PER_PACKED_VALUE, decodeSeries, encodeSeries, MAX_POINTS_PER_CHUNK, type SeriesChunk } from '../../../lambdas/shared/store/series-codec.js';

const T0 = Date.UTC(2026, 10, 1);

/** What Float32 storage returns for each value. */
const asFloat32 = (values: number[]) => values.map((v) => Math.fround(v));

/** A chunk packed the way the store packed every series before Float32: little-endian Float64, no marker. */
function legacyFloat64Chunk(start: number, values: number[]): SeriesChunk {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return { index: 0, count: 1, start, encoding: 'f64', values: new Uint8Array(view.buffer) };
}

describe('series codec', () => {
  it('packs a 14-day 5-minute series into one 16 KB Float32 grid chunk, timestamps exact', () => {
    const timestamps = Array.from({ length: 4032 }, (_, i) => T0 + i * 300_000);
    const values = timestamps.map((_, i) => i / 3);
    const chunks = encodeSeries(timestamps, values, 300);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].timestamps).toBeUndefined();
    expect(chunks[0].encoding).toBe('f32');
    expect(BYTES_PER_PACKED_VALUE).toBe(4);
    expect(chunks[0].values.byteLength).toBe(4032 * 4);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: asFloat32(values) });
  });

  it('keeps about 7 significant digits: relative error at most 2^-24 over CPU %, counts and bytes', () => {
    const values = [0.1, 12.345678, 99.99, 16_777_216, 16_777_217, 123_456_789, 9.87654321e11, 1e12, 3.3e-5];
    const timestamps = values.map((_, i) => T0 + i * 300_000);
    const decoded = decodeSeries(encodeSeries(timestamps, values, 300), 300);
    expect(decoded.timestamps).toEqual(timestamps);
    decoded.values.forEach((v, i) => expect(Math.abs(v - values[i]) / values[i]).toBeLessThanOrEqual(2 ** -24));
    // Counts are exact up to 2^24; one past it rounds to an even neighbour.
    expect(decoded.values[3]).toBe(16_777_216);
    expect(decoded.values[4]).not.toBe(16_777_217);
    // 1e12 bytes lands within half the 65,536 B spacing of Float32 there.
    expect(Math.abs(decoded.values[7] - 1e12)).toBeLessThanOrEqual(32_768);
  });

  it('falls back to Float64 for a chunk with a value beyond Float32 range, instead of storing Infinity', () => {
    const timestamps = [T0, T0 + 300_000];
    const values = [1e39, 0.1];
    const [chunk] = encodeSeries(timestamps, values, 300);
    expect(chunk.encoding).toBe('f64');
    expect(chunk.values.byteLength).toBe(16);
    expect(decodeSeries([chunk], 300)).toEqual({ timestamps, values });
  });

  it('reads chunks written as Float64 before Float32 packing, bit for bit', () => {
    const values = [0.1, Math.PI, 1e12 + 1];
    const decoded = decodeSeries([legacyFloat64Chunk(T0, values)], 300);
    expect(decoded).toEqual({ timestamps: [T0, T0 + 300_000, T0 + 600_000], values });
  });

  it('refuses packed bytes that are not a whole number of values', () => {
    const chunk: SeriesChunk = { index: 0, count: 1, start: T0, encoding: 'f32', values: new Uint8Array(6) };
    expect(() => decodeSeries([chunk], 300)).toThrow(/not a whole number of values/);
  });

  it('leaves missing periods out when decoding a grid chunk with gaps', () => {
    const timestamps = [T0, T0 + 600_000, T0 + 1_500_000];
    const chunks = encodeSeries(timestamps, [1, -2.5, 0], 300);
    expect(chunks[0].values.byteLength).toBe(6 * 4);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: [1, -2.5, 0] });
  });

  it('stores explicit Float64 timestamps, exact to the millisecond, when points are off the period grid', () => {
    const timestamps = [T0, T0 + 301_001, T0 + 600_000];
    const chunks = encodeSeries(timestamps, [1, 2, 3], 300);
    expect(chunks[0].timestamps?.byteLength).toBe(3 * 8);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: [1, 2, 3] });
  });

  it('stores explicit timestamps when gaps would make the grid huge', () => {
    const timestamps = [T0, T0 + 365 * 86_400_000];
    const chunks = encodeSeries(timestamps, [1, 2], 300);
    expect(chunks[0].values.byteLength).toBe(8);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: [1, 2] });
  });

  it('splits a long series into chunks that each stay far below 400 KB', () => {
    const n = MAX_POINTS_PER_CHUNK * 2 + 5;
    const timestamps = Array.from({ length: n }, (_, i) => T0 + i * 60_000);
    const values = timestamps.map((_, i) => i);
    const chunks = encodeSeries(timestamps, values, 60);
    expect(chunks.map((c) => c.count)).toEqual([3, 3, 3]);
    expect(Math.max(...chunks.map((c) => c.values.byteLength + (c.timestamps?.byteLength ?? 0)))).toBeLessThan(300_000);
    expect(decodeSeries(chunks, 60)).toEqual({ timestamps, values });
  });

  it('encodes an empty series as one empty chunk', () => {
    expect(decodeSeries(encodeSeries([], [], 300), 300)).toEqual({ timestamps: [], values: [] });
  });

  it('rejects infinite values and mismatched lengths', () => {
    expect(() => encodeSeries([T0], [Number.POSITIVE_INFINITY], 300)).toThrow(StoreInputError);
    expect(() => encodeSeries([T0, T0 + 1], [1], 300)).toThrow(/2 timestamps but 1 values/);
  });
});
