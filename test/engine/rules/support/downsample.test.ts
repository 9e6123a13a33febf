import { describe, expect, it } from 'vitest';
import { downsample, MAX_EXCERPT_POINTS } from '../../../../lambdas/engine/rules/support/downsample.js';

describe('downsample', () => {
  it('keeps at most 96 points and keeps the peak in max mode', () => {
    const values = Array.from({ length: 4032 }, (_, i) => (i === 2000 ? 99 : 5));
    const timestamps = values.map((_, i) => i * 300_000);
    const out = downsample(timestamps, values, 'max');
    expect(out.values).toHaveLength(MAX_EXCERPT_POINTS);
    expect(Math.max(...out.values)).toBe(99);
    expect(out.timestamps[0]).toBe(0);
  });

  it('averages buckets in mean mode and returns short series unchanged', () => {
    expect(downsample([0, 1, 2, 3], [1, 3, 5, 7], 'mean', 2)).toEqual({ timestamps: [0, 2], values: [2, 6] });
    expect(downsample([0, 1], [4, 5])).toEqual({ timestamps: [0, 1], values: [4, 5] });
  });
});

describe('aggregateByUtcDay', () => {
  it('sums, averages and takes the max per UTC day, oldest first', async () => {
    const { aggregateByUtcDay } = await import('../../../../lambdas/engine/rules/support/daily.js');
    const day = 86_400_000;
    const days = aggregateByUtcDay([0, 1000, day, day + 5], [1, 3, 10, 20]);
    expect(days).toEqual([
      { day: 0, count: 2, sum: 4, mean: 2, max: 3 },
      { day, count: 2, sum: 30, mean: 15, max: 20 },
    ]);
    expect(() => aggregateByUtcDay([day, 0], [1, 1])).toThrow(RangeError);
  });
});
