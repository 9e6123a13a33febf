import { describe, expect, it } from 'vitest';
import { scaledSigmoid } from '../../../lambdas/engine/nab/scaled-sigmoid.js';

describe('scaledSigmoid', () => {
  it('is 2/(1+e^{5y}) - 1 inside its range', () => {
    expect(scaledSigmoid(0)).toBeCloseTo(0, 12);
    expect(scaledSigmoid(-1)).toBeCloseTo(2 / (1 + Math.exp(-5)) - 1, 12);
    expect(scaledSigmoid(0.5)).toBeCloseTo(2 / (1 + Math.exp(2.5)) - 1, 12);
  });

  it('is exactly -1 more than three window widths after a window', () => {
    expect(scaledSigmoid(3.0001)).toBe(-1);
  });
});
