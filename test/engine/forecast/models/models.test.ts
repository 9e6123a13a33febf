import { describe, expect, it } from 'vitest';
import { recentMedian } from '../../../../lambdas/engine/forecast/models/recent-median.js';
import { seasonalNaive } from '../../../../lambdas/engine/forecast/models/seasonal-naive.js';
import { ProfileEstimator } from '../../../../lambdas/engine/forecast/models/profile-estimator.js';
import { seasonalProfile } from '../../../../lambdas/engine/forecast/models/seasonal-profile.js';

function predict(model: ReturnType<typeof seasonalNaive>, history: number[], horizon: number, length = history.length): number[] {
  const out = new Float64Array(horizon);
  model.predict(Float64Array.from(history), length, horizon, out);
  return Array.from(out);
}

describe('seasonalNaive', () => {
  it('repeats the last season', () => {
    expect(predict(seasonalNaive(3), [9, 9, 9, 1, 2, 3], 5)).toEqual([1, 2, 3, 1, 2]);
  });
  it('forecasts from the given prefix only, never from later slots', () => {
    expect(predict(seasonalNaive(2), [1, 2, 3, 4, 100, 100], 2, 4)).toEqual([3, 4]);
  });
});

describe('recentMedian', () => {
  it('forecasts the median of the window, ignoring a spike', () => {
    expect(predict(recentMedian(5), [50, 1, 2, 1000, 3, 2], 3)).toEqual([2, 2, 2]);
  });
});

describe('seasonalProfile', () => {
  const period = 24;
  const shape = (j: number) => 10 * Math.sin((2 * Math.PI * j) / period);

  it('recovers the season and follows a level shift in the last season', () => {
    const history: number[] = [];
    for (let t = 0; t < 7 * period; t++) history.push((t < 6 * period ? 100 : 130) + shape(t % period));
    history[3 * period + 5] += 500; // a spike in an older season must not bend the profile
    const forecast = predict(seasonalProfile({ estimator: new ProfileEstimator(period, 7), levelWindow: 6 }), history, period);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(130 + shape(i), 6));
  });

  it('extends a linear trend, damped', () => {
    const history = Array.from({ length: 8 * period }, (_, t) => 0.5 * t + shape(t % period));
    const damped = predict(seasonalProfile({ estimator: new ProfileEstimator(period, 7), levelWindow: 6, trendDamping: 0.98 }), history, 2 * period);
    const flat = predict(seasonalProfile({ estimator: new ProfileEstimator(period, 7), levelWindow: 6 }), history, 2 * period);
    const next = history.length;
    expect(Math.abs(damped[0] - (0.5 * next + shape(0)))).toBeLessThan(Math.abs(flat[0] - (0.5 * next + shape(0))));
    expect(damped[2 * period - 1]).toBeGreaterThan(damped[period - 1]);
    // Damping: the trend adds less than the undamped 0.5/step over the second season.
    expect(damped[2 * period - 1] - damped[period - 1]).toBeLessThan(0.5 * period);
  });
});

describe('seasonalProfile with an undamped trend', () => {
  it('continues a straight line exactly', () => {
    const period = 24;
    const history = Array.from({ length: 8 * period }, (_, t) => 3 + 0.25 * t);
    const forecast = predict(seasonalProfile({ estimator: new ProfileEstimator(period, 7), levelWindow: 6, trendDamping: 1 }), history, 30);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(3 + 0.25 * (history.length + i), 9));
  });
});
