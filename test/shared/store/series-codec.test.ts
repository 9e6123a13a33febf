import { describe, expect, it } from 'vitest';
import { StoreInputError } from '../../../lambdas/shared/store/errors.js';
import { decodeSeries, encodeSeries, MAX_POINTS_PER_CHUNK } from '../../../lambdas/shared/store/series-codec.js';

const T0 = Date.UTC(2026, 10, 1);

describe('series codec', () => {
  it('packs a 14-day 5-minute series into one 32 KB grid chunk', () => {
    const timestamps = Array.from({ length: 4032 }, (_, i) => T0 + i * 300_000);
    const values = timestamps.map((_, i) => i / 3);
    const chunks = encodeSeries(timestamps, values, 300);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].timestamps).toBeUndefined();
    expect(chunks[0].values.byteLength).toBe(4032 * 8);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values });
  });

  it('leaves missing periods out when decoding a grid chunk with gaps', () => {
    const timestamps = [T0, T0 + 600_000, T0 + 1_500_000];
    const chunks = encodeSeries(timestamps, [1, -2.5, 0], 300);
    expect(chunks[0].values.byteLength).toBe(6 * 8);
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: [1, -2.5, 0] });
  });

  it('stores explicit timestamps when points are off the period grid', () => {
    const timestamps = [T0, T0 + 301_000, T0 + 600_000];
    const chunks = encodeSeries(timestamps, [1, 2, 3], 300);
    expect(chunks[0].timestamps).toBeDefined();
    expect(decodeSeries(chunks, 300)).toEqual({ timestamps, values: [1, 2, 3] });
  });

  it('stores explicit timestamps when gaps would make the grid huge', () => {
    const timestamps = [T0, T0 + 365 * 86_400_000];
    const chunks = encodeSeries(timestamps, [1, 2], 300);
    expect(chunks[0].values.byteLength).toBe(16);
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
