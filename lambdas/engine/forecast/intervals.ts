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
 * `residuals[o·horizon + i]` is the error i+1 steps after origin o; NaN (an unobserved slot) is skipped.
 * Returns ½ when the horizon is too short (< 4) to tell.
 */
export function growthExponent(residuals: Float64Array, horizon: number): number {
  if (horizon < 4) return 0.5;
  const half = horizon >> 1;
  let early = 0;
  let earlyCount = 0;
  let late = 0;
  let lateCount = 0;
  for (let index = 0; index < residuals.length; index++) {
    const error = Math.abs(residuals[index]);
    if (Number.isNaN(error)) continue;
    if (index % horizon < half) {
      early += error;
      earlyCount++;
    } else {
      late += error;
      lateCount++;
    }
  }
  early /= earlyCount;
  late /= lateCount;
  if (!(early > 0) || !(late > 0)) return 0.5;
  return Math.min(1, Math.max(0.5, Math.log(late / early) / Math.log(3)));
}
