import { describe, expect, it } from 'vitest';
import { combinationWeights, weightedSum } from '../../../lambdas/engine/forecast/combine.js';
import { growthExponent, intervalScale, residualIntervalOffsets } from '../../../lambdas/engine/forecast/intervals.js';

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

describe('residualIntervalOffsets', () => {
  it('takes the residual quantiles around the forecast, keeping skew', () => {
    const actuals = Float64Array.from({ length: 11 }, (_, i) => i * i);
    const predictions = new Float64Array(11);
    const offsets = residualIntervalOffsets(actuals, predictions, 0.8, 11);
    expect(offsets.lower).toBeCloseTo(1, 12);
    expect(offsets.upper).toBeCloseTo(81, 12);
  });
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
    const zeros = new Float64Array(2 * horizon);
    expect(growthExponent(errorsGrowingBy(1), zeros, horizon)).toBeGreaterThan(0.8);
    expect(growthExponent(errorsGrowingBy(0), zeros, horizon)).toBe(0.5);
  });
  it('falls back to ½ when the horizon is too short to tell', () => {
    expect(growthExponent(Float64Array.of(1, 2, 3), new Float64Array(3), 3)).toBe(0.5);
  });
  it('widens intervals linearly beyond the measured horizon when growth is linear', () => {
    expect(intervalScale(39, 10, 1)).toBe(4);
  });
});
