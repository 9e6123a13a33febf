import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../lambdas/engine/forecast/backtest.js';
import { calibrationResiduals } from '../../../lambdas/engine/forecast/calibration-residuals.js';
import { seasonalNaive } from '../../../lambdas/engine/forecast/models/seasonal-naive.js';

describe('calibrationResiduals', () => {
  it('goes back past the backtest origins as far as the members can be fitted, marking gaps NaN', () => {
    const history = Float64Array.from({ length: 20 }, (_, i) => i);
    const observed = new Uint8Array(20).fill(1);
    observed[11] = 0;
    const models = [seasonalNaive(1), seasonalNaive(2)];
    const backtest = runBacktest(history, models, 3, 2);
    const ensemble = backtest.predictions[0];
    const calibration = calibrationResiduals(history, observed, models, [1, 0], backtest, ensemble);
    // Origins 17, 14, 11, 8, 5, 2 (naive needs one slot of history): each forecast repeats the value before it.
    expect(calibration.origins).toBe(6);
    expect(calibration.span).toBe(3);
    const expected = [1, 2, 3, 1, 2, 3, Number.NaN, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3];
    expect(Array.from(calibration.residuals)).toEqual(expected);
  });
});
