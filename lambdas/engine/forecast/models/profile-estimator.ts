import { medianInPlace } from '../../stats/median-in-place.js';

/** A fitted seasonal profile: `profile[j]` for phase j = (t − n) mod p, and the per-season levels. */
export interface ProfileFit {
  profile: Float64Array;
  /** seasonLevels[c] = median of season c, c = 0 the most recent; `cycles` of them are valid. */
  seasonLevels: Float64Array;
  cycles: number;
}

/**
 * Estimates the robust seasonal profile of the last K ≤ maxCycles whole seasons
 * (season c spans slots n−(c+1)p … n−cp−1):
 *   L_c = median of season c;   s_j = median_c( y[n−(c+1)p+j] − L_c ).
 * The median ignores one-off spikes; centring each season on its own level removes level shifts
 * between seasons. Several models share one estimator: the last fit is reused while the same
 * history array and length are asked for again (the backtest asks each origin once per model).
 */
export class ProfileEstimator {
  private readonly fit: ProfileFit;
  private readonly seasonScratch: Float64Array;
  private readonly phaseScratch: Float64Array;
  private lastHistory: Float64Array | null = null;
  private lastLength = -1;

  constructor(readonly period: number, readonly maxCycles: number) {
    this.fit = { profile: new Float64Array(period), seasonLevels: new Float64Array(maxCycles), cycles: 0 };
    this.seasonScratch = new Float64Array(period);
    this.phaseScratch = new Float64Array(maxCycles);
  }

  estimate(history: Float64Array, length: number): ProfileFit {
    if (history === this.lastHistory && length === this.lastLength) return this.fit;
    const { period } = this;
    const { profile, seasonLevels } = this.fit;
    const cycles = Math.min(this.maxCycles, Math.floor(length / period));
    for (let c = 0; c < cycles; c++) {
      const from = length - (c + 1) * period;
      this.seasonScratch.set(history.subarray(from, from + period));
      seasonLevels[c] = medianInPlace(this.seasonScratch, period);
    }
    for (let j = 0; j < period; j++) {
      for (let c = 0; c < cycles; c++) this.phaseScratch[c] = history[length - (c + 1) * period + j] - seasonLevels[c];
      profile[j] = medianInPlace(this.phaseScratch, cycles);
    }
    this.fit.cycles = cycles;
    this.lastHistory = history;
    this.lastLength = length;
    return this.fit;
  }
}
