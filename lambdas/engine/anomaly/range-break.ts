import { SlidingMax } from './sliding-max.js';

/**
 * How far a value breaks out of the range [min, max] of the last `memory` values, as a fraction of that
 * range: (x − max) / (max − min) above it, (min − x) / (max − min) below it, 0 inside. A series that
 * reaches a level it has not shown for weeks is the plainest anomaly there is (Numenta's HTM detector
 * flags the same "spatial anomaly"). A constant range broken by any change counts as +∞.
 */
export class RangeBreak {
  private readonly highs: SlidingMax;
  private readonly lows: SlidingMax;

  constructor(memory: number) {
    this.highs = new SlidingMax(memory);
    this.lows = new SlidingMax(memory);
  }

  /**
   * Breakout of x from the range of the values pushed so far, widened by `margin` on each side
   * (0 when none was pushed).
   */
  breakout(x: number, margin = 0): number {
    const max = this.highs.max() + margin;
    const min = -this.lows.max() - margin;
    if (max === Number.NEGATIVE_INFINITY) return 0;
    const outside = x > max ? x - max : x < min ? min - x : 0;
    if (outside === 0) return 0;
    const range = max - min;
    return range > 0 ? outside / range : Number.POSITIVE_INFINITY;
  }

  push(x: number): void {
    this.highs.push(x);
    this.lows.push(-x);
  }
}
