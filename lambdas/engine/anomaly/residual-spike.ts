import { MedianOfRecent } from './median-of-recent.js';
import { TopKWindow } from './top-k-window.js';

/** Blocks the residual memory is divided into (the order-statistic window slides one block at a time). */
const RESIDUAL_BLOCKS = 14;

/**
 * Point anomalies judged against the series' own history of point anomalies: "is this jump away from the
 * local level larger than all but a few of the jumps of the last `memory` observations?"
 *
 *   r_t     = |x_t − median(x_{t−m} … x_{t−1})|          (m = `medianSize`: local level, blind to a 1–2 point spike,
 *                                                          follows a level shift after ⌈m/2⌉ points)
 *   u_t     = the j-th largest r over the last `memory` observations, j = max(1, ⌈k · n / memory⌉)
 *             (n = residuals held, so the tail probability j / n ≈ k / memory stays the same while the
 *              history is young, instead of trusting a handful of values)
 *   score_t = min(1, ½ · (r_t / u_t − 1) / margin)   when r_t > u_t, else 0
 *             (and 0 until memory / k residuals are held: fewer cannot resolve a tail of k / memory)
 *
 * The score reaches ½ (the default alert threshold) when the residual exceeds that order statistic by the
 * fraction `margin`. An order statistic rather than the maximum: one incident (a level shift leaves ~⌈m/2⌉
 * large residuals) does not redefine normal for the whole memory, while a series that spikes routinely
 * (≥ k times per memory) never alerts on its usual spikes. Scale-free: no spread estimate is involved.
 */
export class ResidualSpike {
  private readonly local: MedianOfRecent;
  private readonly residuals: TopKWindow;

  constructor(
    private readonly tailCount: number,
    private readonly memory: number,
    medianSize: number,
    private readonly margin: number,
  ) {
    this.local = new MedianOfRecent(medianSize);
    this.residuals = new TopKWindow(tailCount, Math.max(1, Math.round(memory / RESIDUAL_BLOCKS)), RESIDUAL_BLOCKS);
  }

  /** Scores x against the history, then adds it to the history. */
  next(x: number): number {
    let score = 0;
    if (this.local.filled) {
      const residual = Math.abs(x - this.local.median());
      const held = this.residuals.size;
      const order = Math.max(1, Math.min(this.tailCount, Math.ceil((this.tailCount * held) / this.memory)));
      // Most residuals are below the cheap bound, which spares the merge behind kth().
      const usual = residual > this.residuals.lowerBound(order) ? this.residuals.kth(order) : Number.POSITIVE_INFINITY;
      if (held >= this.memory / this.tailCount && residual > usual && usual >= 0) {
        const ratio = usual > 0 ? residual / usual : Number.POSITIVE_INFINITY;
        score = Math.min(1, (0.5 * (ratio - 1)) / this.margin);
      }
      if (Number.isFinite(residual)) this.residuals.push(residual);
    }
    this.local.push(x);
    return score;
  }
}
