import { logGaussianTail } from './gaussian-tail.js';

/**
 * Anomaly likelihood in the manner of Numenta's HTM detector (Ahmad et al., "Unsupervised real-time
 * anomaly detection for streaming data", Neurocomputing 2017): instead of thresholding a raw surprise,
 * ask how unusual the *recent average* surprise is compared with the surprises this series normally
 * produces. A noisy series then needs a much larger excursion to alert than a quiet one.
 *
 *   recent_t = short exponential average of surprises (mean age `shortAverage`)
 *   μ_t, σ²_t = exponentially weighted mean and variance of recent_t itself (memory `historyMemory`):
 *              the distribution of *averaged* surprises, as HTM does, so the average is compared like with like
 *   tail_t = Q((recent_t − μ_{t−1}) / σ_{t−1})        (Gaussian upper tail)
 *   score_t = min(1, log(tail_t) / log(1e−10))         (0 for an ordinary moment, 1 for tail ≤ 1e−10)
 *
 * The log scale is HTM's: it spreads the interesting region (tails between 1e−3 and 1e−10) over [0.3, 1].
 */
export class AnomalyLikelihood {
  private count = 0;
  private mean = 0;
  private variance = 0;
  private recent = 0;

  constructor(private readonly historyMemory: number, private readonly shortAverage: number) {}

  /** Scores a new surprise against the history, then adds it to the history. */
  next(surprise: number): number {
    if (Number.isNaN(surprise)) return 0; // an overflowed deviation carries no information
    this.recent += (surprise - this.recent) / Math.min(this.count + 1, this.shortAverage);
    // At or below the mean the tail is ≥ ½ (score ≤ 0.03): call it 0 and skip the logarithm.
    const excess = this.recent - this.mean;
    const score = this.count < 2 || excess <= 0 ? 0 : logScore(logGaussianTail(excess / Math.sqrt(this.variance + 1e-12)));
    this.count++;
    const rate = 1 / Math.min(this.count, this.historyMemory);
    const delta = this.recent - this.mean;
    this.mean += rate * delta;
    this.variance = (1 - rate) * (this.variance + rate * delta * delta);
    return score;
  }
}

const LOG_FLOOR = Math.log(1e-10);

function logScore(logTail: number): number {
  return Math.min(1, Math.max(0, logTail / LOG_FLOOR));
}
