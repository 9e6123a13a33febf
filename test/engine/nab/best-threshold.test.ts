import { describe, expect, it } from 'vitest';
import { bestThreshold } from '../../../lambdas/engine/nab/best-threshold.js';
import { scoreAtThreshold } from '../../../lambdas/engine/nab/file-score.js';
import { STANDARD_PROFILE } from '../../../lambdas/engine/nab/profile.js';
import { sweepScores } from '../../../lambdas/engine/nab/sweep.js';

const ts = Array.from({ length: 100 }, (_, i) => i);

describe('bestThreshold', () => {
  it('finds the threshold maximising the score summed over files, matching a brute-force check', () => {
    const fileA = ts.map((i) => (i === 42 ? 0.9 : i === 30 ? 0.8 : i === 60 ? 0.5 : 0.1));
    const fileB = ts.map((i) => (i === 75 ? 0.7 : i === 20 ? 0.95 : 0.2));
    const swept = [
      sweepScores(ts, fileA, [{ startIndex: 40, endIndex: 49 }], STANDARD_PROFILE),
      sweepScores(ts, fileB, [{ startIndex: 70, endIndex: 79 }], STANDARD_PROFILE),
    ];
    const brute = [1.1, 0.95, 0.9, 0.8, 0.7, 0.5, 0.2, 0.1].map((threshold) => ({
      threshold,
      score: swept.reduce((sum, rows) => sum + scoreAtThreshold(rows, threshold, STANDARD_PROFILE).score, 0),
    }));
    const expected = brute.reduce((best, row) => (row.score > best.score + 1e-12 ? row : best));
    const found = bestThreshold(swept, STANDARD_PROFILE);
    expect(found.threshold).toBe(expected.threshold);
    expect(found.threshold).toBe(0.7);
    expect(found.score).toBeCloseTo(expected.score, 12);
  });

  it('never alerts (threshold 1.1) when every detection would be a false positive', () => {
    const scores = ts.map((i) => (i === 20 ? 1 : 0));
    const found = bestThreshold([sweepScores(ts, scores, [{ startIndex: 70, endIndex: 79 }], STANDARD_PROFILE)], STANDARD_PROFILE);
    expect(found).toEqual({ threshold: 1.1, score: -1 });
  });
});
