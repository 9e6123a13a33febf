/**
 * The detector's fixed parameters (one set for every series; docs/anomaly-detection.md says how each was chosen
 * and what the scores are without it).
 *
 * Time and observations: a memory or a period that describes the calendar (how far back "usual" reaches, how long
 * one incident lasts, a day's cycle) is given in time and converted at the series' own step (`time-scale.ts`), with
 * a floor in observations so a sparse series still has enough samples; a smoothing constant that says how many
 * samples to average (baseline, surprise history) stays in observations.
 */
export interface DetectorParameters {
  /** How far back "usual" reaches for the range, the residual tails and the stuck view, in days… */
  memoryDays: number;
  /** …but at least this many observations (estimates need samples: a daily series keeps its whole history)… */
  memoryMinObservations: number;
  /** …and at most this many (bounds the memory of 1-minute and faster series). */
  memoryMaxObservations: number;
  /**
   * The false-alarm rate each tail-calibrated view is set to: one alert per this many days of ordinary data, i.e.
   * α = step / falseAlarmDays per observation (α = 1/25920 at 5 minutes, 1/2160 hourly; daily: the 1/1000 floor below).
   */
  falseAlarmDays: number;
  /** …but never more than one per this many observations (a sparse series' tails rest on few samples). */
  falseAlarmMinObservations: number;
  /** Order statistics the tail probability is fitted on (`tail-probability.ts`): the top ≈ 20 / 4032 = 0.5 %. */
  tailCount: number;
  /** Values a tail needs before it scores anything. */
  tailMinimumHeld: number;
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
  /** Weight of the sustained-change view (1; 0 turns it off, for ablation). */
  changeWeight: number;
  /** Weight of the residual-spike view (0 turns it off). */
  spikeWeight: number;
  /** Weight of the seasonal-deviation view (0 turns it off). */
  seasonalWeight: number;
  /** Weight of the stuck-signal view (0 turns it off). */
  stuckWeight: number;
  /** Fewest repeats of one value that count as a stuck signal. */
  stuckMinimumRun: number;
  /** A run must beat the longest run of the memory by this fraction. */
  stuckMargin: number;
  /** Season length in hours (24: daily pattern); 0 disables the seasonal gate and the daily comparison. */
  seasonHours: number;
  /** Second, longer season in hours (168: weekly pattern); 0 disables it. */
  longSeasonHours: number;
  /** How far from exactly one season ago a value still counts as "same time", in hours. */
  seasonToleranceHours: number;
  /** Slack around last season's range, as a fraction of its width, still counted as seen before. */
  seasonSlack: number;
  /** Factor applied to the score of a value seen last season at this time of day (0 = not news). */
  seasonGate: number;
  /** Observations needed before any alert: the baseline and surprise history must settle first… */
  warmUp: number;
  /** …and at least this many hours of history… */
  warmUpMinHours: number;
  /** …but never longer than this many hours, so sparse series (daily costs) are not silenced for months. */
  warmUpMaxHours: number;
  /** Hours after an alert during which the same incident does not alert again; a score at alert level extends it. */
  refractoryHours: number;
  /** …but at least this many observations (an hourly or daily series). */
  refractoryMinObservations: number;
}

export const DEFAULT_PARAMETERS: DetectorParameters = Object.freeze({
  memoryDays: 14,
  memoryMinObservations: 4032,
  memoryMaxObservations: 20_160,
  falseAlarmDays: 90,
  falseAlarmMinObservations: 1000,
  tailCount: 20,
  tailMinimumHeld: 50,
  breakoutSpreads: 1,
  baselineMemory: 256,
  surpriseHalf: 3,
  surpriseHistoryMemory: 1024,
  shortAverage: 12,
  changeWeight: 1,
  spikeWeight: 1,
  seasonalWeight: 1,
  stuckWeight: 1,
  stuckMinimumRun: 12,
  stuckMargin: 0.1,
  seasonHours: 24,
  longSeasonHours: 168,
  seasonToleranceHours: 1,
  seasonSlack: 0.1,
  seasonGate: 0,
  warmUp: 100,
  warmUpMinHours: 12,
  warmUpMaxHours: 28 * 24,
  refractoryHours: 6,
  refractoryMinObservations: 3,
});
