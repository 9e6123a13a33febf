/**
 * Non-overlapping blocks of a metric's per-period values, the unit of every validation test (docs/safe-apply.md):
 * CloudWatch series are autocorrelated, so single periods are not independent observations but blocks of several
 * periods nearly are. Block length L = max(1, ⌊n_after / TARGET_AFTER_BLOCKS⌋), the same for the baseline; what
 * dependence is left between neighbouring blocks is measured by the lag-1 autocorrelation of the baseline's block
 * statistics and corrected for (variance × (1 + r) / (1 − r), r ≥ 0, the AR(1) variance inflation of a mean).
 */

/** After-windows are cut into this many blocks (fewer when shorter than that many periods). */
export const TARGET_AFTER_BLOCKS = 6;

export function blockLength(afterLength: number): number {
  return Math.max(1, Math.floor(afterLength / TARGET_AFTER_BLOCKS));
}

/** Consecutive blocks of `length` values; a trailing partial block of less than half a block is dropped. */
export function blocks<T>(values: readonly T[], length: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += length) {
    const block = values.slice(start, start + length);
    if (block.length * 2 >= length) result.push(block);
  }
  return result;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Lag-1 autocorrelation r₁ = Σ(xₜ − x̄)(xₜ₊₁ − x̄) / Σ(xₜ − x̄)², clamped to [0, 0.9] (negative r would shrink the variance). */
export function lagOneAutocorrelation(values: readonly number[]): number {
  if (values.length < 3) return 0;
  const m = mean(values);
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < values.length; t += 1) {
    denominator += (values[t] - m) ** 2;
    if (t + 1 < values.length) numerator += (values[t] - m) * (values[t + 1] - m);
  }
  if (denominator === 0) return 0;
  return Math.min(0.9, Math.max(0, numerator / denominator));
}

/** (1 + r) / (1 − r): how much the variance of a mean of AR(1) values exceeds that of independent ones. */
export function varianceInflation(r: number): number {
  return (1 + r) / (1 - r);
}
