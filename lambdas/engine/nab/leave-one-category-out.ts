import { normaliseScore } from './normalise.js';
import type { NabProfile } from './profile.js';

/** One candidate configuration's raw NAB score and window count per category. */
export interface CandidateScores {
  label: string;
  categories: ReadonlyMap<string, { raw: number; windows: number }>;
}

export interface HeldOutResult {
  heldOut: string;
  /** The candidate that scores best on every other category together. */
  chosen: string;
  /** Its normalised score on the held-out category. */
  heldOutScore: number;
}

/**
 * Leave-one-category-out validation of a choice among configurations: for each category with windows, pick the
 * candidate whose raw score summed over all the other categories is highest (a category without windows, such as
 * NAB's artificialNoAnomaly, still counts its false positives), then report how that candidate scores on the one
 * held out. A parameter that only fits one category shows up as a held-out score below the in-sample one.
 * Ties go to the earlier candidate, so list the current default first.
 */
export function leaveOneCategoryOut(candidates: readonly CandidateScores[], profile: NabProfile): HeldOutResult[] {
  if (candidates.length === 0) return [];
  const categories = [...candidates[0].categories.keys()].sort();
  const results: HeldOutResult[] = [];
  for (const heldOut of categories) {
    const held = candidates[0].categories.get(heldOut);
    if (held === undefined || held.windows === 0) continue;
    let best = candidates[0];
    let bestRaw = Number.NEGATIVE_INFINITY;
    for (const candidate of candidates) {
      let raw = 0;
      for (const [category, score] of candidate.categories) if (category !== heldOut) raw += score.raw;
      if (raw > bestRaw + 1e-12) {
        bestRaw = raw;
        best = candidate;
      }
    }
    const score = best.categories.get(heldOut) as { raw: number; windows: number };
    results.push({ heldOut, chosen: best.label, heldOutScore: normaliseScore(score.raw, score.windows, profile) });
  }
  return results;
}
