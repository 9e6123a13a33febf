import { describe, expect, it } from 'vitest';
import { fillGaps } from '../../../lambdas/engine/forecast/fill-gaps.js';

const NaN_ = Number.NaN;

describe('fillGaps', () => {
  it('interpolates short interior gaps linearly', () => {
    const values = Float64Array.of(0, NaN_, NaN_, 3);
    expect(fillGaps(values)).toBe(2);
    expect(Array.from(values)).toEqual([0, 1, 2, 3]);
  });
  it('extends the first and last observations over leading and trailing gaps', () => {
    const values = Float64Array.of(NaN_, 5, 6, NaN_);
    fillGaps(values);
    expect(Array.from(values)).toEqual([5, 5, 6, 6]);
  });
  it('copies the previous season through a gap longer than a season', () => {
    const values = Float64Array.of(1, 9, 1, 9, NaN_, NaN_, NaN_, 9, 1);
    fillGaps(values, 2);
    expect(Array.from(values)).toEqual([1, 9, 1, 9, 1, 9, 1, 9, 1]);
  });
  it('leaves an all-missing series alone and reports no observations', () => {
    const values = Float64Array.of(NaN_, NaN_);
    expect(fillGaps(values)).toBe(0);
  });
});
