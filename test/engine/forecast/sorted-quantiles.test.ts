import { describe, expect, it } from 'vitest';
import { quantileBySelection, quantileFromEnd } from '../../../lambdas/engine/forecast/sorted-quantiles.js';
import { quantile } from '../../../lambdas/engine/stats/quantile.js';

describe('quantileFromEnd', () => {
  it('reads a quantile of the values left after removing some, from either end', () => {
    expect(quantileFromEnd([1, 2, 3, 4, 5], [2, 4], 3, 0.5)).toBe(3);
    expect(quantileFromEnd([1, 2, 3, 4, 5], [], 5, 0.9)).toBeCloseTo(4.6, 12);
    expect(quantileFromEnd([1, 2, 3, 4, 5], [5], 4, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileFromEnd([1, 2, 3, 4, 5], [1], 4, 0.1)).toBeCloseTo(2.3, 12);
  });

  it('agrees with the plain type-7 quantile of the difference, repeated values included', () => {
    const all = [0, 1, 1, 2, 3, 3, 3, 5, 8, 13, 13, 21];
    const removed = [1, 3, 13];
    const rest = [0, 1, 2, 3, 3, 5, 8, 13, 21];
    for (const q of [0.1, 0.25, 0.75, 0.9]) expect(quantileFromEnd(all, removed, rest.length, q)).toBeCloseTo(quantile(rest, q), 12);
  });
});

describe('quantileBySelection', () => {
  it('matches the type-7 quantile without sorting', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5];
    expect(quantileBySelection(Float64Array.from(values), values.length, 0.9)).toBeCloseTo(quantile(values, 0.9), 12);
  });
});
