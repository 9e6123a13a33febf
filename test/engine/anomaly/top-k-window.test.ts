import { describe, expect, it } from 'vitest';
import { TopKWindow } from '../../../lambdas/engine/anomaly/top-k-window.js';

describe('TopKWindow', () => {
  it('gives the k-th largest of the values pushed, and −∞ until there are enough', () => {
    const window = new TopKWindow(3, 4, 3);
    expect(window.kth()).toBe(Number.NEGATIVE_INFINITY);
    for (const value of [5, 1, 9, 7]) window.push(value);
    expect(window.kth()).toBe(5); // 9, 7, 5
    expect(window.kth(1)).toBe(9);
    window.push(8);
    expect(window.kth()).toBe(7); // 9, 8, 7
    expect(window.size).toBe(5);
  });

  it('forgets whole blocks once the window is full', () => {
    // blocks of 2, at most 3 blocks kept (the oldest completed block drops when a third completes)
    const window = new TopKWindow(1, 2, 3);
    for (const value of [100, 1, 2, 3]) window.push(value);
    expect(window.kth()).toBe(100);
    for (const value of [4, 5]) window.push(value);
    expect(window.kth()).toBe(5); // the block holding 100 has left the window
  });

  it('matches a brute-force order statistic on random data (within the block granularity)', () => {
    const window = new TopKWindow(5, 10, 5);
    const values: number[] = [];
    let state = 7;
    for (let i = 0; i < 200; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const value = state / 2 ** 31;
      window.push(value);
      values.push(value);
      if (i % 10 === 9) {
        // right after a block completes, the window holds exactly the last 4 blocks (40 values)
        const recent = values.slice(-Math.min(values.length, 40)).sort((a, b) => b - a);
        expect(window.kth()).toBe(recent[4]);
      }
    }
  });
});
