import type { Backtest } from './backtest.js';
import type { PointModel } from './models/model.js';

/** Most rolling origins the interval is calibrated on: four weeks of daily origins. */
export const MAX_CALIBRATION_ORIGINS = 28;
/**
 * Most calibration residuals (origins × span): three days of 5-minute slots, what the model-choice
 * backtest already computes for a 5-minute day, so a 5-minute series pays for no extra forecasts while
 * short spans (hourly: 24 slots) still get MAX_CALIBRATION_ORIGINS. Held-out origins keep three days
 * honest (conformalOffsets); more 5-minute origins did not move the measured coverage (docs/forecasting.md).
 */
export const MAX_CALIBRATION_SLOTS = 864;

/** The ensemble's out-of-sample errors, origin by origin. */
export interface CalibrationResiduals {
  /** Forecast length from each origin (the backtest horizon). */
  span: number;
  origins: number;
  /** residuals[k·span + i] = y[o_k + i] − ŷ_k[i] for origin o_k = n − (k+1)·span; NaN where y was a filled gap. */
  residuals: Float64Array;
}

/**
 * Residuals of the weighted ensemble from origins n − span, n − 2·span, … as far back as its members
 * can be fitted (minLength), at most MAX_CALIBRATION_ORIGINS and at least the backtest's own origins,
 * whose ensemble forecasts are reused. Each forecast sees only the history before its origin, so every
 * residual is out of sample. Slots that were gaps (observed[t] = 0) get NaN: a filled value is our own
 * interpolation, and scoring the forecast against it would make the interval look tighter than it is.
 */
export function calibrationResiduals(
  history: Float64Array,
  observed: Uint8Array,
  models: readonly PointModel[],
  weights: readonly number[],
  backtest: Backtest,
  backtestEnsemble: Float64Array,
): CalibrationResiduals {
  const span = backtest.horizon;
  const length = history.length;
  const members = models.flatMap((model, m) => (weights[m] > 0 ? [{ model, weight: weights[m] }] : []));
  const minLength = Math.max(1, ...members.map(({ model }) => model.minLength));
  const reused = backtest.origins.length;
  const origins = Math.max(reused, Math.min(MAX_CALIBRATION_ORIGINS, Math.floor(MAX_CALIBRATION_SLOTS / span), Math.floor((length - minLength) / span)));
  const residuals = new Float64Array(origins * span);
  residuals.set(backtestEnsemble.subarray(0, reused * span));
  const memberForecast = new Float64Array(span);
  for (let k = reused; k < origins; k++) {
    const forecast = residuals.subarray(k * span, (k + 1) * span);
    for (const { model, weight } of members) {
      model.predict(history, length - (k + 1) * span, span, memberForecast);
      for (let i = 0; i < span; i++) forecast[i] += weight * memberForecast[i];
    }
  }
  for (let k = 0; k < origins; k++) {
    const origin = length - (k + 1) * span;
    for (let i = 0; i < span; i++) {
      const index = k * span + i;
      residuals[index] = observed[origin + i] === 1 ? history[origin + i] - residuals[index] : Number.NaN;
    }
  }
  return { span, origins, residuals };
}
