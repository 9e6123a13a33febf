import type { CalibrationResiduals } from './calibration-residuals.js';
import { leadBuckets } from './lead-buckets.js';
import { quantileBySelection } from './quantile-by-selection.js';

/** Offsets added to the point forecast at each lead 0…span−1 to get the prediction interval. */
export interface ConformalOffsets {
  lower: Float64Array;
  upper: Float64Array;
  /** The widening λ the leave-one-origin-out check asked for (1 = the plain residual quantiles). */
  widening: number;
  /** Effective number of independent residuals behind λ (see effectiveSampleSize). */
  effectiveResiduals: number;
}

/**
 * Split-conformal interval per horizon step, checked origin by origin:
 * 1. Leads are grouped into buckets 1, 2, 3–4, 5–8, … (leadBuckets); bucket b's offsets are the
 *    type-7 quantiles lo_b = Q((1 − level)/2), hi_b = Q((1 + level)/2) of its residuals over all origins,
 *    so early leads (level just seen) get narrower intervals than late ones, and skew is kept.
 * 2. Residuals of one origin share that day's level error, so pooled quantiles flatter the interval: each
 *    origin k is held out in turn, the quantiles recomputed without it (lo_b^−k, hi_b^−k), and each of its
 *    residuals r asks for the widening λ = r / hi_b^−k (r > 0) or r / lo_b^−k (r < 0) that would just cover it.
 * 3. λ* is the q*-quantile of all those λ, with the split-conformal finite-sample level
 *    q* = min((1 + level)/2, level·(1 + 1/n_eff)) (⌈(n+1)·level⌉/n for n exchangeable scores), n_eff the
 *    residual count discounted for within-origin correlation (effectiveSampleSize).
 * 4. Offsets are λ*·lo_b and λ*·hi_b.
 * Nothing here is fitted to any data set: the level is the only input. With fewer than two observed
 * residuals the offsets are 0 (the interval is the point forecast).
 */
export function conformalOffsets(calibration: CalibrationResiduals, level: number): ConformalOffsets {
  const { span, origins, residuals } = calibration;
  const lowerQ = (1 - level) / 2;
  const upperQ = (1 + level) / 2;
  const lower = new Float64Array(span);
  const upper = new Float64Array(span);
  const needed = new Float64Array(residuals.length).fill(Number.NaN);
  const pool = new Float64Array(residuals.length);
  for (const [from, to] of leadBuckets(residuals, span, origins)) {
    const count = gatherBucket(residuals, span, origins, from, to, -1, pool);
    if (count < 2) continue;
    lower.fill(quantileBySelection(pool, count, lowerQ), from, to);
    upper.fill(quantileBySelection(pool, count, upperQ), from, to);
    for (let held = 0; held < origins; held++) {
      const rest = gatherBucket(residuals, span, origins, from, to, held, pool);
      if (rest === count || rest < 2) continue;
      const lo = quantileBySelection(pool, rest, lowerQ);
      const hi = quantileBySelection(pool, rest, upperQ);
      for (let i = from; i < to; i++) {
        const r = residuals[held * span + i];
        if (!Number.isNaN(r)) needed[held * span + i] = wideningToCover(r, lo, hi);
      }
    }
  }
  let scoreCount = 0;
  for (const value of needed) if (!Number.isNaN(value)) pool[scoreCount++] = value;
  if (scoreCount === 0) return { lower, upper, widening: 1, effectiveResiduals: 0 };
  const effectiveResiduals = effectiveSampleSize(needed, span, origins, quantileBySelection(pool, scoreCount, level));
  const conformalLevel = Math.min(upperQ, level * (1 + 1 / effectiveResiduals));
  let widening = quantileBySelection(pool, scoreCount, conformalLevel);
  // More than 1 − q* of the residuals lay on the side where the held-out offsets had the wrong sign:
  // take the widest finite widening rather than an infinite interval.
  if (!Number.isFinite(widening)) widening = largestFinite(pool, scoreCount);
  for (let i = 0; i < span; i++) {
    lower[i] *= widening;
    upper[i] *= widening;
  }
  return { lower, upper, widening, effectiveResiduals };
}

/** Copies the observed residuals of leads [from, to) of every origin but `skip` into `out`; returns how many. */
function gatherBucket(residuals: Float64Array, span: number, origins: number, from: number, to: number, skip: number, out: Float64Array): number {
  let count = 0;
  for (let k = 0; k < origins; k++) {
    if (k === skip) continue;
    for (let i = k * span + from; i < k * span + to; i++) if (!Number.isNaN(residuals[i])) out[count++] = residuals[i];
  }
  return count;
}

/** Smallest λ ≥ 0 with λ·lo ≤ r ≤ λ·hi; ∞ when no λ does (r on the side where the offset has the wrong sign). */
function wideningToCover(r: number, lo: number, hi: number): number {
  if (r === 0) return 0;
  if (r > 0) return hi > 0 ? r / hi : Number.POSITIVE_INFINITY;
  return lo < 0 ? r / lo : Number.POSITIVE_INFINITY;
}

/**
 * Kish's effective sample size of N correlated scores in C origins of about w̄ = N/C each:
 * n_eff = N / (1 + (w̄ − 1)·ρ), with ρ the intra-origin correlation of the coverage indicators
 * 1[λ_{k,i} ≤ λ₀], estimated by one-way ANOVA: ρ = (V − p̄(1 − p̄)/w̄) / (p̄(1 − p̄)(1 − 1/w̄)), clamped to
 * [0, 1], where p̄ is the overall covered share and V the count-weighted variance of the origins' shares
 * around it. ρ = 0 (independent residuals) gives N; ρ = 1 (whole origins covered or missed together) gives C.
 */
export function effectiveSampleSize(scores: Float64Array, span: number, origins: number, threshold: number): number {
  let total = 0;
  let covered = 0;
  const shares: { count: number; share: number }[] = [];
  for (let k = 0; k < origins; k++) {
    let count = 0;
    let inside = 0;
    for (let i = 0; i < span; i++) {
      const score = scores[k * span + i];
      if (Number.isNaN(score)) continue;
      count++;
      if (score <= threshold) inside++;
    }
    if (count === 0) continue;
    shares.push({ count, share: inside / count });
    total += count;
    covered += inside;
  }
  const p = covered / total;
  const meanCount = total / shares.length;
  const binomial = p * (1 - p);
  if (!(binomial > 0) || meanCount <= 1) return total;
  const between = shares.reduce((sum, { count, share }) => sum + count * (share - p) ** 2, 0) / total;
  const rho = Math.min(1, Math.max(0, (between - binomial / meanCount) / (binomial * (1 - 1 / meanCount))));
  return total / (1 + (meanCount - 1) * rho);
}

function largestFinite(values: Float64Array, length: number): number {
  let largest = 1;
  for (let index = 0; index < length; index++) if (Number.isFinite(values[index]) && values[index] > largest) largest = values[index];
  return largest;
}
