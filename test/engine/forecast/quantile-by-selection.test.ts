import { describe, expect, it } from 'vitest';
import { quantileBySelection } from '../../../lambdas/engine/forecast/quantile-by-selection.js';
import { quantile } from '../../../lambdas/engine/stats/quantile.js';

describe('quantileBySelection', () => {
  it('matches the type-7 quantile of the prefix without sorting', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 5, 100];
    for (const q of [0, 0.1, 0.25, 0.5, 0.9, 1]) {
      expect(quantileBySelection(Float64Array.from(values), values.length, q)).toBeCloseTo(quantile(values, q), 12);
    }
    expect(quantileBySelection(Float64Array.from(values), 10, 0.9)).toBeCloseTo(quantile(values.slice(0, 10), 0.9), 12);
  });
});
