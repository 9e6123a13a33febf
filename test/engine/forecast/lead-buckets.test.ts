import { describe, expect, it } from 'vitest';
import { leadBuckets } from '../../../lambdas/engine/forecast/lead-buckets.js';

describe('leadBuckets', () => {
  it('extends doubling lead ranges until each holds enough observed residuals', () => {
    expect(leadBuckets(new Float64Array(24 * 11), 24, 11)).toEqual([
      [0, 6],
      [6, 24],
    ]);
    expect(leadBuckets(new Float64Array(288 * 28), 288, 28)).toEqual([
      [0, 3],
      [3, 9],
      [9, 21],
      [21, 45],
      [45, 93],
      [93, 189],
      [189, 288],
    ]);
  });

  it('counts only observed residuals', () => {
    const residuals = new Float64Array(10 * 6).fill(Number.NaN);
    for (let i = 0; i < residuals.length; i += 2) residuals[i] = 0;
    expect(leadBuckets(residuals, 10, 6)).toEqual([[0, 10]]);
  });
});
