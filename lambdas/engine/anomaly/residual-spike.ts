import { TopKWindow } from './top-k-window.js';

/** Blocks the residual memory is divided into (the order-statistic window slides one block at a time). */
const RESIDUAL_BLOCKS = 14;

/**
 * Point anomalies judged against the series' own history of point anomalies: "is this jump away from the
 * local level larger than all but a few of the jumps of the last `memory` observations?"
 *
 *   r_t     = |x_t − median(x_{t−5} … x_{t−1})|          (local level, blind to a 1–2 point spike,
 *                                                          follows a level shift after 3 points)
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
  /** The three previous values, newest first. */
  private previous1 = 0;
  private previous2 = 0;
  private previous3 = 0;
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
    this.previous3 = b;
    this.previous2 = a;
    this.previous1 = x;
    if (++this.count <= 3) return 0;
    const residual = Math.abs(x - Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)));
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
