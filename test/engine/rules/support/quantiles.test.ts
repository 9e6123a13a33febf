import { describe, expect, it } from 'vitest';
import { exactQuantiles, EVIDENCE_LEVELS, evidenceQuantiles } from '../../../../lambdas/engine/rules/support/quantiles.js';
import { quantile } from '../../../../lambdas/engine/stats/index.js';
import { noise } from '../fixtures.js';

describe('exactQuantiles', () => {
  it('matches the type-7 quantile of stats/quantile.ts on random, tied and tiny samples', () => {
    const rand = noise(42);
    const samples: number[][] = [[1], [2, 1], [3, 1, 2], [1, 2, 3, 4], Array.from({ length: 7 }, () => 5)];
    for (const n of [10, 17, 100, 1001, 4032]) {
      samples.push(Array.from({ length: n }, () => rand() * 100));
      samples.push(Array.from({ length: n }, () => Math.floor(rand() * 5))); // many ties
      samples.push(Array.from({ length: n }, (_, i) => n - i)); // descending
    }
    for (const sample of samples) {
      const copy = [...sample];
      const result = exactQuantiles(copy);
      for (const [key, q] of Object.entries(EVIDENCE_LEVELS)) {
        expect(result[key as keyof typeof EVIDENCE_LEVELS], `${key} of n=${sample.length}`).toBeCloseTo(quantile(sample, q), 9);
      }
      expect(copy).toEqual(sample); // input untouched
    }
  });

  it('rounds evidence quantiles to 3 decimals and rejects an empty sample', () => {
    expect(evidenceQuantiles([1, 2, 3, 4.12345]).quantiles.max).toBe(4.123);
    expect(() => exactQuantiles([])).toThrow(/empty/);
  });
});
