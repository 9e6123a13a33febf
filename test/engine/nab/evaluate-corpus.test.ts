import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../../lambdas/engine/nab/evaluate-corpus.js';

const ts = Array.from({ length: 100 }, (_, i) => i * 300_000);
const file = (category: string, alertRows: number[], windows: [number, number][]) => ({
  key: `${category}/f${alertRows.join('_')}.csv`,
  category,
  timestamps: ts,
  anomalyScores: ts.map((_, i) => (alertRows.includes(i) ? 0.9 : 0)),
  alerts: ts.map((_, i) => alertRows.includes(i)),
  windows: windows.map(([a, b]) => [ts[a], ts[b]] as const),
});

describe('evaluateCorpus', () => {
  it('sums raw scores over files before normalising, per category and overall', () => {
    const report = evaluateCorpus([
      file('a', [40], [[40, 49]]), // +1
      file('a', [], [[40, 49]]), // -1
      file('b', [20], []), // -0.11, no window
    ]);
    expect(report.files.map((f) => f.normalised)).toEqual([100, 0, NaN]);
    expect(report.categories.find((c) => c.category === 'a')?.normalised).toBeCloseTo(50, 10);
    expect(report.overall.score.score).toBeCloseTo(-0.11, 6);
    expect(report.overall.normalised).toBeCloseTo((100 * (-0.11 + 2)) / 4, 5);
    expect(report.overall.score).toMatchObject({ truePositiveWindows: 1, missedWindows: 1, falsePositives: 1, windows: 2 });
  });

  it('reports the best single threshold on anomaly_score', () => {
    const report = evaluateCorpus([file('a', [40], [[40, 49]])]);
    expect(report.best).toEqual({ threshold: 0.9, rawScore: expect.closeTo(1, 12), normalised: expect.closeTo(100, 10) });
  });
});
