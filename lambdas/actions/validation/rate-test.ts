import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { blockLength, blocks, lagOneAutocorrelation, varianceInflation } from './block-statistics.js';
import { DEFAULT_ALPHA, MIN_AFTER_VALUES, MIN_BLOCKS, type EffectCriteria } from './level-test.js';
import type { Verdict } from './verdict.js';

/**
 * Did a rate (errors per invocation, throttles per request, or events per period) rise? Compared as a rate, not as a
 * shift of per-period medians (a Lambda erroring in 40 % of minutes has a median of 0 errors):
 *   r = ΣE / ΣN over a window (E events, N exposure per period: trials, or 1 per period for a rate in time);
 *   H₀ variance of rₐ − r_b: φ · v(r̂) · (1/Nₐ + 1/N_b), v(r) = r(1 − r) for trials (binomial), r for time (Poisson),
 *   r̂ the pooled rate; φ ≥ 1 the quasi-likelihood dispersion, Pearson χ² / (kₐ + k_b − 2) over both windows' blocks of
 *   L periods (block-statistics.ts), each block against its own window's rate, times the AR(1) inflation of the baseline's block rates — real counts are
 *   overdispersed and bursty, and a plain Poisson/binomial test fires on them far too often;
 *   t = (rₐ − r_b) / se on kₐ + k_b − 2 degrees of freedom, one-sided;
 * a regression needs p < α AND rₐ − r_b ≥ max(minAbsoluteEffect, minRelativeEffect × r_b).
 */
export interface RatePoint {
  events: number;
  exposure: number;
}

export function rateTest(before: readonly RatePoint[], after: readonly RatePoint[], criteria: EffectCriteria & { exposure: 'trials' | 'time' }): Verdict {
  const alpha = criteria.alpha ?? DEFAULT_ALPHA;
  const base = { method: criteria.exposure === 'trials' ? 'quasi-binomial' : 'quasi-poisson', samplesBefore: before.length, samplesAfter: after.length, alpha };
  const length = blockLength(after.length);
  const sum = (points: readonly RatePoint[]) => points.reduce((total, p) => ({ events: total.events + p.events, exposure: total.exposure + p.exposure }), { events: 0, exposure: 0 });
  const a = blocks(after, length).map(sum);
  const b = blocks(before, length).map(sum).filter((block) => block.exposure > 0);
  if (after.length < MIN_AFTER_VALUES || a.length < MIN_BLOCKS || b.length < MIN_BLOCKS) return { ...base, verdict: 'insufficient-data', regressed: false, blockLength: length };
  const totalA = sum(a);
  const totalB = sum(b);
  if (totalA.exposure <= 0) return { ...base, verdict: 'insufficient-data', regressed: false, blockLength: length };
  const ra = totalA.events / totalA.exposure;
  const rb = totalB.events / totalB.exposure;
  const pooled = (totalA.events + totalB.events) / (totalA.exposure + totalB.exposure);
  const v = (r: number) => (criteria.exposure === 'trials' ? r * (1 - r) : r);
  // Pearson dispersion over the blocks of both windows, each against its own window's rate (a level shift between the
  // windows is the effect, not noise), on k_a + k_b − 2 degrees of freedom.
  const chi = (blocksOf: readonly RatePoint[], r: number) => blocksOf.reduce((acc, block) => (v(r) > 0 ? acc + (block.events - block.exposure * r) ** 2 / (block.exposure * v(r)) : acc), 0);
  const pearson = (chi(b, rb) + chi(a, ra)) / Math.max(1, a.length + b.length - 2);
  const inflation = varianceInflation(lagOneAutocorrelation(b.map((block) => block.events / block.exposure)));
  const dispersion = Math.max(1, pearson) * inflation;
  const worsening = criteria.worseWhen === 'higher' ? ra - rb : rb - ra;
  const required = Math.max(criteria.minAbsoluteEffect, criteria.minRelativeEffect * rb);
  const se = Math.sqrt(dispersion * v(pooled) * (1 / totalA.exposure + 1 / totalB.exposure));
  const pValue = se === 0 ? (worsening > 0 ? 0 : 1) : 1 - tCdf(worsening / se, Math.max(1, a.length + b.length - 2));
  const regressed = pValue < alpha && worsening >= required && worsening > 0;
  return { ...base, verdict: regressed ? 'regressed' : 'no-regression', regressed, blockLength: length, rateBefore: rb, rateAfter: ra, worsening, requiredWorsening: required, dispersion, pValue };
}
