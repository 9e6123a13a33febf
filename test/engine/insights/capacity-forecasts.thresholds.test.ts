import { describe, expect, it } from 'vitest';
import { forecastCapacity } from '../../../lambdas/engine/insights/capacity-forecasts.js';
import { cpuSeries, instance } from './cpu-series.js';

// The CPU threshold (80 %) and the horizon (14 days) at their edges, with literal values (a change fails here).
// cpuSeries: a level rising `slope` points a day from `start`, ± 8 daily cycle; the forecast carries the trend on.
const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);
const web = instance('edge-1');
const forecast = (start: number, slope: number) =>
  forecastCapacity([{ resource: web, series: [cpuSeries(web, NOW, { level: (day) => start + slope * day })] }], { now: NOW, lookbackDays: 14 });

describe('capacity forecast thresholds', () => {
  it('forecasts the crossing of 80 % CPU: hourly peak 77 % now, rising 0.5 a day, crosses in about 6 days', () => {
    const [capacity] = forecast(62, 0.5);
    expect(capacity.facts.threshold).toBe(80);
    expect(capacity.facts.historyPeakHourlyMean).toBeCloseTo(77, 0);
    expect(capacity.facts.daysToCrossing).toBeGreaterThanOrEqual(5.5);
    expect(capacity.facts.daysToCrossing).toBeLessThanOrEqual(7);
  });

  it('flags nothing when the history already reached the threshold or the forecast stays under it', () => {
    expect(forecast(66, 0.5)).toEqual([]); // hourly peak ≥ 80 % already
    expect(forecast(60, 0)).toEqual([]); // flat: peaks near 69 %
  });

  it('looks 14 days ahead: a crossing in about 13 days is flagged, one in about 14.2 days is not', () => {
    const [inside] = forecast(58.5, 0.5);
    expect(inside.facts.daysToCrossing).toBeGreaterThan(12);
    expect(inside.facts.daysToCrossing).toBeLessThan(14);
    expect(forecast(58, 0.5)).toEqual([]);
  });
});
