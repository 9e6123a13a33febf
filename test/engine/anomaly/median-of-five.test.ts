import { describe, expect, it } from 'vitest';
import { MedianOfFive, medianOfFive } from '../../../lambdas/engine/anomaly/median-of-five.js';

describe('medianOfFive', () => {
  it('equals the middle of the sorted five for every ordering, ties included', () => {
    // All 5^5 arrangements of the values 0..4 (with repeats) cover every comparison outcome.
    for (let code = 0; code < 5 ** 5; code++) {
      const values = Array.from({ length: 5 }, (_, i) => Math.floor(code / 5 ** i) % 5);
      const sorted = [...values].sort((a, b) => a - b);
      expect(medianOfFive(values[0], values[1], values[2], values[3], values[4])).toBe(sorted[2]);
    }
  });
});

describe('MedianOfFive', () => {
  it('is the median of the last five values, blind to a single spike', () => {
    const median = new MedianOfFive();
    for (const value of [3, 1, 2, 100]) median.push(value);
    expect(median.filled).toBe(false);
    median.push(4);
    expect(median.filled).toBe(true);
    expect(median.median()).toBe(3); // 1, 2, 3, 4, 100
    median.push(5); // drops the 3
    expect(median.median()).toBe(4); // 1, 2, 4, 5, 100
    for (const value of [6, 7, 8, 9]) median.push(value); // long after filling, still the last five
    expect(median.median()).toBe(7); // 5, 6, 7, 8, 9
  });
});
