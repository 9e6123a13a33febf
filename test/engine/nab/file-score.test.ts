import { describe, expect, it } from 'vitest';
import { scoreAtThreshold } from '../../../lambdas/engine/nab/file-score.js';
import { STANDARD_PROFILE } from '../../../lambdas/engine/nab/profile.js';
import { sweepScores } from '../../../lambdas/engine/nab/sweep.js';

const ts = Array.from({ length: 100 }, (_, i) => i);
const windows = [{ startIndex: 40, endIndex: 49 }, { startIndex: 70, endIndex: 79 }];
const score = (alertRows: number[]) => {
  const scores = ts.map((i) => (alertRows.includes(i) ? 1 : 0));
  return scoreAtThreshold(sweepScores(ts, scores, windows, STANDARD_PROFILE), 1, STANDARD_PROFILE);
};

describe('scoreAtThreshold', () => {
  it('scores -1 per window when nothing alerts', () => {
    expect(score([])).toMatchObject({ score: -2, missedWindows: 2, truePositiveWindows: 0, falsePositives: 0, windows: 2 });
    expect(score([75]).missedWindowIds).toEqual([0]);
  });

  it('scores +1 per window for a detection on each first row', () => {
    expect(score([40, 70]).score).toBeCloseTo(2, 12);
  });

  it('counts only the earliest detection in a window', () => {
    expect(score([40, 41, 45, 70]).score).toBeCloseTo(2, 12);
  });

  it('charges -0.11 for a detection before any window and ignores probationary rows', () => {
    expect(score([5, 20, 40, 70]).score).toBeCloseTo(2 - 0.11, 6);
    expect(score([5, 20, 40, 70]).falsePositives).toBe(1);
    expect(score([5, 20, 40, 70]).falsePositiveRows).toEqual([20]);
  });

  it('a late detection is worth less than an early one but more than a miss', () => {
    const late = score([49, 70]).score;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(score([45, 70]).score);
  });
});

describe('scoreAtThreshold on a hand-computed file (numenta/NAB sweeper.py semantics)', () => {
  // 100 rows, probation 15 rows, one window rows 40..49 (W = 10). Detections at rows 20, 45 and 60.
  const rows = sweepScores(ts, ts.map((i) => ([20, 45, 60].includes(i) ? 1 : 0)), [{ startIndex: 40, endIndex: 49 }], STANDARD_PROFILE);
  const sigma = (y: number) => 2 / (1 + Math.exp(5 * y)) - 1;

  it('sums the window reward, the full cost before the window and the discounted cost after it', () => {
    const truePositive = sigma(-(49 - 45 + 1) / 10) / sigma(-1); // 0.8598…
    const beforeAnyWindow = -0.11; // exactly, NAB: unweightedScore = -1.0 with no previous window
    const afterWindow = 0.11 * sigma((60 - 49) / (10 - 1)); // distance in (W − 1) rows after the window's end
    const result = scoreAtThreshold(rows, 1, STANDARD_PROFILE);
    expect(result.score).toBeCloseTo(truePositive + beforeAnyWindow + afterWindow, 12);
    expect(result).toMatchObject({ truePositiveWindows: 1, missedWindows: 0, falsePositives: 2, falsePositiveRows: [20, 60] });
  });
});
