import { describe, expect, it } from 'vitest';
import { normaliseScore } from '../../../lambdas/engine/nab/normalise.js';
import { STANDARD_PROFILE } from '../../../lambdas/engine/nab/profile.js';

describe('normaliseScore', () => {
  it('maps the null detector to 0 and the perfect one to 100', () => {
    expect(normaliseScore(-30, 30, STANDARD_PROFILE)).toBe(0);
    expect(normaliseScore(30, 30, STANDARD_PROFILE)).toBe(100);
    expect(normaliseScore(15, 30, STANDARD_PROFILE)).toBe(75);
  });

  it('is NaN without windows', () => {
    expect(normaliseScore(-0.22, 0, STANDARD_PROFILE)).toBeNaN();
  });
});
