import { probationaryLength, type NabProfile } from './profile.js';
import { scaledSigmoid } from './scaled-sigmoid.js';

/** One window as row indices into the file (inclusive). */
export interface WindowRows {
  startIndex: number;
  endIndex: number;
}

/** Where a row sits for scoring: inside the named window, outside every window (null), or not scored. */
export type RowWindow = number | null | 'probationary';

/** A row with the reward NAB gives a detection there (`sweepScore`). */
export interface SweptRow {
  anomalyScore: number;
  /** Weighted reward of a detection at this row (positive in a window, ≤ 0 outside). */
  sweepScore: number;
  /** Window number (0-based, in file order), null outside windows, or 'probationary'. */
  window: RowWindow;
}

export class NabWindowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NabWindowError';
  }
}

/**
 * Converts window timestamps to row indices, the way NAB does with `timestamps.index(...)`: the first
 * row whose timestamp equals the limit. A limit that matches no row is an error (NAB would silently
 * drop the window; we prefer to say so).
 */
export function windowsToRows(timestamps: readonly number[], windows: readonly (readonly [number, number])[]): WindowRows[] {
  return windows.map(([start, end]) => {
    const startIndex = timestamps.indexOf(start);
    const endIndex = timestamps.indexOf(end);
    if (startIndex < 0 || endIndex < 0) {
      const missing = startIndex < 0 ? start : end;
      throw new NabWindowError(`window limit ${new Date(missing).toISOString()} matches no row of the data file`);
    }
    if (endIndex < startIndex) throw new NabWindowError(`window ending ${new Date(end).toISOString()} ends before it starts`);
    return { startIndex, endIndex };
  });
}

/**
 * NAB `Sweeper.calcSweepScore` (numenta/NAB `nab/sweeper.py`, current MIT-licensed version): the reward of a
 * detection at each row.
 *
 * Inside a window of width W whose last row is R, row i is worth
 *   tpWeight · σ(−(R − i + 1) / W) / σ(−1)         (1 at the window's first row, ≈ 0 at its end).
 * Outside windows, row i costs
 *   fpWeight · σ(|R_prev − i| / (W_prev − 1))      (exactly −fpWeight when no window came before),
 * where R_prev, W_prev describe the previous window: an alert just after a window is barely penalised.
 * Rows before `probationaryLength(n)` are marked 'probationary' and never scored.
 * Windows must be sorted and non-overlapping, as NAB's labels are.
 */
export function sweepScores(
  timestamps: readonly number[],
  anomalyScores: readonly number[],
  windows: readonly WindowRows[],
  profile: NabProfile,
): SweptRow[] {
  if (timestamps.length !== anomalyScores.length) {
    throw new NabWindowError(`timestamps (${timestamps.length}) and anomaly scores (${anomalyScores.length}) differ in length`);
  }
  const maxTp = scaledSigmoid(-1.0);
  const probation = probationaryLength(timestamps.length);
  const rows: SweptRow[] = new Array(timestamps.length);
  let next = 0;
  let current: (WindowRows & { id: number }) | null = null;
  let previous: WindowRows | null = null;
  for (let i = 0; i < timestamps.length; i++) {
    if (current === null && next < windows.length && windows[next].startIndex === i) {
      current = { ...windows[next], id: next };
      next++;
    }
    let sweepScore: number;
    if (current !== null) {
      const width = current.endIndex - current.startIndex + 1;
      sweepScore = (scaledSigmoid(-(current.endIndex - i + 1) / width) * profile.tpWeight) / maxTp;
    } else {
      // No window before: NAB charges exactly −1 · fpWeight (not σ(3) ≈ −0.9999994).
      const unweighted = previous === null
        ? -1.0
        : scaledSigmoid(Math.abs(previous.endIndex - i) / (previous.endIndex - previous.startIndex));
      sweepScore = unweighted * profile.fpWeight;
    }
    rows[i] = { anomalyScore: anomalyScores[i], sweepScore, window: i >= probation ? (current?.id ?? null) : 'probationary' };
    if (current !== null && i === current.endIndex) {
      previous = current;
      current = null;
    }
  }
  return rows;
}
