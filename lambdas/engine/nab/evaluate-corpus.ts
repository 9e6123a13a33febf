import { bestThreshold } from './best-threshold.js';
import { scoreAtThreshold, type FileScore } from './file-score.js';
import { normaliseScore } from './normalise.js';
import { STANDARD_PROFILE, type NabProfile } from './profile.js';
import { sweepScores, windowsToRows, type SweptRow } from './sweep.js';

/** One data file's detector output and its labelled windows, all as epoch milliseconds. */
export interface NabFileInput {
  /** `<category>/<file>.csv`, the key used by NAB's labels. */
  key: string;
  category: string;
  timestamps: readonly number[];
  anomalyScores: readonly number[];
  alerts: readonly boolean[];
  windows: readonly (readonly [number, number])[];
}

export interface NabScoreLine {
  score: FileScore;
  /** NAB normalised score (NaN when there is no window to find). */
  normalised: number;
}

export interface NabReport {
  files: (NabScoreLine & { key: string; category: string })[];
  categories: (NabScoreLine & { category: string })[];
  /** All files at the detector's own alerts (its default sensitivity). */
  overall: NabScoreLine;
  /** All files at the single anomaly_score threshold that maximises the summed raw score. */
  best: { threshold: number; rawScore: number; normalised: number };
}

/**
 * Scores a detector over a NAB corpus. At default sensitivity the `alert` column is the detection; the
 * best-threshold line instead thresholds `anomaly_score`. Raw scores are summed over files before
 * normalising, as NAB does for its per-category and overall results.
 */
export function evaluateCorpus(inputs: readonly NabFileInput[], profile: NabProfile = STANDARD_PROFILE): NabReport {
  const swept: SweptRow[][] = [];
  const files = inputs.map((input) => {
    const windows = windowsToRows(input.timestamps, input.windows);
    swept.push(sweepScores(input.timestamps, input.anomalyScores, windows, profile));
    const alertRows = sweepScores(input.timestamps, input.alerts.map((alert) => (alert ? 1 : 0)), windows, profile);
    const score = scoreAtThreshold(alertRows, 1, profile);
    return { key: input.key, category: input.category, score, normalised: normaliseScore(score.score, score.windows, profile) };
  });
  const line = (scores: FileScore[]): NabScoreLine => {
    const score = sumScores(scores);
    return { score, normalised: normaliseScore(score.score, score.windows, profile) };
  };
  const categoryNames = [...new Set(files.map((file) => file.category))].sort();
  const categories = categoryNames.map((category) => ({
    category,
    ...line(files.filter((file) => file.category === category).map((file) => file.score)),
  }));
  const windowCount = files.reduce((total, file) => total + file.score.windows, 0);
  const best = bestThreshold(swept, profile);
  return {
    files,
    categories,
    overall: line(files.map((file) => file.score)),
    best: { threshold: best.threshold, rawScore: best.score, normalised: normaliseScore(best.score, windowCount, profile) },
  };
}

/** Sums counts and raw scores; the per-file row and window lists are not carried into sums. */
function sumScores(scores: readonly FileScore[]): FileScore {
  const total: FileScore = { score: 0, truePositiveWindows: 0, missedWindows: 0, falsePositives: 0, windows: 0, missedWindowIds: [], falsePositiveRows: [] };
  for (const score of scores) {
    total.score += score.score;
    total.truePositiveWindows += score.truePositiveWindows;
    total.missedWindows += score.missedWindows;
    total.falsePositives += score.falsePositives;
    total.windows += score.windows;
  }
  return total;
}
