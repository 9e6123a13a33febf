import { z } from 'zod';
import { DEFAULT_PARAMETERS, type DetectorParameters } from './parameters.js';
import { scoreSeries } from './score-series.js';
import { SignalKindSchema } from './signal-kind.js';

/**
 * Default sensitivity in [0, 1]: one setting for every metric. Higher means more alerts; the alert
 * threshold on the anomaly score is 1 − sensitivity.
 */
export const DEFAULT_SENSITIVITY = 0.5;

export const DetectOptionsSchema = z.object({
  sensitivity: z.number().min(0).max(1).optional(),
  /** What the series measures (`signal-kind.ts`), when known; otherwise inferred from its first values. */
  kind: SignalKindSchema.optional(),
});

export type DetectOptions = z.infer<typeof DetectOptionsSchema> & {
  /** For experiments and tests only; the product always uses the defaults. */
  parameters?: Partial<DetectorParameters>;
};

export interface Detection {
  /** Anomaly score in [0, 1]. */
  readonly score: number;
  readonly alert: boolean;
}

/**
 * The result for an ordinary point, shared (and frozen) rather than allocated per point: most points score 0,
 * and one object per point was a large share of the garbage collector's work on long series.
 */
const NOTHING_UNUSUAL: Detection = Object.freeze({ score: 0, alert: false });

export interface SeriesPoint {
  /** Epoch milliseconds. Only the order of points matters to the detector; steps may be irregular. */
  timestamp: number;
  value: number | null;
}

/** One alert of `detectAlerts`: the position of the point in the series and its anomaly score. */
export interface DetectorAlert {
  index: number;
  score: number;
}

/**
 * Scores every point of a series for anomalies, causally: result t depends only on points 0..t.
 * Returns one `{ score, alert }` per input point, same order. A point whose value is null or not
 * finite gets score 0 and no alert and is not fed to the detector (a gap, not a zero).
 * Points are taken in the given order; repeated timestamps are simply consecutive observations.
 * For `headroom detect` and the NAB evaluation, which print every row; the analysis wants only the alerts
 * (`detectAlerts`, same loop, same decisions).
 */
export function detectAnomalies(points: readonly SeriesPoint[], options: DetectOptions = {}): Detection[] {
  const scores = new Float64Array(points.length);
  const alerts = scanSeries(points.map((p) => p.timestamp), points.map((p) => p.value), options, scores);
  const detections: Detection[] = new Array<Detection>(points.length);
  let next = 0;
  for (let i = 0; i < points.length; i++) {
    const alert = next < alerts.length && alerts[next].index === i;
    if (alert) next++;
    detections[i] = scores[i] === 0 ? NOTHING_UNUSUAL : { score: scores[i], alert };
  }
  return detections;
}

/**
 * The alerts of the same detector over a series given as two parallel arrays (epoch-ms timestamps, values;
 * null or non-finite values are gaps), oldest first, without an object per point: the analysis runs it
 * over tens of millions of points and keeps a handful. Same decisions as `detectAnomalies`.
 */
export function detectAlerts(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number | null>,
  options: DetectOptions = {},
): DetectorAlert[] {
  return scanSeries(timestamps, values, options);
}

/**
 * Whether every finite value is the same (many error and throttle counts are all zero). Such a series cannot alert,
 * whatever the parameters, so scanning it is skipped: nothing breaks out of a range of one value, the deviation from
 * the baseline and so the surprise stay 0, every jump away from the local median and every distance from last
 * season's range is 0 and never above the tail of earlier ones (tail-probability.ts scores only values above its
 * threshold, itself ≥ 0), and a run that began with the series is never beaten by six times its own length of
 * history (stuck-run.ts) — every score is 0.
 */
function isConstant(values: ArrayLike<number | null>): boolean {
  let first: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || !Number.isFinite(value)) continue;
    if (first === undefined) first = value;
    else if (value !== first) return false;
  }
  return true;
}

/**
 * The one scan behind both: checks the options and that the arrays are parallel, scores the finite values in order
 * (a constant series is skipped: it cannot alert) and returns the alerts at their positions in the input; `scores`,
 * when given, receives every point's score (left 0 at gaps).
 */
function scanSeries(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number | null>,
  options: DetectOptions,
  scores?: Float64Array,
): DetectorAlert[] {
  if (timestamps.length !== values.length) {
    throw new RangeError(`A series needs one value per timestamp; got ${timestamps.length} timestamps and ${values.length} values.`);
  }
  const { sensitivity = DEFAULT_SENSITIVITY, kind } = DetectOptionsSchema.parse({ sensitivity: options.sensitivity, kind: options.kind });
  if (scores === undefined && isConstant(values)) return [];
  const positions: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && Number.isFinite(value)) positions.push(i);
  }
  const finiteTimes = new Float64Array(positions.length);
  const finiteValues = new Float64Array(positions.length);
  for (let j = 0; j < positions.length; j++) {
    finiteTimes[j] = timestamps[positions[j]];
    finiteValues[j] = values[positions[j]] as number;
  }
  const finiteScores = new Float64Array(positions.length);
  const alertAt = scoreSeries(finiteTimes, finiteValues, { ...DEFAULT_PARAMETERS, ...options.parameters }, 1 - sensitivity, finiteScores, kind);
  if (scores !== undefined) for (let j = 0; j < positions.length; j++) scores[positions[j]] = finiteScores[j];
  return alertAt.map((j) => ({ index: positions[j], score: finiteScores[j] }));
}
