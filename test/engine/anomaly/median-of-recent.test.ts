import { describe, expect, it } from 'vitest';
import { MedianOfRecent } from '../../../lambdas/engine/anomaly/median-of-recent.js';

describe('MedianOfRecent', () => {
  it('is the median of the last `size` values, blind to a single spike', () => {
    const median = new MedianOfRecent(5);
    expect(Number.isNaN(median.median())).toBe(true);
    for (const value of [3, 1, 2]) median.push(value);
    expect(median.filled).toBe(false);
    expect(median.median()).toBe(2);
    for (const value of [100, 4]) median.push(value);
    expect(median.filled).toBe(true);
    expect(median.median()).toBe(3); // 1, 2, 3, 4, 100
    median.push(5); // drops the 3
    expect(median.median()).toBe(4); // 1, 2, 4, 5, 100
  });

  it('averages the middle pair while an even number of values is held', () => {
    const median = new MedianOfRecent(5);
    for (const value of [1, 2, 10, 20]) median.push(value);
    expect(median.median()).toBe(6);
  });
});
