import { SeasonalHistory } from './seasonal-history.js';
import { TailProbability, tailScore } from './tail-probability.js';

/**
 * Contextual anomalies: a value that is ordinary for the series but not for this time of day or week (a daily peak
 * that does not come, a weekday that looks like a holiday).
 *
 *   d_t     = distance of x_t outside the range of the values one season ago (t − season ± tolerance)
 *   D_t     = min(d_t over one and two short seasons (a day) and one and two long seasons (a week) ago, those
 *             with history)
 *   score_t = tailScore(ln P̂(D > D_t), ln α)       (`TailProbability` over the D of the memory)
 *
 * Taking the smallest distance means a Saturday like last Saturday is not news even if it differs from Friday, and
 * an incident yesterday does not make today's ordinary value look deviant (it matches the day before). A
 * series with no regular cycle has large D all the time, so its tail is wide and this view stays quiet; a clean
 * cycle has D ≈ 0 and any break of it is rare. A season shorter than four steps is not used (a daily series has a
 * weekly season only). After `next`, `seenBefore` tells whether the value lay within (or near) the short season's
 * range — the detector's "a nightly job is not news" gate — without a second scan.
 */
export class SeasonalDeviation {
  private readonly history: SeasonalHistory;
  /** The short season (the gate's "seen at this time yesterday"), 0 when the step is too coarse for it. */
  private readonly shortPeriod: number;
  /** Every period compared with: one and two short seasons, one and two long seasons, those the step allows. */
  private readonly periods: number[];
  private readonly deviations: TailProbability;
  private readonly logAlpha: number;
  private lastValue = 0;
  private hadShort = false;
  private shortLow = 0;
  private shortHigh = 0;

  constructor(options: {
    seasonMs: number;
    longSeasonMs: number;
    toleranceMs: number;
    stepMs: number;
    memory: number;
    tailCount: number;
    minimumHeld: number;
    logAlpha: number;
  }) {
    this.logAlpha = options.logAlpha;
    const usable = (period: number) => period > 0 && period >= 4 * options.stepMs;
    this.periods = [...new Set([options.seasonMs, 2 * options.seasonMs, options.longSeasonMs, 2 * options.longSeasonMs].filter(usable))];
    this.shortPeriod = usable(options.seasonMs) ? options.seasonMs : 0;
    // Buckets of a third of the tolerance (at least one step): the range is read over ±tolerance in 2·3 + 1 buckets.
    const bucketMs = Math.max(options.stepMs, options.toleranceMs / 3);
    const longest = this.periods.length > 0 ? Math.max(...this.periods) : 0;
    this.history = new SeasonalHistory(longest + options.toleranceMs, bucketMs, Math.floor(options.toleranceMs / bucketMs), this.periods.length);
    this.deviations = new TailProbability(options.tailCount, options.memory, options.minimumHeld);
  }

  /** Scores x at time t against the values one season (and one long season) ago, then remembers it. */
  next(t: number, x: number): number {
    this.lastValue = x;
    this.hadShort = false;
    let distance = Number.POSITIVE_INFINITY;
    const history = this.history;
    const periods = this.periods;
    for (let slot = 0; slot < periods.length; slot++) {
      const period = periods[slot];
      const found = history.rangeAt(t, period, slot);
      if (period === this.shortPeriod) {
        this.hadShort = found;
        this.shortLow = history.low;
        this.shortHigh = history.high;
      }
      if (found) distance = Math.min(distance, outside(x, history.low, history.high));
      if (distance === 0) break;
    }
    let score = 0;
    if (distance < Number.POSITIVE_INFINITY) {
      score = tailScore(this.deviations.logTail(distance), this.logAlpha);
      this.deviations.push(distance);
    }
    if (this.periods.length > 0) history.add(t, x);
    return score;
  }

  /**
   * Whether the value of the last `next` lay within the short season's range widened by `slack` times its width
   * (false when the short season had no value then).
   */
  seenBefore(slack: number): boolean {
    if (!this.hadShort) return false;
    const widen = slack * (this.shortHigh - this.shortLow);
    return this.lastValue >= this.shortLow - widen && this.lastValue <= this.shortHigh + widen;
  }
}

/** Distance of x outside [low, high]; 0 inside. */
function outside(x: number, low: number, high: number): number {
  return x > high ? x - high : x < low ? low - x : 0;
}
