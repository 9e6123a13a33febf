import { TopKWindow } from './top-k-window.js';

/** Blocks the residual memory is divided into (the order-statistic window slides one block at a time). */
const RESIDUAL_BLOCKS = 14;

/**
 * Point anomalies judged against the series' own history of point anomalies: "is this jump away from the
 * local level larger than all but a few of the jumps of the last `memory` observations?"
 *
 *   r_t     = |x_t − median(x_{t−5} … x_{t−1})|          (local level: blind to a one- or two-point
 *                                                          spike, follows a level shift after 3 points)
 *   u_t     = the j-th largest r over the last `memory` observations, j = max(1, ⌈k · n / memory⌉)
 *             (n = residuals held, so the tail probability j / n ≈ k / memory stays the same while the
 *              history is young, instead of trusting a handful of values)
 *   score_t = min(1, ½ · (r_t / u_t − 1) / margin)   when r_t > u_t, else 0
 *             (and 0 until memory / k residuals are held: fewer cannot resolve a tail of k / memory)
 *
 * The score reaches ½ (the default alert threshold) when the residual exceeds that order statistic by the
 * fraction `margin`. An order statistic rather than the maximum: one incident (a level shift leaves ~3
 * large residuals) does not redefine normal for the whole memory, while a series that spikes routinely
 * (≥ k times per memory) never alerts on its usual spikes. Scale-free: no spread estimate is involved.
 */
export class ResidualSpike {
  /** The five previous values, newest first (plain fields: this runs at every observation). */
  private previous1 = 0;
  private previous2 = 0;
  private previous3 = 0;
  private previous4 = 0;
  private previous5 = 0;
  private count = 0;
  private readonly residuals: TopKWindow;
  /** Residuals needed before a tail of tailCount / memory can be resolved at all. */
  private readonly minimumHeld: number;

  constructor(
    private readonly tailCount: number,
    private readonly memory: number,
    private readonly margin: number,
  ) {
    this.minimumHeld = memory / tailCount;
    this.residuals = new TopKWindow(tailCount, Math.max(1, Math.round(memory / RESIDUAL_BLOCKS)), RESIDUAL_BLOCKS);
  }

  /** Scores x against the history, then adds it to the history. */
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
    const residuals = this.residuals;
    const held = residuals.size;
    let score = 0;
    if (held >= this.minimumHeld) {
      const order = held >= this.memory ? this.tailCount : Math.max(1, Math.min(this.tailCount, Math.ceil((this.tailCount * held) / this.memory)));
      // Most residuals are below this cheap bound, which spares the merge behind kth().
      if (residual > residuals.lowerBound(order)) {
        const usual = residuals.kth(order);
        if (residual > usual && usual >= 0) score = usual > 0 ? Math.min(1, (0.5 * (residual / usual - 1)) / this.margin) : 1;
      }
    }
    if (residual < Number.POSITIVE_INFINITY) residuals.push(residual);
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
