import { describe, expect, it } from 'vitest';
import { mannWhitneyGreater } from '../../../lambdas/actions/validation/mann-whitney-u.js';
import { normalCdf } from '../../../lambdas/actions/validation/normal-cdf.js';

const close = (actual: number, expected: number, tolerance = 1e-6) => expect(Math.abs(actual - expected)).toBeLessThan(tolerance);

describe('normalCdf', () => {
  it('matches tabulated values', () => {
    close(normalCdf(0), 0.5);
    close(normalCdf(1.959964), 0.975);
    close(normalCdf(-2.326348), 0.01);
  });
});

describe('mannWhitneyGreater', () => {
  it('computes U, z and p by hand for a small untied case', () => {
    // before = 1..8, after = 5.5..12.5 step 1: after ranks known in closed form.
    const before = [1, 2, 3, 4, 5, 6, 7, 8];
    const after = [5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5];
    const { u, z, pValue } = mannWhitneyGreater(before, after);
    // Pairs (before < after): for after 5.5 → 5, 6.5 → 6, 7.5 → 7, others → 8 each (5 × 8): U = 58.
    expect(u).toBe(58);
    const sigma = Math.sqrt((8 * 8 * 17) / 12);
    close(z, (58 - 32 - 0.5) / sigma);
    close(pValue, 1 - normalCdf((58 - 32 - 0.5) / sigma));
  });

  it('is not significant when both samples come from the same values', () => {
    const sample = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    expect(mannWhitneyGreater(sample, [...sample].reverse()).pValue).toBeGreaterThan(0.4);
  });

  it('gives p = 1 when every value is tied', () => {
    expect(mannWhitneyGreater(Array(8).fill(2), Array(8).fill(2)).pValue).toBe(1);
  });

  it('applies the tie correction to the variance', () => {
    const before = [1, 1, 1, 1, 2, 2, 2, 2];
    const after = [2, 2, 2, 2, 3, 3, 3, 3];
    const { z } = mannWhitneyGreater(before, after);
    // Ties: value 1 ×4, 2 ×8, 3 ×4 → Σ(t³−t) = 60 + 504 + 60 = 624, N = 16.
    const sigma = Math.sqrt((64 / 12) * (17 - 624 / (16 * 15)));
    // U: after's 2s beat the four 1s and tie with four 2s (½ each) = 4 × 6 = 24; after's 3s beat all 8 = 32 → 56.
    close(z, (56 - 32 - 0.5) / sigma);
  });

  it('agrees with scipy.stats.mannwhitneyu (asymptotic, continuity-corrected, one-sided)', () => {
    // Reference p-values from scipy 1.17.1: mannwhitneyu(after, before, alternative='greater', method='asymptotic').
    close(mannWhitneyGreater([1, 1, 1, 1, 2, 2, 2, 2], [2, 2, 2, 2, 3, 3, 3, 3]).pValue, 0.003664006626822696);
    const before = [3.1, 2.2, 5.4, 1.0, 4.4, 2.9, 3.3, 6.1, 2.0];
    const after = [4.2, 5.5, 3.9, 7.7, 6.0, 5.1, 4.8, 8.2, 3.0, 6.6];
    close(mannWhitneyGreater(before, after).pValue, 0.012372336023199468);
  });

  it('refuses samples too small for the normal approximation', () => {
    expect(() => mannWhitneyGreater([1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 11])).toThrow(RangeError);
  });
});
