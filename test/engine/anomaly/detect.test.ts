import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DEFAULT_SENSITIVITY, detectAlerts, detectAnomalies } from '../../../lambdas/engine/anomaly/detect.js';
import { gaussianSeries, toPoints } from './synthetic.js';

const alertRows = (detections: { alert: boolean }[]) => detections.flatMap((d, i) => (d.alert ? [i] : []));

function expectWellFormed(detections: { score: number; alert: boolean }[], length: number): void {
  expect(detections).toHaveLength(length);
  for (const { score, alert } of detections) {
    expect(Number.isFinite(score)).toBe(true);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(typeof alert).toBe('boolean');
  }
}

describe('detectAnomalies', () => {
  const noise = gaussianSeries(3000, 7).map((x) => 50 + x);

  it('alerts on a clear spike after the warm-up, at the spike', () => {
    const values = noise.slice();
    values[1500] += 12;
    const withSpike = alertRows(detectAnomalies(toPoints(values)));
    const without = alertRows(detectAnomalies(toPoints(noise)));
    expect(without).not.toContain(1500);
    expect(withSpike).toContain(1500);
    expect(withSpike.filter((i) => i > 1500 && i < 1600)).toEqual([]); // one alert per incident
  });

  it('alerts once, promptly, on a level shift', () => {
    const values = noise.map((x, i) => (i >= 2000 ? x + 4 : x));
    const alerts = alertRows(detectAnomalies(toPoints(values)));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toBeGreaterThanOrEqual(2000);
    expect(alerts[0]).toBeLessThan(2020);
  });

  it('stays quiet on stationary noise', () => {
    for (const seed of [1, 2, 3]) {
      const values = gaussianSeries(4032, seed).map((x) => 10 + x);
      expect(alertRows(detectAnomalies(toPoints(values))).length).toBeLessThanOrEqual(1);
    }
  });

  it('does not alert on a daily spike it has seen yesterday at the same time', () => {
    const values = noise.map((x, i) => (i % 288 === 100 ? x + 30 + (i / 288) * 0.5 : x));
    const alerts = alertRows(detectAnomalies(toPoints(values)));
    // The first spikes are new; from the third day on they are seen-before (at most one late alert for drift).
    expect(alerts.filter((i) => i > 3 * 288).length).toBeLessThanOrEqual(1);
  });

  it('alerts on a spike that stays inside the range but is far beyond the usual jumps of the series', () => {
    // A daily cycle sets a wide range; a jump of 4 at the trough stays inside it but is ~13 noise spreads.
    const values = gaussianSeries(4032, 9).map((x, i) => 20 + 10 * Math.sin((2 * Math.PI * i) / 288) + 0.3 * x);
    values[3000 + 216 - (3000 % 288)] += 4;
    const spikeAt = 3000 + 216 - (3000 % 288);
    const alerts = alertRows(detectAnomalies(toPoints(values)));
    expect(alerts).toEqual([spikeAt]);
  });

  it('alerts once when a signal stops for longer than its usual idle periods, even if idle values are common', () => {
    // A disk that writes in bursts every 100 minutes (idle = exactly 0 in between), then stops for a day.
    const values = Array.from({ length: 4032 }, (_, i) => (i < 3000 && i % 20 < 3 ? 50 + (i % 7) : 0));
    const alerts = alertRows(detectAnomalies(toPoints(values)));
    // Longest idle run before the stop: 17 zeros; the stop starts at 2983 (after the last burst).
    expect(alerts.filter((i) => i > 2980)).toEqual([2983 + 18]);
  });

  it('is causal: truncating the input leaves every earlier result unchanged', () => {
    const values = noise.map((x, i) => (i === 1200 ? x + 20 : i >= 2200 ? x + 5 : x));
    const full = detectAnomalies(toPoints(values));
    for (const cut of [150, 1201, 2210, 2999]) {
      expect(detectAnomalies(toPoints(values.slice(0, cut)))).toEqual(full.slice(0, cut));
    }
  });

  it('gives null and non-finite values score 0 and no alert, and skips them', () => {
    const values: (number | null)[] = noise.slice(0, 600);
    values[300] = null;
    values[301] = Number.NaN;
    values[302] = Number.POSITIVE_INFINITY;
    const detections = detectAnomalies(toPoints(values));
    expectWellFormed(detections, 600);
    expect(detections.slice(300, 303)).toEqual([{ score: 0, alert: false }, { score: 0, alert: false }, { score: 0, alert: false }]);
    const withoutGaps = detectAnomalies(toPoints(noise.slice(0, 600)).filter((_, i) => i < 300 || i > 302));
    expect(detections.slice(303)).toEqual(withoutGaps.slice(300));
  });

  it('copes with a constant series, then alerts when it finally moves', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 800 ? 5 : 6));
    const detections = detectAnomalies(toPoints(values));
    expectWellFormed(detections, 1000);
    expect(alertRows(detections)).toEqual([800]);
  });

  it('copes with irregular steps, gaps and repeated timestamps', () => {
    const points = toPoints(noise.slice(0, 800)).map((p, i) => ({
      value: p.value,
      timestamp: i < 400 ? p.timestamp + (i % 3) * 60_000 : p.timestamp + 86_400_000, // a one-day gap at row 400
    }));
    points[500].timestamp = points[499].timestamp; // a repeated timestamp
    expectWellFormed(detectAnomalies(points), 800);
  });

  it('handles empty input, all-null input and huge values', () => {
    expect(detectAnomalies([])).toEqual([]);
    expectWellFormed(detectAnomalies(toPoints(Array(300).fill(null))), 300);
    expectWellFormed(detectAnomalies(toPoints(noise.slice(0, 500).map((x, i) => (i === 400 ? 1e300 : x * 1e290)))), 500);
    // Values near ±Number.MAX_VALUE overflow differences; the output must still be finite.
    expectWellFormed(detectAnomalies(toPoints(Array.from({ length: 300 }, (_, i) => (i % 2 ? 1.7e308 : -1.7e308)))), 300);
    expectWellFormed(detectAnomalies(toPoints(noise.slice(0, 300).map((x, i) => (i === 200 ? 1.7e308 : i === 201 ? -1.7e308 : x)))), 300);
  });

  it('works on daily cost series as on 5-minute metrics (step-agnostic)', () => {
    const costs = gaussianSeries(400, 11).map((x, i) => 100 + 3 * x + (i === 300 ? 60 : 0));
    expect(alertRows(detectAnomalies(toPoints(costs, 86_400_000)))).toEqual([300]);
  });

  it('caps warm-up and refractory in time, so a young daily series alerts on two incidents weeks apart', () => {
    const costs = gaussianSeries(120, 5).map((x, i) => 100 + 3 * x + (i === 40 ? 80 : i === 60 ? 200 : 0));
    expect(alertRows(detectAnomalies(toPoints(costs, 86_400_000)))).toEqual([40, 60]);
  });

  it('alerts more at a higher sensitivity and rejects one outside [0, 1]', () => {
    const values = noise.map((x, i) => (i >= 2000 ? x + 1.5 : x));
    const low = alertRows(detectAnomalies(toPoints(values), { sensitivity: 0.1 })).length;
    const high = alertRows(detectAnomalies(toPoints(values), { sensitivity: 0.9 })).length;
    expect(high).toBeGreaterThan(low);
    expect(DEFAULT_SENSITIVITY).toBeGreaterThan(0);
    expect(() => detectAnomalies([], { sensitivity: 1.5 })).toThrow(ZodError);
  });
});

describe('detectAlerts', () => {
  it('finds exactly the alerts and scores detectAnomalies reports, from the two arrays, gaps included', () => {
    const values: (number | null)[] = gaussianSeries(3000, 11).map((x, i) => (i === 1500 ? 90 : i >= 2200 && i < 2300 ? 70 + x : 50 + x));
    values[700] = null;
    values[701] = Number.NaN;
    const points = toPoints(values);
    for (const sensitivity of [0.2, DEFAULT_SENSITIVITY, 0.9]) {
      const perPoint = detectAnomalies(points, { sensitivity }).flatMap((d, index) => (d.alert ? [{ index, score: d.score }] : []));
      const fast = detectAlerts(points.map((p) => p.timestamp), points.map((p) => p.value), { sensitivity });
      expect(fast).toEqual(perPoint);
      if (sensitivity === DEFAULT_SENSITIVITY) expect(fast.map((a) => a.index)).toContain(1500);
    }
    expect(detectAlerts([], [])).toEqual([]);
  });

  it('finds nothing in a series of one repeated value, with gaps, as the per-point scores say', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i % 500 === 7 ? null : 0));
    const points = toPoints(values);
    for (const sensitivity of [DEFAULT_SENSITIVITY, 1]) {
      expect(detectAnomalies(points, { sensitivity }).every((d) => d.score === 0 && !d.alert)).toBe(true);
      expect(detectAlerts(points.map((p) => p.timestamp), values, { sensitivity })).toEqual([]);
    }
  });

  it('refuses arrays of different lengths', () => {
    expect(() => detectAlerts([1, 2], [1])).toThrow(RangeError);
  });
});
