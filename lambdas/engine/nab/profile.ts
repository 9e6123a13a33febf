/**
 * NAB cost profile: the weight of a true positive, a false positive and a missed window.
 * Values from numenta/NAB `config/profiles.json` ("standard" profile).
 */
export interface NabProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export const STANDARD_PROFILE: NabProfile = Object.freeze({ tpWeight: 1.0, fpWeight: 0.11, fnWeight: 1.0 });

/** Fraction of each file NAB treats as a probationary warm-up (not scored), capped at 0.15 × 5000 = 750 rows. */
export const PROBATION_PERCENT = 0.15;

/**
 * Number of leading rows not scored: min(floor(0.15 · n), 0.15 · 5000), as NAB `Sweeper._getProbationaryLength`.
 * Example: probationaryLength(4032) = 604; probationaryLength(10000) = 750.
 */
export function probationaryLength(rowCount: number): number {
  return Math.min(Math.floor(PROBATION_PERCENT * rowCount), PROBATION_PERCENT * 5000);
}
