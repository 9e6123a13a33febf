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
  /** The short season's history (the gate's "seen at this time yesterday"), null when the step is too coarse. */
  private readonly short: SeasonalHistory | null;
  /** Every season compared with: one and two short seasons, one and two long seasons, those the step allows. */
  private readonly seasons: SeasonalHistory[];
  private readonly deviations: TailProbability;
  private readonly logAlpha: number;
  private lastValue = 0;
  private hadShort = false;

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
    const periods = [options.seasonMs, 2 * options.seasonMs, options.longSeasonMs, 2 * options.longSeasonMs].filter(usable);
    this.seasons = [...new Set(periods)].map((period) => new SeasonalHistory(period, options.toleranceMs));
    this.short = usable(options.seasonMs) ? this.seasons[0] : null;
    this.deviations = new TailProbability(options.tailCount, options.memory, options.minimumHeld);
  }

  /** Scores x at time t against the values one season (and one long season) ago, then remembers it. */
  next(t: number, x: number): number {
    this.lastValue = x;
    this.hadShort = false;
    let distance = Number.POSITIVE_INFINITY;
    for (const season of this.seasons) {
      const found = season.rangeAt(t);
      if (season === this.short) this.hadShort = found;
      if (found) distance = Math.min(distance, outside(x, season.low, season.high));
      if (distance === 0) break;
    }
    let score = 0;
    if (distance < Number.POSITIVE_INFINITY) {
      score = tailScore(this.deviations.logTail(distance), this.logAlpha);
      this.deviations.push(distance);
    }
    for (const season of this.seasons) season.add(t, x);
    return score;
  }

  /**
   * Whether the value of the last `next` lay within the short season's range widened by `slack` times its width
   * (false when the short season had no value then).
   */
  seenBefore(slack: number): boolean {
    if (!this.hadShort) return false;
    const { low, high } = this.short as SeasonalHistory;
    const widen = slack * (high - low);
    return this.lastValue >= low - widen && this.lastValue <= high + widen;
  }
}

/** Distance of x outside [low, high]; 0 inside. */
function outside(x: number, low: number, high: number): number {
  return x > high ? x - high : x < low ? low - x : 0;
}
