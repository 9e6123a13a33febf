import type { PointModel } from './models/model.js';

/** Forecasts of every model from every backtest origin, next to what really happened. */
export interface Backtest {
  /** Forecast length from each origin, in slots. */
  horizon: number;
  /** Origins (history lengths), latest first. */
  origins: number[];
  /** predictions[m][o·horizon + i]: model m's forecast i+1 steps after origin o. */
  predictions: Float64Array[];
  /** actuals[o·horizon + i]: the value that followed. */
  actuals: Float64Array;
}

/**
 * Rolling-origin evaluation inside the history (nothing after the last observation is touched):
 * origins n − h_b, n − 2h_b, … n − B·h_b, each model forecasting h_b slots from each
 * (see backtestHorizon). Every model must satisfy `minLength ≤ n − B·h_b` (the caller filters).
 */
export function runBacktest(history: Float64Array, models: readonly PointModel[], backtestHorizon: number, origins: number): Backtest {
  const length = history.length;
  const originList = Array.from({ length: origins }, (_, index) => length - (index + 1) * backtestHorizon);
  const actuals = new Float64Array(origins * backtestHorizon);
  originList.forEach((origin, o) => actuals.set(history.subarray(origin, origin + backtestHorizon), o * backtestHorizon));
  const predictions = models.map(() => new Float64Array(origins * backtestHorizon));
  // Origins outermost: models sharing a profile estimator then fit it once per origin, not once per model.
  originList.forEach((origin, o) => {
    models.forEach((model, m) => model.predict(history, origin, backtestHorizon, predictions[m].subarray(o * backtestHorizon)));
  });
  return { horizon: backtestHorizon, origins: originList, predictions, actuals };
}

/** Mean absolute error of one prediction vector: (1/N)·Σ|actual − prediction|. */
export function meanAbsoluteError(actuals: Float64Array, predictions: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < actuals.length; index++) sum += Math.abs(actuals[index] - predictions[index]);
  return sum / actuals.length;
}

/** Fewest backtested leads per origin when the series has no season to set the span. */
const MIN_BACKTEST_SPAN = 24;

/**
 * Leads backtested from each origin: h_b = min(max(H, p), ⌊n/(B+1)⌋) for horizon H, shortest season
 * p (24 slots without one), history n and B origins. At least a season even for short horizons,
 * so model choice sees a whole cycle and the interval quantiles rest on B·p residuals rather
 * than B·H (8 residuals for H = 2 would give a useless 80 % interval); at most what B origins
 * leave of the history.
 */
export function backtestHorizon(horizon: number, shortestPeriod: number | undefined, length: number, origins: number): number {
  const wanted = Math.max(horizon, shortestPeriod ?? MIN_BACKTEST_SPAN);
  return Math.max(1, Math.min(wanted, Math.floor(length / (origins + 1))));
}
