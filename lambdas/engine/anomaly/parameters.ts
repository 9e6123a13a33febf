/**
 * The detector's fixed parameters. Memories are counted in observations (rows), not in time, so one
 * setting serves 5-minute metrics and daily cost series alike; the warm-up and refractory periods are also
 * capped in time. They were chosen on principle and checked for robustness on NAB (see README.md),
 * never tuned per series.
 */
export interface DetectorParameters {
  /** Memory of the range a value must break out of, in observations (4032 = two weeks of 5-minute data). */
  rangeMemory: number;
  /** A breakout must clear the range by this many baseline spreads (mean absolute deviations). */
  breakoutSpreads: number;
  /** Memory of the robust baseline (level and spread of recent values), in observations. */
  baselineMemory: number;
  /** Deviation (in spreads) at which the bounded surprise d / (d + surpriseHalf) reaches ½. */
  surpriseHalf: number;
  /** Memory of the distribution of surprises the likelihood compares against, in observations. */
  surpriseHistoryMemory: number;
  /** Number of recent surprises averaged before comparing with their history. */
  shortAverage: number;
  /** Weight of the residual-spike view (0 turns it off). */
  spikeWeight: number;
  /**
   * How many residuals per `rangeMemory` observations may exceed the usual level without being news: the
   * spike view compares a residual with the `spikeTailCount`-th largest of that memory (tail ≈ 0.5 %).
   */
  spikeTailCount: number;
  /** A residual scores ½ when it exceeds the `spikeTailCount`-th largest past residual by this fraction. */
  spikeMargin: number;
  /** Weight of the stuck-signal view (0 turns it off). */
  stuckWeight: number;
  /** Fewest repeats of one value that count as a stuck signal (12 = one hour of 5-minute data). */
  stuckMinimumRun: number;
  /** A run must beat the longest run of the last `rangeMemory` observations by this fraction. */
  stuckMargin: number;
  /** Weight of the sustained-change view in the score (1; 0 turns it off, for ablation). */
  changeWeight: number;
  /** Season length in hours (24: daily pattern); 0 disables the seasonal comparison. */
  seasonHours: number;
  /** How far from exactly one season ago a value still counts as "same time", in hours. */
  seasonToleranceHours: number;
  /** Slack around last season's range, as a fraction of its width, still counted as seen before. */
  seasonSlack: number;
  /** Factor applied to the score of a value seen last season at this time of day (0 = not news). */
  seasonGate: number;
  /** Observations needed before any alert: the baseline and surprise history must settle first. */
  warmUp: number;
  /** …but never longer than this many hours, so sparse series (daily costs) are not silenced for months. */
  warmUpMaxHours: number;
  /**
   * Observations after an alert during which the same incident does not alert again (36 = 3 h of 5-minute
   * data); a score at alert level inside the period extends it.
   */
  refractory: number;
  /** …but never longer than this many hours (one incident of a daily series lasts days, not months). */
  refractoryMaxHours: number;
}

export const DEFAULT_PARAMETERS: DetectorParameters = Object.freeze({
  rangeMemory: 4032,
  breakoutSpreads: 1,
  baselineMemory: 256,
  surpriseHalf: 3,
  surpriseHistoryMemory: 1024,
  shortAverage: 8,
  changeWeight: 1,
  stuckWeight: 1,
  stuckMinimumRun: 12,
  stuckMargin: 0.1,
  spikeWeight: 1,
  spikeTailCount: 20,
  spikeMargin: 0.8,
  seasonHours: 24,
  seasonToleranceHours: 1,
  seasonSlack: 0.2,
  seasonGate: 0,
  warmUp: 100,
  warmUpMaxHours: 28 * 24,
  refractory: 36,
  refractoryMaxHours: 7 * 24,
});
