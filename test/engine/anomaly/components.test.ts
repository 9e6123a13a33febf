import { describe, expect, it } from 'vitest';
import { AnomalyLikelihood } from '../../../lambdas/engine/anomaly/anomaly-likelihood.js';
import { logGaussianTail } from '../../../lambdas/engine/anomaly/gaussian-tail.js';
import { rangeBreakouts } from '../../../lambdas/engine/anomaly/range-break.js';
import { RobustBaseline } from '../../../lambdas/engine/anomaly/robust-baseline.js';
import { SeasonalHistory } from '../../../lambdas/engine/anomaly/seasonal-history.js';
import { seededNoise } from './synthetic.js';

describe('logGaussianTail', () => {
  it('matches known normal tail probabilities, far into the tail', () => {
    expect(Math.exp(logGaussianTail(0))).toBeCloseTo(0.5, 6);
    expect(Math.exp(logGaussianTail(1.6448536))).toBeCloseTo(0.05, 6);
    expect(Math.exp(logGaussianTail(-1.6448536))).toBeCloseTo(0.95, 6);
    expect(logGaussianTail(6) / Math.log(9.8658765e-10)).toBeCloseTo(1, 6);
    expect(Number.isFinite(logGaussianTail(50))).toBe(true);
  });
});

describe('rangeBreakouts', () => {
  const breakouts = (values: number[], memory: number, margin = 0) => {
    const out = new Float64Array(values.length);
    rangeBreakouts(Float64Array.from(values), memory, new Float64Array(values.length).fill(margin), out);
    return Array.from(out);
  };

  it('measures how far each value leaves the range of the values before it, in range widths', () => {
    const out = breakouts([10, 20, 15, 18, 25, 5, 16, 12], 3);
    expect(out[0]).toBe(0); // no range yet
    expect(out[1]).toBe(Number.POSITIVE_INFINITY); // a range of one value, left
    expect(out[3]).toBe(0); // 18 inside [10, 20]
    expect(out[4]).toBeCloseTo(1, 12); // 25 above the range [15, 20] of 20, 15, 18: (25 − 20) / 5
    expect(out[5]).toBeCloseTo(1, 12); // 5 below [15, 25]: (15 − 5) / 10; the 10 and 20 are out of memory
    expect(breakouts([10, 20, 15, 25], 3, 5)[3]).toBe(0); // within the margin
  });

  it('matches a brute-force scan of the previous `memory` values at every position', () => {
    const random = seededNoise(3);
    for (const memory of [1, 2, 7, 64]) {
      const values = Array.from({ length: 500 }, () => Math.floor(random() * 20));
      const out = breakouts(values, memory);
      for (let i = 1; i < values.length; i++) {
        const window = values.slice(Math.max(0, i - memory), i);
        const max = Math.max(...window);
        const min = Math.min(...window);
        const x = values[i];
        const outside = x > max ? x - max : x < min ? min - x : 0;
        expect(out[i]).toBe(outside === 0 ? 0 : max > min ? outside / (max - min) : Number.POSITIVE_INFINITY);
      }
    }
  });
});

describe('RobustBaseline', () => {
  it('tracks level and mean absolute deviation, and never divides by zero', () => {
    const baseline = new RobustBaseline(100);
    expect(baseline.deviation(5)).toBe(0);
    for (let i = 0; i < 200; i++) baseline.update(i % 2 === 0 ? 9 : 11);
    expect(baseline.currentSpread).toBeGreaterThan(0.9);
    expect(baseline.deviation(10)).toBeLessThan(0.2);
    expect(baseline.deviation(20)).toBeGreaterThan(8);
    const flat = new RobustBaseline(10);
    for (let i = 0; i < 20; i++) flat.update(0);
    expect(Number.isFinite(flat.deviation(1))).toBe(true);
  });
});

describe('AnomalyLikelihood', () => {
  it('scores ordinary surprises low and a sustained rise in surprise high', () => {
    const random = seededNoise(5);
    const likelihood = new AnomalyLikelihood(1000, 8);
    let ordinary = 0;
    for (let i = 0; i < 2000; i++) {
      const score = likelihood.next(0.2 + 0.1 * random());
      if (i > 100) ordinary = Math.max(ordinary, score); // after the history settles
    }
    let raised = 0;
    for (let i = 0; i < 10; i++) raised = Math.max(raised, likelihood.next(0.8));
    expect(ordinary).toBeLessThan(0.5);
    expect(raised).toBeGreaterThan(0.9);
  });
});

describe('SeasonalHistory', () => {
  it('knows the range of values seen one period ago, within the bucket radius', () => {
    const hour = 3_600_000;
    const season = new SeasonalHistory(26 * hour, hour, 1);
    expect(season.rangeAt(0, 24 * hour)).toBe(false);
    for (let h = 0; h < 27; h++) season.add(h * hour, h === 3 ? 100 : 1);
    expect(season.rangeAt(27 * hour, 24 * hour)).toBe(true); // 02:00–04:00 yesterday: 1, 100, 1
    expect([season.low, season.high]).toEqual([1, 100]);
    season.rangeAt(30 * hour, 24 * hour); // 05:00–07:00: the 03:00 value is out of the window now
    expect([season.low, season.high]).toEqual([1, 1]);
  });

  it('keeps a bucket per time slot in a fixed ring, however long the series', () => {
    const season = new SeasonalHistory(1000, 10, 0);
    for (let t = 0; t < 100_000; t++) season.add(t, t % 1000 === 500 ? 50 : 0);
    expect(season.rangeAt(100_500, 1000)).toBe(true);
    expect(season.high).toBe(50);
    season.rangeAt(100_200, 1000);
    expect(season.high).toBe(0);
    expect(season.rangeAt(100_500, 5000)).toBe(false); // older than the retention
  });

  it('answers from its cache exactly as from a scan, and forgets the cache when a value arrives out of order', () => {
    const minute = 60_000;
    const random = seededNoise(11);
    const cached = new SeasonalHistory(25 * 60 * minute, 20 * minute, 3, 1);
    const scanned = new SeasonalHistory(25 * 60 * minute, 20 * minute, 3);
    const day = 24 * 60 * minute;
    for (let t = 0; t < 3 * day; t += 5 * minute) {
      const value = random();
      cached.add(t, value);
      scanned.add(t, value);
      expect(cached.rangeAt(t, day, 0)).toBe(scanned.rangeAt(t, day));
      expect([cached.low, cached.high]).toEqual([scanned.low, scanned.high]);
    }
    const now = 3 * day;
    cached.rangeAt(now, day, 0);
    cached.add(now - day, 1000); // late: lands in the range just read
    scanned.add(now - day, 1000);
    cached.rangeAt(now, day, 0);
    scanned.rangeAt(now, day);
    expect(cached.high).toBe(1000);
    expect(scanned.high).toBe(1000);
  });
});
