import { AnomalyLikelihood } from './anomaly-likelihood.js';
import type { DetectorParameters } from './parameters.js';
import { RangeBreak } from './range-break.js';
import { ResidualSpike } from './residual-spike.js';
import { RobustBaseline } from './robust-baseline.js';
import { SeasonalDeviation } from './seasonal-deviation.js';
import { StuckRun } from './stuck-run.js';
import { nominalStepMs, observationsIn, STEP_SAMPLE } from './time-scale.js';

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

const HOUR_MS = 3_600_000;

/** The views of one series, sized for its step once the step is known. */
interface Views {
  stepMs: number;
  range: RangeBreak;
  baseline: RobustBaseline;
  likelihood: AnomalyLikelihood;
  spike: ResidualSpike;
  seasonal: SeasonalDeviation;
  stuck: StuckRun;
  refractory: number;
}

/**
 * A causal detector fed one value at a time: each result depends only on the values already fed, so the
 * product can run it on every new collection and get the same answer as a batch run.
 *
 * The first `STEP_SAMPLE` values are only collected (score 0: they are inside the warm-up anyway); their timestamps
 * give the series' step, which sizes the memories (`time-scale.ts`), and they are then replayed.
 *
 * Five views of "unusual", the score is the largest:
 * - breakout: the value leaves the range of the memory by more than `breakoutSpreads` baseline spreads
 *   (`breakoutToScore`); any such breakout scores at least ½.
 * - sustained change: the HTM-style anomaly likelihood of the surprise d / (d + surpriseHalf), where d is
 *   the distance from a robust baseline in spreads (bounded, so one huge spike cannot distort the history).
 * - spike (`residual-spike.ts`): the jump away from the local median is rarer than one in 1/α of the series' own
 *   jumps (a tail probability extrapolated from them, α = the false-alarm probability per observation).
 * - seasonal (`seasonal-deviation.ts`): the value is as far from what this time of day and week looked like
 *   as only one in 1/α observations is.
 * - stuck (`stuck-run.ts`): the series repeats one value for longer than any run of the memory.
 * A breakout, change or spike score that could alert but lies within (or near) last season's range at this time of
 * day — a nightly job — is multiplied by `seasonGate` (0: not news). The seasonal and stuck views are exempt (both
 * are about values seen before).
 * An alert fires when score ≥ alertThreshold, after the warm-up, and not within `refractoryHours` (at least
 * `refractoryMinObservations`) of the start or continuation of the previous incident: a score at alert level during
 * the refractory period extends it, so a sustained excursion alerts once (NAB and on-call people both want one
 * alert per incident). Inside that period the score is halved, so a threshold sweep sees the same one-alert
 * behaviour.
 */
export class StreamingDetector {
  private views: Views | null = null;
  private readonly pending: number[] = [];
  private seen = 0;
  private firstTimestamp = Number.NaN;
  private sinceAlert = Number.POSITIVE_INFINITY;

  constructor(private readonly parameters: DetectorParameters, private readonly alertThreshold: number) {}

  /**
   * Whether the last `observe` raised an alert (a point with score 0 never reports one). A field rather than a
   * result object, so scanning a series allocates nothing per point.
   */
  alerted = false;

  /** The series' step in milliseconds, once `STEP_SAMPLE` values were fed (NaN before). */
  get stepMs(): number {
    return this.views?.stepMs ?? Number.NaN;
  }

  /** Feeds one value and returns its score in [0, 1]; `alerted` tells whether it alerts. */
  observe(timestamp: number, value: number): number {
    this.alerted = false;
    if (this.views !== null) return this.score(this.views, timestamp, value);
    this.pending.push(timestamp, value);
    if (this.pending.length < 2 * STEP_SAMPLE) return 0;
    const times = this.pending.filter((_, i) => i % 2 === 0);
    const views = this.createViews(nominalStepMs(times));
    this.views = views;
    let score = 0;
    for (let i = 0; i < this.pending.length; i += 2) score = this.score(views, this.pending[i], this.pending[i + 1]);
    this.pending.length = 0;
    return score;
  }

  private createViews(stepMs: number): Views {
    const p = this.parameters;
    const memory = observationsIn(p.memoryDays * 24, stepMs, p.memoryMinObservations, p.memoryMaxObservations);
    const logAlpha = Math.log(Math.min(0.5, 1 / p.falseAlarmMinObservations, stepMs / (p.falseAlarmDays * 24 * HOUR_MS)));
    return {
      stepMs,
      range: new RangeBreak(memory),
      baseline: new RobustBaseline(p.baselineMemory),
      likelihood: new AnomalyLikelihood(p.surpriseHistoryMemory, p.shortAverage),
      spike: new ResidualSpike(memory, p.tailCount, p.tailMinimumHeld, logAlpha),
      seasonal: new SeasonalDeviation({
        seasonMs: p.seasonHours * HOUR_MS,
        longSeasonMs: p.longSeasonHours * HOUR_MS,
        toleranceMs: Math.max(p.seasonToleranceHours * HOUR_MS, stepMs / 2),
        stepMs,
        memory,
        tailCount: p.tailCount,
        minimumHeld: p.tailMinimumHeld,
        logAlpha,
      }),
      stuck: new StuckRun(memory, p.stuckMinimumRun, p.stuckMargin),
      refractory: observationsIn(p.refractoryHours, stepMs, p.refractoryMinObservations),
    };
  }

  private score(views: Views, timestamp: number, value: number): number {
    const p = this.parameters;
    const breakout = views.range.breakout(value, p.breakoutSpreads * views.baseline.currentSpread);
    views.range.push(value);
    const deviation = views.baseline.deviation(value);
    views.baseline.update(value);
    const changeScore = p.changeWeight > 0 ? p.changeWeight * views.likelihood.next(deviation / (deviation + p.surpriseHalf)) : 0;
    const spikeScore = p.spikeWeight > 0 ? p.spikeWeight * views.spike.next(value) : 0;
    const seasonalScore = p.seasonalWeight * views.seasonal.next(timestamp, value);
    const stuckScore = p.stuckWeight > 0 ? p.stuckWeight * views.stuck.next(value) : 0;

    if (this.seen === 0) this.firstTimestamp = timestamp;
    this.seen++;
    this.sinceAlert++;
    let score = Math.max(breakoutToScore(breakout), changeScore, spikeScore);
    if (score >= this.alertThreshold && views.seasonal.seenBefore(p.seasonSlack)) score *= p.seasonGate;
    // The seasonal and stuck views are about values seen before by definition: the gate does not apply.
    score = Math.max(score, seasonalScore, stuckScore);
    if (this.inWarmUp(timestamp)) return 0;
    if (this.sinceAlert <= views.refractory) {
      // The incident lasts while scores stay at alert level: a sustained excursion alerts once.
      if (score >= this.alertThreshold) this.sinceAlert = 0;
      return score / 2;
    }
    if (score >= this.alertThreshold) {
      this.sinceAlert = 0;
      this.alerted = score !== 0;
    }
    return score;
  }

  private inWarmUp(timestamp: number): boolean {
    const age = timestamp - this.firstTimestamp;
    const p = this.parameters;
    return (this.seen <= p.warmUp || age < p.warmUpMinHours * HOUR_MS) && age < p.warmUpMaxHours * HOUR_MS;
  }
}

/**
 * Maps a breakout b (in range widths) to a score: 0 inside the range, ½ + ½ · (1 − e^{−b/0.1}) outside,
 * so any breakout reaches ½ (the default alert threshold) and one of half a range width scores ≈ 1.
 */
function breakoutToScore(breakout: number): number {
  return breakout > 0 ? 1 - 0.5 * Math.exp(-breakout / 0.1) : 0;
}
