import { describe, expect, it } from 'vitest';
import { findSeries, windowSeries } from '../../../../lambdas/engine/rules/support/series-window.js';
import type { MetricSeries } from '../../../../lambdas/engine/types/snapshot.js';

const DAY = 86_400_000;
const now = 10 * DAY;
function s(timestamps: number[], values: number[], stat = 'Average'): MetricSeries {
  return { resourceArn: 'a', namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat, periodSec: 86_400, timestamps, values };
}

describe('windowSeries', () => {
  it('keeps the points in (now − lookback, now], drops non-finite values and measures coverage and days', () => {
    const w = windowSeries(s([0, 5 * DAY, 6 * DAY, 7 * DAY, 11 * DAY], [1, 2, Number.NaN, 4, 5]), now, 5);
    expect(w.timestamps).toEqual([7 * DAY]);
    expect(w.values).toEqual([4]);
    expect(w.coverage).toBeCloseTo(1 / 5, 6);
    expect(w.daysObserved).toBe(1);
  });

  it('returns the series arrays themselves when every point is in the window', () => {
    const series = s([6 * DAY, 7 * DAY, 8 * DAY], [1, 2, 3]);
    const w = windowSeries(series, now, 5);
    expect(w.values).toBe(series.values);
    expect(w.daysObserved).toBe(3);
  });

  it('sorts an out-of-order series before windowing', () => {
    const w = windowSeries(s([8 * DAY, 6 * DAY, 7 * DAY], [3, 1, 2]), now, 5);
    expect(w.values).toEqual([1, 2, 3]);
  });
});

describe('findSeries', () => {
  it('prefers the stats in order, then falls back to any stat of the metric', () => {
    const all = [s([], [], 'Maximum'), s([], [], 'Average')];
    expect(findSeries(all, 'CPUUtilization', ['Average'])?.stat).toBe('Average');
    expect(findSeries(all, 'CPUUtilization', ['p99'])?.stat).toBe('Maximum');
    expect(findSeries(all, 'NetworkIn')).toBeUndefined();
  });
});
