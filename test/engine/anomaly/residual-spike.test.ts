import { describe, expect, it } from 'vitest';
import { ResidualSpike, medianOfFive } from '../../../lambdas/engine/anomaly/residual-spike.js';
import { gaussianSeries } from './synthetic.js';

const scores = (values: number[], tailCount = 20) => {
  const spike = new ResidualSpike(tailCount, 2000, 0.8);
  return values.map((value) => spike.next(value));
};

describe('ResidualSpike', () => {
  it('scores a jump far beyond the usual largest residuals, and not ordinary noise', () => {
    const values = gaussianSeries(3000, 3).map((x) => 10 + x);
    values[2500] += 15;
    const result = scores(values);
    expect(result[2500]).toBe(1);
    expect(result.filter((score, i) => score >= 0.5 && i !== 2500)).toEqual([]);
  });

  it('does not alert on spikes the series makes routinely (more often than the tail count)', () => {
    // A spike every 50 observations: 40 per 2000, twice the tail count of 20.
    const values = gaussianSeries(3000, 4).map((x, i) => 10 + x + (i % 50 === 0 ? 15 : 0));
    const late = scores(values).slice(1500);
    expect(late.every((score) => score < 0.5)).toBe(true);
  });

  it('follows a level shift: only the first few residuals are large, later noise is ordinary', () => {
    const values = gaussianSeries(3000, 5).map((x, i) => 10 + x + (i >= 1500 ? 50 : 0));
    const result = scores(values);
    expect(result[1500]).toBe(1);
    expect(result.slice(1510).every((score) => score < 0.5)).toBe(true);
  });

  it('needs a larger excess while its history is young (same tail probability)', () => {
    // After 100 residuals of a 2000-observation memory, the 20th-largest becomes the 1st: the maximum.
    const values = gaussianSeries(106, 6).map((x) => 10 + x);
    const spike = new ResidualSpike(20, 2000, 0.8);
    values.slice(0, 105).forEach((value) => spike.next(value));
    expect(spike.next(10 + 2.5)).toBe(0); // within the largest residuals seen so far
  });

  it('is scale-free: multiplying the series by 1000 leaves the scores unchanged', () => {
    const values = gaussianSeries(2500, 8).map((x, i) => 10 + x + (i === 2000 ? 9 : 0));
    const scaled = values.map((x) => x * 1000);
    expect(scores(scaled)).toEqual(scores(values));
  });
});

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
