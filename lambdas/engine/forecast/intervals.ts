import { selectInPlace } from '../stats/select-in-place.js';

/** Offsets added to a point forecast to get its prediction interval. */
export interface IntervalOffsets {
  lower: number;
  upper: number;
  /** Forecast length over which the offsets were measured; beyond it they widen. */
  measuredHorizon: number;
  /** Growth exponent α of the offsets beyond measuredHorizon (see growthExponent). */
  growth: number;
}

/**
 * Empirical (split-conformal style) interval from backtest residuals r = actual − forecast:
 * lower = Q_r((1 − level)/2), upper = Q_r((1 + level)/2), type-7 quantiles over all residuals of
 * all origins. No distributional assumption: skew (metrics bounded at 0, spikes upward) shows up
 * as asymmetric offsets.
 */
export function residualIntervalOffsets(actuals: Float64Array, predictions: Float64Array, level: number, measuredHorizon: number): IntervalOffsets {
  const residuals = new Float64Array(actuals.length);
  for (let index = 0; index < actuals.length; index++) residuals[index] = actuals[index] - predictions[index];
  return {
    lower: quantileBySelection(residuals, (1 - level) / 2),
    upper: quantileBySelection(residuals, (1 + level) / 2),
    measuredHorizon,
    growth: growthExponent(actuals, predictions, measuredHorizon),
  };
}

/** Type-7 quantile (see quantileSorted) from two selections instead of a full sort: O(n) expected. */
function quantileBySelection(values: Float64Array, q: number): number {
  const h = (values.length - 1) * q;
  const lower = Math.floor(h);
  const below = selectInPlace(values, lower);
  if (lower + 1 >= values.length || h === lower) return below;
  // After selecting rank `lower`, everything to its right is ≥ it: rank lower+1 is their minimum.
  let above = values[lower + 1];
  for (let index = lower + 2; index < values.length; index++) if (values[index] < above) above = values[index];
  return below + (h - lower) * (above - below);
}

/**
 * Widening for steps beyond the backtested horizon h_b: offsets scale by (max(1, (i+1)/h_b))^α.
 * α = ½ is the random-walk growth of error with lead time, α = 1 the linear growth of a trend
 * error; growthExponent measures which one the backtest shows.
 */
export function intervalScale(step: number, measuredHorizon: number, exponent = 0.5): number {
  return Math.max(1, (step + 1) / measuredHorizon) ** exponent;
}

/**
 * How fast backtest errors grow with lead time, as the exponent α in |error| ∝ lead^α:
 * with E₁ the mean |residual| over the first half of the backtest horizon (mean lead ≈ h_b/4) and
 * E₂ over the second half (≈ 3h_b/4), α = ln(E₂/E₁)/ln 3, clamped to [½, 1] so a noisy estimate
 * can neither shrink intervals below random-walk growth nor widen them faster than a trend error.
 * Returns ½ when the horizon is too short (< 4) to tell.
 */
export function growthExponent(actuals: Float64Array, predictions: Float64Array, horizon: number): number {
  if (horizon < 4) return 0.5;
  const half = horizon >> 1;
  let early = 0;
  let late = 0;
  for (let index = 0; index < actuals.length; index++) {
    const error = Math.abs(actuals[index] - predictions[index]);
    if (index % horizon < half) early += error;
    else late += error;
  }
  early /= half;
  late /= horizon - half;
  if (!(early > 0) || !(late > 0)) return 0.5;
  return Math.min(1, Math.max(0.5, Math.log(late / early) / Math.log(3)));
}
