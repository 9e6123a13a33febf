import { AnomalyLikelihood } from './anomaly-likelihood.js';
import type { DetectorParameters } from './parameters.js';
import { rangeBreakouts } from './range-break.js';
import { ResidualSpike } from './residual-spike.js';
import { RobustBaseline } from './robust-baseline.js';
import { SeasonalDeviation } from './seasonal-deviation.js';
import { inferSignalKind, KIND_HANDLING, type SignalKind } from './signal-kind.js';
import { StuckRun } from './stuck-run.js';
import { nominalStepMs, observationsIn, STEP_SAMPLE } from './time-scale.js';

const HOUR_MS = 3_600_000;

/**
 * Scores a series of finite values (oldest first) causally and returns the positions of its alerts; `scores`
 * receives every value's score in [0, 1]. The score at position i depends only on positions 0..i: every view below
 * reads the past and the present value only, so running this on a prefix gives the prefix's results.
 *
 * The series' step is the median interval of its first `STEP_SAMPLE` timestamps; it sizes every calendar memory
 * (`time-scale.ts`). A series shorter than that is all warm-up (score 0).
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
 *
 * Each view runs over the whole series in its own loop (a view at a time rather than a value at a time): the loops
 * are small enough for the compiler to inline each view's update, which a per-value call of all five is not
 * (measured ×2 faster, docs/anomaly-detection.md).
 */
export function scoreSeries(
  times: Float64Array,
  values: Float64Array,
  parameters: DetectorParameters,
  alertThreshold: number,
  scores: Float64Array,
  kind?: SignalKind,
): number[] {
  const n = values.length;
  scores.fill(0, 0, n);
  if (n < STEP_SAMPLE) return [];
  const p = parameters;
  const stepMs = nominalStepMs(Array.from(times.subarray(0, STEP_SAMPLE)));
  const { memory, logAlpha, refractory } = seriesScale(stepMs, p);
  const warmUp = warmUpLength(times, p);
  const handling = KIND_HANDLING[kind ?? inferSignalKind(values, warmUp) ?? 'count'];

  // Breakout, then the larger of it and the change and spike scores, accumulate in `gated`.
  const gated = new Float64Array(n);
  const below = handling.upOnly ? new Uint8Array(n) : undefined;
  const deviations = baselineAndBreakout(values, memory, p, gated, below);
  if (p.changeWeight > 0) changeScores(deviations, p, gated);
  if (p.spikeWeight > 0) spikeScores(values, new ResidualSpike(memory, p.tailCount, p.tailMinimumHeld, logAlpha), p.spikeWeight, gated);
  const exempt = new Float64Array(n);
  const seen = new Uint8Array(n);
  const seasonal = new SeasonalDeviation({
    seasonMs: p.seasonHours * HOUR_MS,
    longSeasonMs: p.longSeasonHours * HOUR_MS,
    toleranceMs: Math.max(p.seasonToleranceHours * HOUR_MS, stepMs / 2),
    stepMs,
    memory,
    tailCount: p.tailCount,
    minimumHeld: p.tailMinimumHeld,
    logAlpha,
  });
  seasonalScores(times, values, seasonal, p, exempt, seen);
  if (p.stuckWeight > 0 && handling.stuck) stuckScores(values, new StuckRun(memory, p.stuckMinimumRun, p.stuckMargin), p.stuckWeight, exempt);
  return decide({ gated, exempt, seen, below }, warmUp, refractory, p, alertThreshold, scores);
}

/** The sizes a series' step gives its memories (docs/anomaly-detection.md, "Time rule"). */
export interface SeriesScale {
  /** Observations the range, the tails and the stuck view remember. */
  memory: number;
  /** ln α, α the false-alarm probability per observation of each tail-calibrated view. */
  logAlpha: number;
  /** Observations after an alert that belong to the same incident. */
  refractory: number;
}

/**
 * memory = clamp(memoryDays at the step, memoryMinObservations, memoryMaxObservations);
 * α = min(½, 1 / falseAlarmMinObservations, step / falseAlarmDays); refractory = max(refractoryHours at the step,
 * refractoryMinObservations). Example at 5 minutes: 4032, ln(1/25920), 72.
 */
export function seriesScale(stepMs: number, p: DetectorParameters): SeriesScale {
  return {
    memory: observationsIn(p.memoryDays * 24, stepMs, p.memoryMinObservations, p.memoryMaxObservations),
    logAlpha: Math.log(Math.min(0.5, 1 / p.falseAlarmMinObservations, stepMs / (p.falseAlarmDays * 24 * HOUR_MS))),
    refractory: observationsIn(p.refractoryHours, stepMs, p.refractoryMinObservations),
  };
}

/**
 * Breakout scores into `out`; returns each value's distance from the baseline before it, in spreads. `below`, when
 * given, marks the values under that baseline's level.
 */
function baselineAndBreakout(values: Float64Array, memory: number, p: DetectorParameters, out: Float64Array, below?: Uint8Array): Float64Array {
  const n = values.length;
  const deviations = new Float64Array(n);
  const margins = new Float64Array(n);
  const baseline = new RobustBaseline(p.baselineMemory);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    margins[i] = p.breakoutSpreads * baseline.currentSpread;
    if (below !== undefined && i > 0 && x < baseline.currentLevel) below[i] = 1;
    deviations[i] = baseline.deviation(x);
    baseline.update(x);
  }
  rangeBreakouts(values, memory, margins, out);
  for (let i = 0; i < n; i++) out[i] = breakoutToScore(out[i]);
  return deviations;
}

function changeScores(deviations: Float64Array, p: DetectorParameters, out: Float64Array): void {
  const likelihood = new AnomalyLikelihood(p.surpriseHistoryMemory, p.shortAverage);
  const half = p.surpriseHalf;
  const weight = p.changeWeight;
  for (let i = 0; i < deviations.length; i++) {
    const d = deviations[i];
    const score = weight * likelihood.next(d / (d + half));
    if (score > out[i]) out[i] = score;
  }
}

function spikeScores(values: Float64Array, spike: ResidualSpike, weight: number, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const score = weight * spike.next(values[i]);
    if (score > out[i]) out[i] = score;
  }
}

function seasonalScores(
  times: Float64Array,
  values: Float64Array,
  seasonal: SeasonalDeviation,
  p: DetectorParameters,
  out: Float64Array,
  seen: Uint8Array,
): void {
  const weight = p.seasonalWeight;
  const slack = p.seasonSlack;
  for (let i = 0; i < values.length; i++) {
    out[i] = weight * seasonal.next(times[i], values[i]);
    if (seasonal.seenBefore(slack)) seen[i] = 1;
  }
}

function stuckScores(values: Float64Array, stuck: StuckRun, weight: number, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const score = weight * stuck.next(values[i]);
    if (score > out[i]) out[i] = score;
  }
}

/**
 * Values in the warm-up: the first `warmUp` observations and `warmUpMinHours` of history, whichever is longer, but
 * no longer than `warmUpMaxHours`. Returns how many leading values it covers.
 */
function warmUpLength(times: Float64Array, p: DetectorParameters): number {
  const first = times[0];
  let i = 0;
  while (i < times.length) {
    const age = times[i] - first;
    if (!((i < p.warmUp || age < p.warmUpMinHours * HOUR_MS) && age < p.warmUpMaxHours * HOUR_MS)) break;
    i++;
  }
  return i;
}

/** Per-value outputs of the views. */
interface ViewScores {
  /** Largest of the breakout, change and spike scores (subject to the seasonal gate). */
  gated: Float64Array;
  /** Largest of the seasonal and stuck scores (not gated). */
  exempt: Float64Array;
  /** 1 where the value lay within last season's range at this time. */
  seen: Uint8Array;
  /** For an up-only kind: 1 where the value lay below the baseline (cannot alert). */
  below?: Uint8Array;
}

/**
 * Combines the views, applies the seasonal gate, the warm-up (the first `warmUp` values score 0) and the refractory
 * period; writes `scores` and returns the alert positions.
 */
function decide(views: ViewScores, warmUp: number, refractory: number, p: DetectorParameters, alertThreshold: number, scores: Float64Array): number[] {
  const { gated, exempt, seen, below } = views;
  const alerts: number[] = [];
  let sinceAlert = Number.POSITIVE_INFINITY;
  for (let i = 0; i < gated.length; i++) {
    sinceAlert++;
    if (i < warmUp) continue;
    let score = gated[i];
    if (score >= alertThreshold && seen[i] === 1) score *= p.seasonGate;
    if (exempt[i] > score) score = exempt[i];
    if (below !== undefined && below[i] === 1) score = 0;
    if (sinceAlert <= refractory) {
      // The incident lasts while scores stay at alert level: a sustained excursion alerts once.
      if (score >= alertThreshold) sinceAlert = 0;
      scores[i] = score / 2;
      continue;
    }
    scores[i] = score;
    if (score >= alertThreshold) {
      sinceAlert = 0;
      if (score !== 0) alerts.push(i);
    }
  }
  return alerts;
}

/**
 * Maps a breakout b (in range widths) to a score: 0 inside the range, ½ + ½ · (1 − e^{−b/0.1}) outside,
 * so any breakout reaches ½ (the default alert threshold) and one of half a range width scores ≈ 1.
 */
function breakoutToScore(breakout: number): number {
  return breakout > 0 ? 1 - 0.5 * Math.exp(-breakout / 0.1) : 0;
}
