import { describe, expect, it } from 'vitest';
import { detectAnomalies, type DetectOptions } from '../../../lambdas/engine/anomaly/detect.js';
import { inferSignalKind, kindOfMetric } from '../../../lambdas/engine/anomaly/signal-kind.js';
import { gaussianSeries, seededNoise, toPoints } from './synthetic.js';

/**
 * One synthetic series per kind of signal the product scans (no metric names: the detector sees only timestamps
 * and values). Each kind is checked both ways: its normal behaviour stays quiet, and an incident of that kind alerts.
 */
const alertRows = (values: readonly (number | null)[], stepMs = 300_000, options: DetectOptions = {}) =>
  detectAnomalies(toPoints(values, stepMs), options).flatMap((d, i) => (d.alert ? [i] : []));
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

describe('explicit kinds', () => {
  it('error counts (a hint): a long quiet is good news and so is a drop, while a burst still alerts', () => {
    const uniform = seededNoise(26);
    const sporadic = Array.from({ length: 14 * DAY }, (_, i) => (i < 10 * DAY && uniform() < 1 / 6 ? 1 + Math.floor(3 * uniform()) : 0));
    const stopped = alertRows(sporadic).filter((i) => i >= 10 * DAY);
    expect(stopped.length).toBeGreaterThan(0); // unhinted: a stopped signal (it could be a disk that writes in bursts)
    expect(alertRows(sporadic, 300_000, { kind: 'error-count' }).filter((i) => i >= 10 * DAY)).toEqual([]);
    const steady = Array.from({ length: 14 * DAY }, () => poisson(8, uniform));
    const drop = steady.map((x, i) => (i >= 10 * DAY && i < 10 * DAY + 36 ? 0 : x));
    expect(alertRows(drop).some((i) => i >= 10 * DAY && i < 10 * DAY + 36)).toBe(true);
    expect(alertRows(drop, 300_000, { kind: 'error-count' }).filter((i) => i >= 10 * DAY && i < 10 * DAY + 36)).toEqual([]);
    const burst = steady.map((x, i) => (i >= 11 * DAY && i < 11 * DAY + 3 ? 60 : x));
    expect(alertRows(burst, 300_000, { kind: 'error-count' }).some((i) => i >= 11 * DAY && i < 11 * DAY + 3)).toBe(true);
  });

  it('step-like metrics (inferred from the warm-up): a level held longer than ever before is not a stuck signal', () => {
    // Desired count: changes a few times a day at first, then holds for a week.
    const desired = Array.from({ length: 14 * DAY }, (_, i) => (i < 7 * DAY ? 2 + (Math.floor(i / 100) % 3) : 3));
    expect(inferSignalKind(Float64Array.from(desired), DAY)).toBe('step');
    expect(alertRows(desired).filter((i) => i > 7 * DAY + 1)).toEqual([]);
    expect(alertRows(desired, 300_000, { kind: 'count' }).filter((i) => i > 7 * DAY + 1).length).toBeGreaterThan(0);
  });

  it('reads the kind from a CloudWatch metric name and unit, and leaves it to the values when they say nothing', () => {
    expect(kindOfMetric('CPUUtilization', 'Percent')).toBe('percent');
    expect(kindOfMetric('TargetResponseTime', 'Seconds')).toBe('latency');
    expect(kindOfMetric('Duration', 'Milliseconds')).toBe('latency');
    expect(kindOfMetric('Errors', 'Count')).toBe('error-count');
    expect(kindOfMetric('HTTPCode_Target_5XX_Count', 'Count')).toBe('error-count');
    expect(kindOfMetric('ThrottledRequests', 'Count')).toBe('error-count');
    expect(kindOfMetric('RequestCount', 'Count')).toBe('count');
    expect(kindOfMetric('NetworkIn', 'Bytes')).toBe('count');
    expect(kindOfMetric('ConsumedReadCapacityUnits', 'Count/Second')).toBe('count');
    expect(kindOfMetric('ProvisionedReadCapacityUnits', 'None')).toBeUndefined();
    expect(kindOfMetric('Anything', undefined)).toBeUndefined();
    expect(inferSignalKind(Float64Array.from([1, 2, 3, 4]), 4)).toBeUndefined();
  });
});
