import { describe, expect, it } from 'vitest';
import { combinationWeights, weightedSum } from '../../../lambdas/engine/forecast/combine.js';
import { growthExponent, intervalScale } from '../../../lambdas/engine/forecast/intervals.js';

describe('combinationWeights', () => {
  it('averages the models within tolerance of the best, up to the size limit', () => {
    expect(combinationWeights([1, 1.05, 2, 1.08], 0.1, 3)).toEqual([1 / 3, 1 / 3, 0, 1 / 3]);
    expect(combinationWeights([1, 1.05, 2, 1.08], 0.1, 2)).toEqual([0.5, 0.5, 0, 0]);
  });
  it('keeps a single clear winner alone and ignores non-finite errors', () => {
    expect(combinationWeights([3, Number.NaN, 1], 0.1, 3)).toEqual([0, 0, 1]);
  });
});

describe('weightedSum', () => {
  it('adds weighted vectors', () => {
    const out = new Float64Array(2);
    weightedSum([Float64Array.of(1, 2), Float64Array.of(3, 6)], [0.5, 0.5], 2, out);
    expect(Array.from(out)).toEqual([2, 4]);
  });
});

describe('intervalScale', () => {
  it('widens by the square root of lead time beyond the measured horizon only', () => {
    expect(intervalScale(0, 10)).toBe(1);
    expect(intervalScale(9, 10)).toBe(1);
    expect(intervalScale(39, 10)).toBe(2);
  });
});

describe('growthExponent', () => {
  const horizon = 8;
  const errorsGrowingBy = (exponent: number) => Float64Array.from({ length: 2 * horizon }, (_, index) => ((index % horizon) + 1) ** exponent);
  it('reads linear growth of errors with lead time as 1 and flat errors as the random-walk floor ½', () => {
    expect(growthExponent(errorsGrowingBy(1), horizon)).toBeGreaterThan(0.8);
    expect(growthExponent(errorsGrowingBy(0), horizon)).toBe(0.5);
  });
  it('skips unobserved (NaN) residuals', () => {
    const residuals = errorsGrowingBy(1);
    residuals[horizon - 1] = Number.NaN;
    expect(growthExponent(residuals, horizon)).toBeGreaterThan(0.8);
  });
  it('falls back to ½ when the horizon is too short to tell', () => {
    expect(growthExponent(Float64Array.of(1, 2, 3), 3)).toBe(0.5);
  });
  it('widens intervals linearly beyond the measured horizon when growth is linear', () => {
    expect(intervalScale(39, 10, 1)).toBe(4);
  });
});
