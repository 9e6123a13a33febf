import type { NabProfile } from './profile.js';
import type { SweptRow } from './sweep.js';

/** A file's NAB result at one threshold. */
export interface FileScore {
  /** Raw weighted score: Σ window rewards − Σ false-positive costs. */
  score: number;
  /** Windows with at least one detection. */
  truePositiveWindows: number;
  /** Windows with no detection (each costs fnWeight). */
  missedWindows: number;
  /** Detections outside every window (after the probationary period). */
  falsePositives: number;
  /** Scorable windows in the file. */
  windows: number;
  /** Window numbers (0-based, file order) with no detection. */
  missedWindowIds: number[];
  /** Row indices of the detections outside every window. */
  falsePositiveRows: number[];
}

/**
 * NAB `Sweeper.calcScoreByThreshold` at a single threshold: a row is a detection when
 * anomalyScore ≥ threshold. Each window starts at −fnWeight and takes the largest reward of its
 * detections (the earliest one, as rewards fall through a window); each detection outside windows
 * adds its (negative) sweep score. Probationary rows are ignored.
 */
export function scoreAtThreshold(rows: readonly SweptRow[], threshold: number, profile: NabProfile): FileScore {
  const windowBest = new Map<number, number>();
  let falsePositiveCost = 0;
  const falsePositiveRows: number[] = [];
  rows.forEach((row, index) => {
    if (row.window === 'probationary') return;
    if (row.window !== null && !windowBest.has(row.window)) windowBest.set(row.window, -profile.fnWeight);
    if (row.anomalyScore < threshold) return;
    if (row.window === null) {
      falsePositiveRows.push(index);
      falsePositiveCost += row.sweepScore;
    } else {
      windowBest.set(row.window, Math.max(windowBest.get(row.window) as number, row.sweepScore));
    }
  });
  let windowTotal = 0;
  const missedWindowIds: number[] = [];
  for (const [window, best] of windowBest) {
    windowTotal += best;
    if (best === -profile.fnWeight) missedWindowIds.push(window);
  }
  return {
    score: windowTotal + falsePositiveCost,
    truePositiveWindows: windowBest.size - missedWindowIds.length,
    missedWindows: missedWindowIds.length,
    falsePositives: falsePositiveRows.length,
    windows: windowBest.size,
    missedWindowIds,
    falsePositiveRows,
  };
}
