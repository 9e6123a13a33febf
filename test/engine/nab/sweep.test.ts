import { describe, expect, it } from 'vitest';
import { STANDARD_PROFILE, probationaryLength } from '../../../lambdas/engine/nab/profile.js';
import { scaledSigmoid } from '../../../lambdas/engine/nab/scaled-sigmoid.js';
import { NabWindowError, sweepScores, windowsToRows } from '../../../lambdas/engine/nab/sweep.js';

const times = (n: number) => Array.from({ length: n }, (_, i) => i * 300_000);

describe('probationaryLength', () => {
  it('is 15 % of the rows, at most 750', () => {
    expect(probationaryLength(100)).toBe(15);
    expect(probationaryLength(4032)).toBe(604);
    expect(probationaryLength(10_000)).toBe(750);
  });
});

describe('windowsToRows', () => {
  it('maps window limits to the first row with that timestamp', () => {
    expect(windowsToRows([0, 1, 1, 2, 3], [[1, 3]])).toEqual([{ startIndex: 1, endIndex: 4 }]);
  });

  it('rejects a limit that matches no row', () => {
    expect(() => windowsToRows([0, 1, 2], [[1, 5]])).toThrow(NabWindowError);
  });
});

describe('sweepScores', () => {
  const ts = times(100);
  const rows = sweepScores(ts, ts.map(() => 0), [{ startIndex: 40, endIndex: 49 }], STANDARD_PROFILE);

  it('marks the first 15 % of rows probationary', () => {
    expect(rows[14].window).toBe('probationary');
    expect(rows[15].window).toBeNull();
  });

  it('worth 1 at the first row of a window, falling through it', () => {
    expect(rows[40].window).toBe(0);
    expect(rows[40].sweepScore).toBeCloseTo(1, 12);
    expect(rows[49].sweepScore).toBeCloseTo(scaledSigmoid(-0.1) / scaledSigmoid(-1), 12);
    expect(rows[45].sweepScore).toBeLessThan(rows[44].sweepScore);
  });

  it('charges exactly the full false-positive weight before any window, as NAB does (not σ(3))', () => {
    // numenta/NAB nab/sweeper.py: `if prevWindowRightIndex is None: unweightedScore = -1.0`.
    expect(rows[20].sweepScore).toBe(-0.11);
    expect(rows[20].sweepScore).not.toBe(0.11 * scaledSigmoid(3));
  });

  it('charges less just after a window, by distance in window widths', () => {
    // 5 rows after the end of a 10-row window: position 5 / (10 - 1).
    expect(rows[54].sweepScore).toBeCloseTo(0.11 * scaledSigmoid(5 / 9), 12);
    expect(rows[54].sweepScore).toBeGreaterThan(rows[90].sweepScore);
    expect(rows[90].sweepScore).toBe(-0.11); // more than 3 widths after: exactly -1 · fpWeight
  });
});
