import { describe, expect, it } from 'vitest';
import { formatSummary, summarise } from '../../../scripts/eval-forecast/summary.js';

describe('summarise', () => {
  it('takes the geometric mean of finite ratios and pools coverage over observations', () => {
    const summary = summarise([
      { ratio: 0.5, covered: 8, scored: 10 },
      { ratio: 2, covered: 0, scored: 10 },
      { ratio: Number.POSITIVE_INFINITY, covered: 20, scored: 20 },
    ]);
    expect(summary.geometricMeanRatio).toBeCloseTo(1, 12);
    expect(summary.excluded).toBe(1);
    expect(summary.medianRatio).toBe(2);
    expect(summary.coverage).toBeCloseTo(28 / 40, 12);
  });

  it('marks figures outside their targets', () => {
    const line = formatSummary('x', summarise([{ ratio: 0.9, covered: 9, scored: 10 }]));
    expect(line).toContain('0.900!');
    expect(line).toContain('90.0%!');
    expect(formatSummary('x', summarise([{ ratio: 0.8, covered: 8, scored: 10 }]))).not.toContain('!');
  });
});
