import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { DEFAULT_ALPHA } from './level-test.js';
import type { Verdict } from './verdict.js';

/**
 * Did a metric vanish after the change (an instance that did not come back, a function nobody can call)? With p the
 * fraction of the baseline's periods that had a value and k of m after-periods with one:
 *   regressed ("missing-after") when P(X ≤ k | X ~ Binomial(m, p)) < α and k/m < p/2;
 *   insufficient-data when even k = 0 would not be significant ((1 − p)^m ≥ α) and no value came yet (wait longer);
 *   no-data when the baseline had none either (nothing to compare, nothing to regress).
 * Applies to every metric of every executor: missing-after is a regression for every resource type.
 */
export function presenceTest(presentBefore: number, periodsBefore: number, presentAfter: number, periodsAfter: number, alpha = DEFAULT_ALPHA): Verdict {
  const p = periodsBefore > 0 ? Math.min(1, presentBefore / periodsBefore) : 0;
  const base = { method: 'presence-binomial', presenceBefore: p, presentAfter, periodsAfter, alpha };
  if (presentBefore === 0) return { ...base, verdict: 'no-data', regressed: false };
  const pValue = binomialCdf(presentAfter, periodsAfter, p);
  if (pValue < alpha && presentAfter < (p / 2) * periodsAfter) return { ...base, verdict: 'missing-after', regressed: true, pValue };
  if (presentAfter === 0) return { ...base, verdict: 'insufficient-data', regressed: false, pValue };
  return { ...base, verdict: 'no-regression', regressed: false, pValue };
}
