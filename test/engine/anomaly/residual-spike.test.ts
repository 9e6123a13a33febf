import { describe, expect, it } from 'vitest';
import { ResidualSpike, medianOfFive } from '../../../lambdas/engine/anomaly/residual-spike.js';
import { gaussianSeries } from './synthetic.js';

/** α = 1/8640: one false alarm per 30 days of 5-minute data. */
const LOG_ALPHA = Math.log(1 / 8640);
const scores = (values: number[]) => {
  const spike = new ResidualSpike(2000, 20, 30, LOG_ALPHA);
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

  it('needs a larger jump when the series jumps heavy-tailed than when its noise is light-tailed', () => {
    // The same jump, 12 units from the local level, after Gaussian noise and after noise with occasional bursts.
    const light = gaussianSeries(3000, 6).map((x) => 50 + x);
    const bursts = gaussianSeries(3000, 6).map((x, i) => 50 + x + (i % 97 === 0 ? 4 + (i % 7) * 1.5 : 0));
    light[2900] += 12;
    bursts[2900] += 12;
    expect(scores(light)[2900]).toBeGreaterThanOrEqual(0.5);
    expect(scores(bursts)[2900]).toBeLessThan(0.5);
  });

  it('is scale-free: multiplying the series by 1000 leaves the scores unchanged', () => {
    const values = gaussianSeries(2500, 8).map((x, i) => 10 + x + (i === 2000 ? 9 : 0));
    const scaled = values.map((x) => x * 1000);
    expect(scores(scaled).map((s) => s.toFixed(9))).toEqual(scores(values).map((s) => s.toFixed(9)));
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
