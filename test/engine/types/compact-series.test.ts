import { describe, expect, it } from 'vitest';
import { compactSeries } from '../../../lambdas/engine/types/compact-series.js';
import { fitsFloat32Exactly, packFloats, unpackFloats } from '../../../lambdas/engine/types/packed-floats.js';
import { SnapshotSeriesListSchema, type CompactMetricSeries, type MetricSeries } from '../../../lambdas/engine/types/snapshot.js';

const T0 = Date.UTC(2026, 10, 1);
const STEP = 300_000;

function plain(values: number[], options: { timestamps?: number[]; arn?: string } = {}): MetricSeries {
  return {
    resourceArn: options.arn ?? 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    stat: 'Average',
    unit: 'Percent',
    periodSec: 300,
    timestamps: options.timestamps ?? values.map((_, i) => T0 + i * STEP),
    values,
  };
}

function decode(entries: unknown[]): MetricSeries[] {
  return SnapshotSeriesListSchema.parse(entries);
}

describe('compact snapshot series', () => {
  it('packs Float32-exact values on the grid as f32-base64, with the gaps as NaN, and decodes to the same series', () => {
    const series = plain([1.5, 2, 40.25, 0], { timestamps: [T0, T0 + STEP, T0 + 4 * STEP, T0 + 5 * STEP] });
    const compact = compactSeries(series) as CompactMetricSeries;
    expect(compact).toMatchObject({ encoding: 'f32-base64', start: T0, periodSec: 300, unit: 'Percent' });
    expect(compact).not.toHaveProperty('timestamps');
    // 6 grid slots (two of them gaps) × 4 bytes = 24 bytes = 32 base64 characters.
    expect(compact.values).toHaveLength(32);
    expect(decode([compact])).toEqual([series]);
  });

  it('keeps values Float32 would round in Float64, so the compact form is lossless', () => {
    const series = { ...plain([0.1, 1e-9, 123456789.123, 5e15]), metricName: 'NetworkIn', stat: 'Sum', unit: 'Bytes' };
    expect(fitsFloat32Exactly(series.values)).toBe(false);
    const compact = compactSeries(series) as CompactMetricSeries;
    expect(compact.encoding).toBe('f64-base64');
    expect(decode([compact])).toEqual([series]);
  });

  it('leaves off-grid, unordered, sparse and empty series in the plain form', () => {
    const offGrid = plain([1, 2], { timestamps: [T0, T0 + STEP + 1] });
    const unordered = plain([1, 2], { timestamps: [T0 + STEP, T0] });
    const sparse = plain([1, 2], { timestamps: [T0, T0 + 10 * STEP] });
    const empty = plain([]);
    for (const series of [offGrid, unordered, sparse, empty]) expect(compactSeries(series)).toBe(series);
  });

  it('gives series on the same gap-free grid one shared timestamps array, and a series with gaps its own', () => {
    const a = compactSeries(plain([1, 2, 3], { arn: 'a' }));
    const b = compactSeries(plain([4, 5, 6], { arn: 'b' }));
    const gappy = compactSeries(plain([7, 8], { arn: 'c', timestamps: [T0, T0 + 2 * STEP] }));
    const [da, db, dc] = decode([a, b, gappy]);
    expect(da.timestamps).toBe(db.timestamps);
    expect(dc.timestamps).toEqual([T0, T0 + 2 * STEP]);
    expect(db.values).toEqual([4, 5, 6]);
  });

  it('accepts plain series beside compact ones, with or without encoding "json"', () => {
    const series = plain([3, 4], { timestamps: [T0, T0 + 7] });
    expect(decode([{ ...series, encoding: 'json' }, series, compactSeries(plain([9]))])).toEqual([series, series, plain([9])]);
  });

  it('names the bad field of a compact series that does not decode', () => {
    const compact = compactSeries(plain([1, 2])) as CompactMetricSeries;
    const infinite = Buffer.from(packFloats([1, Number.POSITIVE_INFINITY], 32)).toString('base64');
    const cases: [unknown, RegExp][] = [
      [{ ...compact, values: 'AAAAAA' }, /not a multiple of 4/],
      [{ ...compact, values: 'AAA=' }, /whole number of 4-byte values/],
      [{ ...compact, values: infinite }, /slot 1 decodes to Infinity/],
      [{ ...compact, values: 'not base64!' }, /must be base64/],
    ];
    for (const [entry, message] of cases) {
      const result = SnapshotSeriesListSchema.safeParse([plain([1]), entry]);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].path).toEqual([1, 'values']);
      expect(result.error?.issues[0].message).toMatch(message);
    }
    const unknownEncoding = SnapshotSeriesListSchema.safeParse([{ ...compact, encoding: 'f16-base64' }]);
    expect(unknownEncoding.error?.issues[0].path).toEqual([0, 'encoding']);
  });
});

describe('packed floats', () => {
  it('round-trips little-endian Float32 and Float64, NaN included', () => {
    const values = [0, -1.5, 3.25, Number.NaN];
    const f32 = packFloats(values, 32);
    expect(Array.from(f32.subarray(4, 8))).toEqual([0, 0, 0xc0, 0xbf]); // -1.5 = 0xBFC00000, little-endian
    expect(unpackFloats(f32, 32)).toEqual(values);
    expect(unpackFloats(packFloats([0.1], 64), 64)).toEqual([0.1]);
    expect(unpackFloats(new Uint8Array(6), 32)).toBeUndefined();
  });
});
