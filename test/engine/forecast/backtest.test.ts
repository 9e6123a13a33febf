import { describe, expect, it } from 'vitest';
import { backtestHorizon, meanAbsoluteError, runBacktest } from '../../../lambdas/engine/forecast/backtest.js';
import { seasonalNaive } from '../../../lambdas/engine/forecast/models/seasonal-naive.js';

describe('backtestHorizon', () => {
  it('backtests at least a season even for a short horizon', () => {
    expect(backtestHorizon(2, 288, 4032, 4)).toBe(288);
  });
  it('backtests the full horizon when it is longer than a season and the history allows', () => {
    expect(backtestHorizon(30, 7, 90, 4)).toBe(18);
    expect(backtestHorizon(12, 7, 200, 4)).toBe(12);
    expect(backtestHorizon(3, undefined, 1000, 4)).toBe(24);
  });
});

describe('runBacktest', () => {
  it('forecasts from origins inside the history and lines up what followed', () => {
    const history = Float64Array.from({ length: 12 }, (_, i) => i);
    const backtest = runBacktest(history, [seasonalNaive(1)], 2, 3);
    expect(backtest.origins).toEqual([10, 8, 6]);
    expect(Array.from(backtest.actuals)).toEqual([10, 11, 8, 9, 6, 7]);
    expect(Array.from(backtest.predictions[0])).toEqual([9, 9, 7, 7, 5, 5]);
    expect(meanAbsoluteError(backtest.actuals, backtest.predictions[0])).toBe(1.5);
  });
});
