import { describe, expect, it } from 'vitest';
import { ForecastInputError } from '../../../lambdas/engine/forecast/errors.js';
import { inferStepMs, regularise } from '../../../lambdas/engine/forecast/regularise.js';

const MIN = 60_000;

describe('inferStepMs', () => {
  it('takes the median spacing so gaps and repeats do not change it', () => {
    expect(inferStepMs([0, 5 * MIN, 5 * MIN, 15 * MIN, 20 * MIN, 25 * MIN])).toBe(5 * MIN);
  });
  it('needs two distinct timestamps', () => {
    expect(() => inferStepMs([7, 7])).toThrow(ForecastInputError);
  });
});

describe('regularise', () => {
  it('sorts, averages repeated timestamps and leaves gaps as NaN', () => {
    const grid = regularise([10 * MIN, 0, 5 * MIN, 5 * MIN, 20 * MIN], [4, 1, 2, 4, 9]);
    expect(grid.start).toBe(0);
    expect(grid.stepMs).toBe(5 * MIN);
    expect(Array.from(grid.values)).toEqual([1, 3, 4, Number.NaN, 9]);
  });
  it('snaps jittered timestamps to the nearest slot', () => {
    const grid = regularise([0, 5 * MIN + 20_000, 10 * MIN - 10_000, 15 * MIN], [1, 2, 3, 4]);
    expect(Array.from(grid.values)).toEqual([1, 2, 3, 4]);
  });
  it('treats null and non-finite values as missing', () => {
    const grid = regularise([0, MIN, 2 * MIN], [1, null, Number.NaN]);
    expect(grid.values[0]).toBe(1);
    expect(Number.isNaN(grid.values[1]) && Number.isNaN(grid.values[2])).toBe(true);
  });
  it('rejects mismatched lengths and absurdly sparse timestamps', () => {
    expect(() => regularise([0, 1], [1])).toThrow(/same length/);
    expect(() => regularise([0, MIN, 2 * MIN, 1e12], [1, 2, 3, 4])).toThrow(/too sparse/);
    expect(() => regularise([0, Number.NaN], [1, 2])).toThrow(ForecastInputError);
  });
});
