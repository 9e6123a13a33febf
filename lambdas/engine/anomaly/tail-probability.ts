import { TopKWindow } from './top-k-window.js';

/** Blocks the memory is divided into (the order-statistic window slides one block at a time). */
const BLOCKS = 14;
/** Fewest order statistics the tail is fitted on, however young the history. */
const MINIMUM_ORDER = 10;

/**
 * How rare a value of a nonnegative statistic is, judged against the last `memory` values of the same statistic:
 * an estimate of P(X > x) that extrapolates beyond the largest value seen, so a threshold can be set on a
 * probability (a false-alarm rate) rather than on the statistic's own units. Scale-free.
 *
 * The tail above the (k+1)-th largest value u = X₍ₖ₊₁₎ is taken as Pareto-like (the peaks-over-threshold view of
 * extreme-value theory), with its index estimated by Hill's estimator and the probability by Weissman's
 * extrapolation:
 *
 *   γ̂   = (1/k) · Σᵢ₌₁..ₖ ln(X₍ᵢ₎ / u)                    (Hill 1975: the mean log-excess of the k largest)
 *   P̂(X > x) = (k / n) · (x / u)^(−1/γ̂)   for x > u      (Weissman 1978)
 *
 * n = values held (≤ memory); k = the tail count, scaled down while the history is young (k · n / memory, at
 * least 10 and at most n / 5) so the estimate always describes the top ≈ k / memory of the distribution.
 * A heavy-tailed statistic (large γ̂: request bursts, latency) thus needs a much larger value for the same
 * probability than a light-tailed one: the threshold calibrates itself to how the series usually misbehaves.
 * Values at or below u get ln P = 0 (not rare at all: not scored), and nothing is scored until `minimumHeld`
 * values are held. If u is 0 (the statistic is mostly exact zeros) or the top values are all equal, there is no tail
 * shape to fit and the plain empirical tail is used: P̂ = (1 + #{values ≥ x}) / (n + 1), so a nonzero value after
 * n zeros has P̂ = 1 / (n + 1) — rare, but only as rare as the history is long.
 *
 * The k + 1 largest values come from `TopKWindow` (O(k) per push at worst, usually O(1)); the fit is recomputed
 * only when asked about a value above u after a change, which is rare by construction.
 */
export class TailProbability {
  private readonly top: TopKWindow;
  /** The k + 1 largest values at the last fit, descending. */
  private readonly largest: Float64Array;
  private fittedOrder = 0;
  private threshold = 0;
  private inverseIndex = 0;
  private fitValid = false;

  constructor(private readonly tailCount: number, private readonly memory: number, private readonly minimumHeld: number) {
    this.top = new TopKWindow(tailCount + 1, Math.max(1, Math.round(memory / BLOCKS)), BLOCKS);
    this.largest = new Float64Array(tailCount + 1);
  }

  /** ln P̂(X > x) from the values pushed so far (0 when x is not in the fitted tail or the history is too short). */
  logTail(x: number): number {
    // Most values are at or below the (tailCount + 1)-th largest, itself ≤ the (k + 1)-th below: not in the tail.
    if (!(x > this.top.lowerBound(this.tailCount + 1))) return 0;
    const held = this.top.size;
    if (held < this.minimumHeld) return 0;
    const k = Math.max(MINIMUM_ORDER, Math.min(this.tailCount, Math.ceil((this.tailCount * held) / this.memory), Math.floor(held / 5)));
    // Most values are below this cheap bound, which spares the merge behind kth().
    if (!(x > this.top.lowerBound(k + 1))) return 0;
    if (!this.fitValid || k !== this.fittedOrder) this.fit(k);
    if (!(x > this.threshold)) return 0;
    if (this.inverseIndex === Number.POSITIVE_INFINITY) return this.logEmpirical(x, k, held);
    return Math.log(k / held) - this.inverseIndex * Math.log(x / this.threshold);
  }

  push(x: number): void {
    if (!(x >= 0) || x === Number.POSITIVE_INFINITY) return;
    if (this.top.push(x)) this.fitValid = false;
  }

  /** ln of the plain empirical tail (1 + #{held values ≥ x}) / (n + 1), counted among the k largest. */
  private logEmpirical(x: number, k: number, held: number): number {
    let above = 0;
    while (above < k && this.largest[above] >= x) above++;
    return Math.log((1 + above) / (held + 1));
  }

  private fit(k: number): void {
    this.top.top(this.largest, k + 1);
    const u = this.largest[k];
    let sum = 0;
    if (u > 0) for (let i = 0; i < k; i++) sum += Math.log(this.largest[i] / u);
    this.threshold = u;
    this.inverseIndex = sum > 0 ? k / sum : Number.POSITIVE_INFINITY;
    this.fittedOrder = k;
    this.fitValid = true;
  }
}

/**
 * Maps a tail probability to a score in [0, 1] on a log scale anchored at the false-alarm probability α:
 *   score = min(1, ln P / (2 · ln α))
 * so P = α scores ½ (the default alert threshold), P = α² scores 1, and P ≥ 1 scores 0. The alert threshold
 * 1 − sensitivity then reads as a probability: alert when P ≤ α^(2 · (1 − sensitivity)).
 */
export function tailScore(logTail: number, logAlpha: number): number {
  return logTail >= 0 ? 0 : Math.min(1, logTail / (2 * logAlpha));
}
