/**
 * Exponentially weighted level and mean absolute deviation of a series, updated one value at a time.
 *
 *   level_t = level_{t−1} + a · (x_t − level_{t−1}),   spread_t = spread_{t−1} + a · (|x_t − level_{t−1}| − spread_{t−1})
 *
 * with a = 1 / min(n, memory): a plain average while fewer than `memory` values were seen, then an
 * exponential average whose mean age is about `memory` values. The mean absolute deviation is less
 * swayed by single spikes than a variance.
 */
export class RobustBaseline {
  private count = 0;
  private level = 0;
  private spread = 0;

  constructor(private readonly memory: number) {}

  /** Current level (0 before any value). */
  get currentLevel(): number {
    return this.level;
  }

  /** Current mean absolute deviation around the level. */
  get currentSpread(): number {
    return this.spread;
  }

  /**
   * How many spreads x lies from the current level: |x − level| / (spread + floor). The floor
   * (1e-6 of the level's magnitude, at least 1e-12) keeps a constant series from dividing by zero.
   */
  deviation(x: number): number {
    if (this.count === 0) return 0;
    const floor = Math.max(1e-12, 1e-6 * Math.abs(this.level));
    return Math.abs(x - this.level) / (this.spread + floor);
  }

  update(x: number): void {
    this.count++;
    const rate = 1 / Math.min(this.count, this.memory);
    const error = x - this.level;
    const level = this.level + rate * error;
    const spread = this.spread + rate * ((this.count === 1 ? 0 : Math.abs(error)) - this.spread);
    // Values near ±Number.MAX_VALUE overflow the differences: skip such an update rather than let one
    // Infinity or NaN poison every later result.
    if (!Number.isFinite(level) || !Number.isFinite(spread)) return;
    this.level = level;
    this.spread = spread;
  }
}
