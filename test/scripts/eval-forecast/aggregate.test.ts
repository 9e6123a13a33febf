import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../scripts/eval-forecast/aggregate.js';

const FIVE_MINUTES = 300_000;
const HOUR = 3_600_000;

describe('aggregate', () => {
  it('averages 5-minute samples into epoch-aligned hours', () => {
    const timestamps = Array.from({ length: 24 }, (_, i) => 10 * HOUR + i * FIVE_MINUTES);
    const values = timestamps.map((_, i) => (i < 12 ? 1 : 3));
    expect(aggregate({ timestamps, values }, FIVE_MINUTES, HOUR)).toEqual({ timestamps: [10 * HOUR, 11 * HOUR], values: [1, 3] });
  });

  it('drops a bucket holding fewer than half of its slots and ignores non-finite values', () => {
    const timestamps = [...Array.from({ length: 12 }, (_, i) => i * FIVE_MINUTES), HOUR, HOUR + FIVE_MINUTES];
    const values = [...Array.from({ length: 11 }, () => 2), Number.NaN, 5, 7];
    expect(aggregate({ timestamps, values }, FIVE_MINUTES, HOUR)).toEqual({ timestamps: [0], values: [2] });
  });
});
