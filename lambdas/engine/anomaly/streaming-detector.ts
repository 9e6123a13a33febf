import { AnomalyLikelihood } from './anomaly-likelihood.js';
import type { DetectorParameters } from './parameters.js';
import { RangeBreak } from './range-break.js';
import { RobustBaseline } from './robust-baseline.js';
import { SeasonalHistory } from './seasonal-history.js';
import { ResidualSpike } from './residual-spike.js';
import { StuckRun } from './stuck-run.js';

export interface Detection {
  /** Anomaly score in [0, 1]. */
  readonly score: number;
  readonly alert: boolean;
}

/**
 * The result for an ordinary point, shared (and frozen) rather than allocated per point: most points score 0,
 * and one object per point was a large share of the garbage collector's work on long series.
 */
export const NOTHING_UNUSUAL: Detection = Object.freeze({ score: 0, alert: false });

/**
 * A causal detector fed one value at a time: each result depends only on the values already fed, so the
 * product can run it on every new collection and get the same answer as a batch run.
 *
 * Four views of "unusual", the score is the largest:
 * - breakout: the value leaves the range of the last `rangeMemory` values by more than `breakoutSpreads`
 *   baseline spreads (see `breakoutToScore`); any such breakout scores at least ½. The margin keeps the
 *   small new records that pure noise keeps setting from alerting.
 * - sustained change: the HTM-style anomaly likelihood of the surprise d / (d + surpriseHalf), where d is
 *   the distance from a robust baseline in spreads (bounded, so one huge spike cannot distort the history).
 * - spike (`residual-spike.ts`): the jump away from the local median is about twice (1 + `spikeMargin`)
 *   the `spikeTailCount`-th largest jump of the last `rangeMemory` observations — a point anomaly inside
 *   the range, judged against how often this series jumps.
 * - stuck (`stuck-run.ts`): the series repeats one value for longer than any run of the last
 *   `rangeMemory` observations (a signal that stops).
 * A value that could alert but lies within (or near) last season's range at this time of day — a nightly
 * job — has its score multiplied by `seasonGate` (0: it is not news; only such values are checked, lower
 * scores are reported unchanged). The stuck view is exempt: a stuck value is by definition one seen before.
 * An alert fires when score ≥ alertThreshold, after the warm-up, and not within `refractory` observations
 * (capped in hours) of the start or continuation of the previous incident: a score at alert level during the
 * refractory period extends it, so a sustained excursion alerts once (NAB and on-call people both want one
 * alert per incident). Inside that period the score is halved, so a threshold sweep sees the same
 * one-alert behaviour.
 */
export class StreamingDetector {
  private readonly range: RangeBreak;
  private readonly baseline: RobustBaseline;
  private readonly likelihood: AnomalyLikelihood;
  private readonly season: SeasonalHistory;
  private readonly spike: ResidualSpike;
  private readonly stuck: StuckRun;
  private seen = 0;
  private firstTimestamp = Number.NaN;
  private sinceAlert = Number.POSITIVE_INFINITY;
  private lastAlertTimestamp = Number.NEGATIVE_INFINITY;

  constructor(private readonly parameters: DetectorParameters, private readonly alertThreshold: number) {
    this.range = new RangeBreak(parameters.rangeMemory);
    this.baseline = new RobustBaseline(parameters.baselineMemory);
    this.likelihood = new AnomalyLikelihood(parameters.surpriseHistoryMemory, parameters.shortAverage);
    this.spike = new ResidualSpike(parameters.spikeTailCount, parameters.rangeMemory, parameters.spikeMargin);
    this.stuck = new StuckRun(parameters.rangeMemory, parameters.stuckMinimumRun, parameters.stuckMargin);
    this.season = new SeasonalHistory(parameters.seasonHours * 3_600_000, parameters.seasonToleranceHours * 3_600_000);
  }

  /**
   * Whether the last `observe` raised an alert (a point with score 0 never reports one). A field rather than a
   * result object, so scanning a series allocates nothing per point.
   */
  alerted = false;

  /** Feeds one value and returns its score in [0, 1]; `alerted` tells whether it alerts. */
  observe(timestamp: number, value: number): number {
    this.alerted = false;
    const margin = this.parameters.breakoutSpreads * this.baseline.currentSpread;
    const breakout = this.range.breakout(value, margin);
    this.range.push(value);
    const deviation = this.baseline.deviation(value);
    this.baseline.update(value);
    const changeScore = this.parameters.changeWeight * this.likelihood.next(deviation / (deviation + this.parameters.surpriseHalf));

    const { spikeWeight, stuckWeight } = this.parameters;
    const spikeScore = spikeWeight > 0 ? spikeWeight * this.spike.next(value) : 0;
    const stuckScore = stuckWeight > 0 ? stuckWeight * this.stuck.next(value) : 0;

    if (this.seen === 0) this.firstTimestamp = timestamp;
    this.seen++;
    this.sinceAlert++;
    let score = Math.max(breakoutToScore(breakout), changeScore, spikeScore);
    // Only a score that could alert is checked against last season (the check scans a window of values).
    if (score >= this.alertThreshold && this.parameters.seasonHours > 0
      && this.season.seenBefore(timestamp, value, this.parameters.seasonSlack)) {
      score *= this.parameters.seasonGate;
    }
    // A stuck signal repeats a value it has shown before by definition: the seasonal check does not apply.
    score = Math.max(score, stuckScore);
    if (this.parameters.seasonHours > 0) this.season.add(timestamp, value);
    if (this.inWarmUp(timestamp)) return 0;
    if (this.inRefractory(timestamp)) {
      // The incident lasts while scores stay at alert level: a sustained excursion alerts once.
      if (score >= this.alertThreshold) this.startIncident(timestamp);
      return score / 2;
    }
    if (score >= this.alertThreshold) {
      this.startIncident(timestamp);
      this.alerted = score !== 0;
    }
    return score;
  }

  private startIncident(timestamp: number): void {
    this.sinceAlert = 0;
    this.lastAlertTimestamp = timestamp;
  }

  private inWarmUp(timestamp: number): boolean {
    return this.seen <= this.parameters.warmUp && timestamp - this.firstTimestamp < this.parameters.warmUpMaxHours * 3_600_000;
  }

  private inRefractory(timestamp: number): boolean {
    return this.sinceAlert <= this.parameters.refractory
      && timestamp - this.lastAlertTimestamp < this.parameters.refractoryMaxHours * 3_600_000;
  }
}

/**
 * Maps a breakout b (in range widths) to a score: 0 inside the range, ½ + ½ · (1 − e^{−b/0.1}) outside,
 * so any breakout reaches ½ (the default alert threshold) and one of half a range width scores ≈ 1.
 */
function breakoutToScore(breakout: number): number {
  return breakout > 0 ? 1 - 0.5 * Math.exp(-breakout / 0.1) : 0;
}
