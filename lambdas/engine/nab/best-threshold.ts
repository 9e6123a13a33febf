import type { NabProfile } from './profile.js';
import type { SweptRow } from './sweep.js';

export interface ThresholdScore {
  threshold: number;
  /** Raw score summed over every file at this threshold. */
  score: number;
}

/**
 * The single threshold on anomaly_score that maximises the raw score summed over all files: an exact
 * sweep in the manner of NAB `Sweeper.calcScoreByThreshold`, run over the rows of every file at once.
 * Rows are visited from the highest anomaly score down; lowering the threshold to a row's score turns
 * it into a detection (window rewards keep their maximum, false positives accumulate). This is what NAB's
 * `nab/optimizer.py` `optimizeThreshold` does (it concatenates every file's rows and sorts the
 * thresholds by score, a stable sort, so ties keep the highest threshold — as here). Threshold 1.1
 * means "never alert".
 */
export function bestThreshold(files: readonly (readonly SweptRow[])[], profile: NabProfile): ThresholdScore {
  const points: { score: number; sweep: number; key: string | null }[] = [];
  const windowBest = new Map<string, number>();
  files.forEach((rows, fileIndex) => {
    for (const row of rows) {
      if (row.window === 'probationary') continue;
      const key = row.window === null ? null : `${fileIndex}|${row.window}`;
      if (key !== null) windowBest.set(key, -profile.fnWeight);
      points.push({ score: row.anomalyScore, sweep: row.sweepScore, key });
    }
  });
  points.sort((a, b) => b.score - a.score);
  let total = -profile.fnWeight * windowBest.size;
  let best: ThresholdScore = { threshold: 1.1, score: total };
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (point.key === null) {
      total += point.sweep;
    } else {
      const before = windowBest.get(point.key) as number;
      if (point.sweep > before) {
        windowBest.set(point.key, point.sweep);
        total += point.sweep - before;
      }
    }
    const lastOfThreshold = i + 1 === points.length || points[i + 1].score !== point.score;
    if (lastOfThreshold && total > best.score + 1e-12) best = { threshold: point.score, score: total };
  }
  return best;
}
