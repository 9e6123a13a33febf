import { describe, expect, it } from 'vitest';
import { ForecastInputError, forecastSeries } from '../../../lambdas/engine/forecast/forecast.js';
import { DAY, FIVE_MINUTES, mae, syntheticSeries } from './synthetic.js';

/** Splits a series into visible history and the hidden tail. */
function holdout(series: { timestamps: number[]; values: number[] }, hidden: number) {
  const cut = series.values.length - hidden;
  return {
    history: { timestamps: series.timestamps.slice(0, cut), values: series.values.slice(0, cut) },
    future: series.values.slice(cut),
  };
}

function seasonalNaive(history: number[], period: number, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, i) => history[history.length - period + (i % period)]);
}

describe('forecastSeries on 5-minute metrics', () => {
  const series = syntheticSeries({ points: 14 * 288, stepMs: FIVE_MINUTES, seed: 11, level: 50, daily: 20, noise: 4, spikeRate: 0.01, spikeSize: 60 });
  const { history, future } = holdout(series, 288);
  const result = forecastSeries(history, 288);

  it('continues the input grid for the requested horizon', () => {
    expect(result.stepMs).toBe(FIVE_MINUTES);
    expect(result.timestamps).toHaveLength(288);
    expect(result.timestamps[0]).toBe(history.timestamps.at(-1)! + FIVE_MINUTES);
    expect(result.timestamps[287] - result.timestamps[0]).toBe(287 * FIVE_MINUTES);
    expect(result.seasonPeriods).toEqual([288]);
  });

  it('beats seasonal naive by at least 15 % on a noisy daily cycle with spikes', () => {
    const naive = seasonalNaive(history.values, 288, 288);
    expect(mae(future, result.forecast) / mae(future, naive)).toBeLessThan(0.85);
  });

  it('covers roughly 80 % of the hidden day with its 80 % interval', () => {
    const inside = future.filter((value, i) => value >= result.lower80[i] && value <= result.upper80[i]).length / future.length;
    expect(inside).toBeGreaterThan(0.7);
    expect(inside).toBeLessThan(0.92);
    result.forecast.forEach((value, i) => {
      expect(result.lower80[i]).toBeLessThanOrEqual(value);
      expect(result.upper80[i]).toBeGreaterThanOrEqual(value);
    });
  });

  it('gives a short horizon the same forecast and interval as the start of a longer one', () => {
    const short = forecastSeries(history, 3);
    expect(short.forecast).toEqual(result.forecast.slice(0, 3));
    expect(short.lower80).toEqual(result.lower80.slice(0, 3));
    expect(short.upper80).toEqual(result.upper80.slice(0, 3));
  });

  it('is deterministic', () => {
    expect(forecastSeries(history, 288)).toEqual(result);
  });

  it('copes with shuffled rows, repeated timestamps and missing values', () => {
    const messy = { timestamps: [...history.timestamps], values: [...history.values] as (number | null)[] };
    for (let i = 100; i < 130; i++) messy.values[i] = null;
    messy.timestamps.push(messy.timestamps[500]);
    messy.values.push(messy.values[500]);
    const order = messy.timestamps.map((_, i) => i).reverse();
    const shuffled = { timestamps: order.map((i) => messy.timestamps[i]), values: order.map((i) => messy.values[i]) };
    const messyResult = forecastSeries(shuffled, 288);
    expect(messyResult.timestamps).toEqual(result.timestamps);
    expect(mae(future, messyResult.forecast)).toBeLessThan(1.1 * mae(future, result.forecast));
  });
});

describe('forecastSeries with a weekly season in 5-minute data', () => {
  it('forecasts a Monday from last Monday, not from the Sunday before it', () => {
    // 29 days from a Monday: the hidden last day is a Monday, the day before it a Sunday.
    const series = syntheticSeries({ points: 29 * 288, stepMs: FIVE_MINUTES, seed: 21, level: 40, daily: 10, weekday: 30, noise: 2 });
    const { history, future } = holdout(series, 288);
    const result = forecastSeries(history, 288);
    expect(result.seasonPeriods).toEqual([288, 2016]);
    expect(mae(future, result.forecast) / mae(future, seasonalNaive(history.values, 288, 288))).toBeLessThan(0.3);
  });
});

describe('forecastSeries on daily cost', () => {
  const costs = syntheticSeries({ points: 90 + 30, stepMs: DAY, seed: 5, level: 200, weekday: 60, trend: 1.5, noise: 5 });
  const { history, future } = holdout(costs, 30);

  it('finds the weekly season and follows the growth over 30 days', () => {
    const result = forecastSeries(history, 30);
    expect(result.seasonPeriods).toEqual([7]);
    expect(result.stepMs).toBe(DAY);
    expect(mae(future, result.forecast) / mae(future, seasonalNaive(history.values, 7, 30))).toBeLessThan(0.85);
  });

  it('forecasts 90 days with intervals that widen with lead time', () => {
    const result = forecastSeries(history, 90);
    expect(result.forecast).toHaveLength(90);
    const width = (i: number) => result.upper80[i] - result.lower80[i];
    expect(width(89)).toBeGreaterThan(width(0));
  });
});

describe('forecastSeries edge cases', () => {
  it('never forecasts below zero for a series that never went below zero', () => {
    const decaying = { timestamps: Array.from({ length: 60 }, (_, i) => i * 60_000), values: Array.from({ length: 60 }, (_, i) => Math.max(0, 30 - i)) };
    const result = forecastSeries(decaying, 20);
    expect(Math.min(...result.lower80, ...result.forecast)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the forecast inside its interval even when every backtest error has the same sign', () => {
    // Exponential growth: every candidate under-forecasts, so all backtest residuals are positive.
    const growth = { timestamps: Array.from({ length: 200 }, (_, i) => i * 3_600_000), values: Array.from({ length: 200 }, (_, i) => 1.03 ** i) };
    const result = forecastSeries(growth, 24);
    result.forecast.forEach((value, i) => {
      expect(result.lower80[i]).toBeLessThanOrEqual(value);
      expect(result.upper80[i]).toBeGreaterThan(value);
    });
  });

  it('forecasts a series without any season', () => {
    const flat = syntheticSeries({ points: 40, stepMs: 3_600_000, seed: 3, level: 10, noise: 1 });
    const result = forecastSeries(flat, 5);
    expect(result.seasonPeriods).toEqual([]);
    expect(Math.abs(result.forecast[0] - 10)).toBeLessThan(2);
  });

  it('rejects a bad horizon, too few observations and inconsistent input with typed errors', () => {
    const tiny = { timestamps: [0, 1, 2], values: [1, 2, 3] };
    expect(() => forecastSeries(tiny, 0)).toThrow(/horizon must be a positive integer/);
    expect(() => forecastSeries(tiny, 3)).toThrow(ForecastInputError);
    expect(() => forecastSeries({ timestamps: [0, 1], values: [1] }, 3)).toThrow(/same length/);
    expect(() => forecastSeries(tiny, 3, { level: 2 })).toThrow();
  });
});
