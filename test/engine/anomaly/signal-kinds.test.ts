import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../lambdas/engine/anomaly/detect.js';
import { gaussianSeries, seededNoise, toPoints } from './synthetic.js';

/**
 * One synthetic series per kind of signal the product scans (no metric names: the detector sees only timestamps
 * and values). Each kind is checked both ways: its normal behaviour stays quiet, and an incident of that kind alerts.
 */
const alertRows = (values: readonly (number | null)[], stepMs = 300_000) =>
  detectAnomalies(toPoints(values, stepMs)).flatMap((d, i) => (d.alert ? [i] : []));
const DAY = 288; // 5-minute observations per day
const daily = (i: number, period = DAY) => Math.sin((2 * Math.PI * i) / period);

/** Poisson draws by inversion (means up to a few hundred). */
function poisson(mean: number, uniform: () => number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  const u = uniform();
  while (u > cumulative && k < 10 * mean + 50) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

describe('signal kinds', () => {
  it('request counts (Poisson, daily cycle): quiet on ordinary traffic, alerts on a surge', () => {
    const uniform = seededNoise(21);
    const counts = Array.from({ length: 14 * DAY }, (_, i) => poisson(60 + 30 * daily(i), uniform));
    expect(alertRows(counts).length).toBeLessThanOrEqual(1);
    const surge = counts.map((x, i) => (i >= 12 * DAY && i < 12 * DAY + 6 ? x * 3 : x));
    expect(alertRows(surge).some((i) => i >= 12 * DAY && i < 12 * DAY + 6)).toBe(true);
  });

  it('bounded percentages (CPU): quiet on a busy daily cycle near the bound, alerts when it saturates for hours', () => {
    const noise = gaussianSeries(14 * DAY, 22);
    const cpu = noise.map((x, i) => Math.min(100, Math.max(0, 55 + 25 * daily(i) + 3 * x)));
    expect(alertRows(cpu).length).toBeLessThanOrEqual(1);
    const saturated = cpu.map((x, i) => (i >= 11 * DAY + 30 && i < 11 * DAY + 60 ? 100 : x));
    const alerts = alertRows(saturated);
    expect(alerts.some((i) => i >= 11 * DAY + 30 && i < 11 * DAY + 60)).toBe(true);
    expect(alerts.filter((i) => i >= 11 * DAY + 30 && i < 11 * DAY + 60)).toHaveLength(1); // one incident, one alert
  });

  it('heavy-tailed latency (log-normal): quiet on its usual slow requests, alerts on a sustained slowdown', () => {
    const noise = gaussianSeries(14 * DAY, 23);
    const latency = noise.map((x) => 120 * Math.exp(0.45 * x));
    expect(alertRows(latency).length).toBeLessThanOrEqual(2);
    const slow = latency.map((x, i) => (i >= 10 * DAY && i < 10 * DAY + 24 ? x * 6 : x));
    expect(alertRows(slow).some((i) => i >= 10 * DAY && i < 10 * DAY + 24)).toBe(true);
  });

  it('mostly-zero error counts: an error now and then is not news, a burst after quiet is', () => {
    const uniform = seededNoise(24);
    const errors = Array.from({ length: 14 * DAY }, () => (uniform() < 1 / 12 ? 1 : 0)); // about one per hour
    expect(alertRows(errors).length).toBeLessThanOrEqual(1);
    const burst = errors.map((x, i) => (i >= 9 * DAY && i < 9 * DAY + 4 ? 25 : x));
    const alerts = alertRows(burst);
    expect(alerts.some((i) => i >= 9 * DAY && i < 9 * DAY + 4)).toBe(true);
    expect(alerts.filter((i) => i >= 9 * DAY + 4).length).toBeLessThanOrEqual(1);
  });

  it('step-like configuration (few distinct values): a new level is one alert, not one per observation', () => {
    const capacity = Array.from({ length: 14 * DAY }, (_, i) => (i < 8 * DAY ? 2 : 4));
    expect(alertRows(capacity)).toEqual([8 * DAY]);
    const flapping = Array.from({ length: 14 * DAY }, (_, i) => (Math.floor(i / 50) % 2 === 0 ? 2 : 3));
    expect(alertRows(flapping).length).toBeLessThanOrEqual(1);
  });

  it('daily cost (weekly pattern): quiet on weekends, alerts on a spend spike after a few weeks of history', () => {
    const noise = gaussianSeries(90, 25);
    const cost = noise.map((x, i) => (i % 7 === 5 || i % 7 === 6 ? 60 : 100) + 2 * x);
    expect(alertRows(cost, 86_400_000)).toEqual([]);
    const spike = cost.map((x, i) => (i === 35 ? x * 1.8 : x));
    expect(alertRows(spike, 86_400_000)).toEqual([35]);
  });
});
