import type { NabProfile } from './profile.js';

/**
 * NAB's normalised score (numenta/NAB `nab/runner.py`, `normalize`):
 *   100 · (raw − null) / (perfect − null)
 * where, summed over the same files, null = −fnWeight · windows (a detector that never alerts) and
 * perfect = tpWeight · windows (a detection on the first row of every window, no false positive).
 * Example: 30 windows, raw 15 → 100 · (15 + 30) / 60 = 75. Returns NaN when there are no windows.
 */
export function normaliseScore(rawScore: number, windows: number, profile: NabProfile): number {
  const nullScore = -profile.fnWeight * windows;
  const perfectScore = profile.tpWeight * windows;
  if (perfectScore === nullScore) return Number.NaN;
  return (100 * (rawScore - nullScore)) / (perfectScore - nullScore);
}
