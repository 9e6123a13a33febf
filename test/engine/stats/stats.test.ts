import { describe, expect, it } from 'vitest';
import { mad, MAD_TO_SIGMA, mean, median, medianInPlace, quantile, quantileSorted, selectInPlace, standardDeviation, StatsInputError, variance } from '../../../lambdas/engine/stats/index.js';

describe('mean', () => {
  it('averages the sample', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
  it('rejects an empty sample', () => {
    expect(() => mean([])).toThrow(StatsInputError);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([10, 0], 0.9)).toBeCloseTo(9, 12);
  });
  it('returns the extremes at 0 and 1', () => {
    expect(quantile([5, -2, 7], 0)).toBe(-2);
    expect(quantile([5, -2, 7], 1)).toBe(7);
  });
  it('sorts numerically, not lexicographically', () => {
    expect(quantile([10, 9, 100], 0.5)).toBe(10);
  });
  it('leaves its input untouched', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
  it('rejects levels outside [0, 1] and empty samples', () => {
    expect(() => quantile([1], 1.5)).toThrow(StatsInputError);
    expect(() => quantile([1], Number.NaN)).toThrow(StatsInputError);
    expect(() => quantile([], 0.5)).toThrow(/empty/);
  });
  it('agrees with quantileSorted on sorted input', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
  });
});

describe('median', () => {
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('mad', () => {
  it('is the median of absolute deviations from the median', () => {
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });
  it('ignores a gross outlier', () => {
    expect(mad([1, 2, 3, 4, 1e9])).toBe(1);
  });
  it('scales to sigma for normal data with the documented constant', () => {
    expect(MAD_TO_SIGMA).toBeCloseTo(1.4826, 4);
  });
});

describe('selectInPlace / medianInPlace', () => {
  it('finds the k-th smallest element', () => {
    expect(selectInPlace(Float64Array.of(5, 1, 4, 2, 3), 1)).toBe(2);
    expect(selectInPlace(Float64Array.of(5, 1, 4, 2, 3), 4)).toBe(5);
  });
  it('agrees with median on random samples of odd and even sizes, with ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let size = 1; size < 60; size++) {
      const values = Array.from({ length: size }, () => Math.floor(random() * 10));
      expect(medianInPlace(Float64Array.from(values))).toBe(median(values));
    }
  });
  it('only looks at the requested prefix', () => {
    expect(medianInPlace(Float64Array.of(3, 1, 2, 100, 100), 3)).toBe(2);
  });
  it('rejects an empty range and ranks outside it', () => {
    expect(() => medianInPlace(new Float64Array(0))).toThrow(StatsInputError);
    expect(() => selectInPlace(Float64Array.of(1, 2), 2)).toThrow(StatsInputError);
  });
});

describe('variance / standardDeviation', () => {
  it('uses the n − 1 denominator', () => {
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('needs two values', () => {
    expect(() => variance([1])).toThrow(StatsInputError);
  });
});
