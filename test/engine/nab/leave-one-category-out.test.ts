import { describe, expect, it } from 'vitest';
import { leaveOneCategoryOut } from '../../../lambdas/engine/nab/leave-one-category-out.js';
import { STANDARD_PROFILE } from '../../../lambdas/engine/nab/profile.js';

const candidate = (label: string, raws: Record<string, [number, number]>) => ({
  label,
  categories: new Map(Object.entries(raws).map(([category, [raw, windows]]) => [category, { raw, windows }])),
});

describe('leaveOneCategoryOut', () => {
  it('scores each category with the candidate chosen on the others, so a fit to one category does not count', () => {
    const results = leaveOneCategoryOut(
      [
        candidate('general', { a: [5, 10], b: [5, 10], quiet: [0, 0] }),
        candidate('fits a', { a: [9, 10], b: [2, 10], quiet: [-0.5, 0] }),
      ],
      STANDARD_PROFILE,
    );
    // Holding out a, the others prefer "general" (5 > 1.5): a scores 100 · (5 + 10) / 20 = 75, not the fitted 95.
    expect(results).toEqual([
      { heldOut: 'a', chosen: 'general', heldOutScore: 75 },
      { heldOut: 'b', chosen: 'fits a', heldOutScore: 60 },
    ]);
  });

  it('keeps the earlier candidate on a tie and skips categories without windows', () => {
    const results = leaveOneCategoryOut([candidate('first', { a: [1, 2], b: [1, 2] }), candidate('second', { a: [1, 2], b: [1, 2] })], STANDARD_PROFILE);
    expect(results.map((r) => r.chosen)).toEqual(['first', 'first']);
    expect(leaveOneCategoryOut([], STANDARD_PROFILE)).toEqual([]);
  });
});
