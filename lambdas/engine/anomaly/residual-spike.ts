import { TailProbability, tailScore } from './tail-probability.js';

/**
 * Point anomalies judged against the series' own history of point anomalies: "how rare is a jump this large away
 * from the local level, among the jumps of the last `memory` observations?"
 *
 *   r_t     = |x_t − median(x_{t−5} … x_{t−1})|     (local level: blind to a one- or two-point spike, follows a
 *                                                    level shift after 3 points)
 *   P_t     = P̂(R > r_t) from the residuals of the memory (`TailProbability`: Hill–Weissman over their top 0.5 %)
 *   score_t = tailScore(ln P_t, ln α)                (½ at P = α, the false-alarm probability per observation)
 *
 * Inside the range a spike is still news when it is rarer than the series' own spikes: a series that spikes
 * routinely, or whose spikes are heavy-tailed (bursty requests, latency), needs a proportionally larger jump.
 * Scale-free: no spread estimate is involved.
 */
export class ResidualSpike {
  /** The five previous values, newest first (plain fields: this runs at every observation). */
  private previous1 = 0;
  private previous2 = 0;
  private previous3 = 0;
  private previous4 = 0;
  private previous5 = 0;
  private count = 0;
  private readonly residuals: TailProbability;

  constructor(memory: number, tailCount: number, minimumHeld: number, private readonly logAlpha: number) {
    this.residuals = new TailProbability(tailCount, memory, minimumHeld);
  }

  /** Scores x against the history, then adds its residual to the history. */
  next(x: number): number {
    const a = this.previous1;
    const b = this.previous2;
    const c = this.previous3;
    const d = this.previous4;
    const e = this.previous5;
    this.previous5 = d;
    this.previous4 = c;
    this.previous3 = b;
    this.previous2 = a;
    this.previous1 = x;
    if (++this.count <= 5) return 0;
    const residual = Math.abs(x - medianOfFive(a, b, c, d, e));
    const score = tailScore(this.residuals.logTail(residual), this.logAlpha);
    this.residuals.push(residual);
    return score;
  }
}

/**
 * Median of five numbers from min/max only (no data-dependent branches for noisy data to mispredict):
 *   median(a, b, c, d, e) = median3(e, max(min(a, b), min(c, d)), min(max(a, b), max(c, d)))
 * The larger of the two pair minima and the smaller of the two pair maxima are the middle two of
 * {a, b, c, d}; e then decides which of them, or e itself, is the middle of all five.
 * median3(x, y, z) = max(min(x, y), min(max(x, y), z)).
 */
export function medianOfFive(a: number, b: number, c: number, d: number, e: number): number {
  const x = Math.max(Math.min(a, b), Math.min(c, d));
  const y = Math.min(Math.max(a, b), Math.max(c, d));
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), e));
}
