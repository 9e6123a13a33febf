import { selectInPlace } from '../stats/select-in-place.js';
import { sortInPlace } from '../stats/sort-in-place.js';
import type { CalibrationResiduals } from './calibration-residuals.js';
import { leadBuckets } from './lead-buckets.js';
import { quantileBySelection, quantileFromEnd } from './sorted-quantiles.js';

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
  const ownLow = new Float64Array(span);
  const ownHigh = new Float64Array(span);
  for (const [from, to] of leadBuckets(residuals, span, origins)) {
    let count = 0;
    for (let k = 0; k < origins; k++) for (let i = from; i < to; i++) if (!Number.isNaN(residuals[k * span + i])) pool[count++] = residuals[k * span + i];
    if (count < 2) continue;
    const tails = bucketTails(pool, count, to - from, 1 - upperQ);
    lower.fill(quantileFromEnd(tails.low, ownLow.subarray(0, 0), count, lowerQ), from, to);
    upper.fill(quantileFromEnd(tails.high, ownHigh.subarray(0, 0), count, upperQ), from, to);
    for (let k = 0; k < origins; k++) {
      let ownCount = 0;
      let lowCount = 0;
      let highCount = 0;
      for (let i = from; i < to; i++) {
        const r = residuals[k * span + i];
        if (Number.isNaN(r)) continue;
        ownCount++;
        if (tails.whole || r < tails.lowEdge) ownLow[lowCount++] = r;
        else if (r > tails.highEdge) ownHigh[highCount++] = r;
      }
      if (ownCount === 0 || count - ownCount < 2) continue;
      // A whole-sorted bucket needs all of the origin's values removed from both ends: one sorted copy serves both.
      const ownBelow = sortInPlace(ownLow, lowCount).subarray(0, lowCount);
      const ownAbove = tails.whole ? ownBelow : sortInPlace(ownHigh, highCount).subarray(0, highCount);
      const lo = quantileFromEnd(tails.low, ownBelow, count - ownCount, lowerQ);
      const hi = quantileFromEnd(tails.high, ownAbove, count - ownCount, upperQ);
      for (let i = from; i < to; i++) {
        const r = residuals[k * span + i];
        if (!Number.isNaN(r)) needed[k * span + i] = wideningToCover(r, lo, hi);
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

interface BucketTails {
  /** The smallest and the largest values of the bucket, each ascending (the same array when `whole`). */
  low: Float64Array;
  high: Float64Array;
  /** Values below lowEdge are all in `low`, values above highEdge all in `high`. */
  lowEdge: number;
  highEdge: number;
  whole: boolean;
}

/**
 * The two tails of `pool[0..count)` that any of the bucket's quantiles, with or without one origin's
 * `width` residuals, can be read from: tail share · count + width + 3 values each (the held-out origin
 * can remove up to `width` of them), found by selection and sorted on their own. A bucket too small to
 * split is sorted whole.
 */
function bucketTails(pool: Float64Array, count: number, width: number, tailShare: number): BucketTails {
  const size = Math.ceil(tailShare * count) + width + 3;
  if (2 * size >= count) {
    const whole = sortInPlace(pool.slice(0, count));
    return { low: whole, high: whole, lowEdge: Number.POSITIVE_INFINITY, highEdge: Number.NEGATIVE_INFINITY, whole: true };
  }
  selectInPlace(pool, count - size, count);
  const high = sortInPlace(pool.slice(count - size, count));
  selectInPlace(pool, size - 1, count - size);
  const low = sortInPlace(pool.slice(0, size));
  return { low, high, lowEdge: low[size - 1], highEdge: high[0], whole: false };
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
