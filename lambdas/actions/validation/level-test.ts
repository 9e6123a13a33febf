import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { blockLength, blocks, lagOneAutocorrelation, mean, median, sampleVariance, varianceInflation } from './block-statistics.js';
import type { Verdict } from './verdict.js';

/**
 * Did a level metric (a latency quantile, CPU, queue length, ingestion) get worse? The block test:
 *  1. cut both windows into blocks of L periods (block-statistics.ts) and take each block's median (robust to spikes);
 *  2. Welch's t on the block medians, one-sided in the worse direction, with both variances inflated by the AR(1)
 *     factor of the baseline's block medians: t = (m̄ₐ − m̄_b) / √(φ(sₐ²/kₐ + s_b²/k_b)), Welch–Satterthwaite df;
 *  3. a regression needs p < α AND a practical effect: |m̄ₐ − m̄_b| ≥ max(minAbsoluteEffect, minRelativeEffect × |m̄_b|).
 * Fewer than MIN_AFTER_VALUES after-values or MIN_BLOCKS blocks on a side: `insufficient-data` (the bake is extended).
 */
export const MIN_AFTER_VALUES = 10;
export const MIN_BLOCKS = 4;
export const DEFAULT_ALPHA = 0.01;

export interface EffectCriteria {
  worseWhen: 'higher' | 'lower';
  minRelativeEffect: number;
  minAbsoluteEffect: number;
  alpha?: number;
}

export function levelTest(before: readonly number[], after: readonly number[], criteria: EffectCriteria): Verdict {
  const alpha = criteria.alpha ?? DEFAULT_ALPHA;
  const base = { method: 'block-welch', samplesBefore: before.length, samplesAfter: after.length, alpha };
  const length = blockLength(after.length);
  const a = blocks(after, length).map(median);
  const b = blocks(before, length).map(median);
  if (after.length < MIN_AFTER_VALUES || a.length < MIN_BLOCKS || b.length < MIN_BLOCKS) return { ...base, verdict: 'insufficient-data', regressed: false, blockLength: length };
  const inflation = varianceInflation(lagOneAutocorrelation(b));
  const va = (inflation * sampleVariance(a)) / a.length;
  const vb = (inflation * sampleVariance(b)) / b.length;
  const baseline = mean(b);
  const observed = mean(a);
  const sign = criteria.worseWhen === 'higher' ? 1 : -1;
  const worsening = sign * (observed - baseline);
  const required = Math.max(criteria.minAbsoluteEffect, criteria.minRelativeEffect * Math.abs(baseline));
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? 1 : (va + vb) ** 2 / ((va * va) / Math.max(1, a.length - 1) + (vb * vb) / Math.max(1, b.length - 1));
  const pValue = se === 0 ? (worsening > 0 ? 0 : 1) : 1 - tCdf(worsening / se, Math.max(1, df));
  const regressed = pValue < alpha && worsening >= required && worsening > 0;
  return { ...base, verdict: regressed ? 'regressed' : 'no-regression', regressed, blockLength: length, baseline, observed, worsening, requiredWorsening: required, pValue, varianceInflation: inflation };
}
