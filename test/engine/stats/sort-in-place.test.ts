import { describe, expect, it } from 'vitest';
import { sortInPlace } from '../../../lambdas/engine/stats/sort-in-place.js';

describe('sortInPlace', () => {
  it('sorts ascending like a numeric sort, with repeats, and only the given prefix', () => {
    let state = 7;
    const values = Float64Array.from({ length: 500 }, () => ((state = (state * 48271) % 2147483647) % 37) - 18);
    const expected = Array.from(values).sort((a, b) => a - b);
    expect(Array.from(sortInPlace(values.slice()))).toEqual(expected);
    const prefix = Float64Array.of(3, 1, 2, -5);
    expect(Array.from(sortInPlace(prefix, 3))).toEqual([1, 2, 3, -5]);
  });
});
