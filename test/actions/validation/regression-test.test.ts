import { describe, expect, it } from 'vitest';
import { detectRegression, median } from '../../../lambdas/actions/validation/regression-test.js';

/** Deterministic pseudo-noise in [-1, 1) so samples overlap like real latency. */
function noisy(center: number, spread: number, n: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return center + spread * ((state / 2147483648) * 2 - 1);
  });
}

const latency = { minRelativeEffect: 0.25, minAbsoluteEffect: 1 };

describe('detectRegression', () => {
  it('flags latency that doubled after the change', () => {
    const verdict = detectRegression(noisy(4, 1, 60, 1), noisy(8, 1.5, 60, 2), latency);
    expect(verdict.verdict).toBe('regressed');
    expect(verdict.pValue).toBeLessThan(0.01);
    expect(verdict.shift).toBeGreaterThan(3);
  });

  it('passes the same latency distribution after the change', () => {
    const verdict = detectRegression(noisy(4, 1, 60, 3), noisy(4, 1, 60, 4), latency);
    expect(verdict).toMatchObject({ regressed: false, verdict: 'no-regression' });
  });

  it('passes a latency that improved', () => {
    expect(detectRegression(noisy(8, 1, 60, 5), noisy(4, 1, 60, 6), latency).regressed).toBe(false);
  });

  it('passes a statistically clear shift that is too small to matter', () => {
    const verdict = detectRegression(noisy(10, 0.1, 200, 7), noisy(10.3, 0.1, 200, 8), latency);
    expect(verdict.pValue).toBeLessThan(0.01);
    expect(verdict.regressed).toBe(false);
  });

  it('passes a large median shift that noise explains (not significant at α = 0.01)', () => {
    const verdict = detectRegression([0, 0, 0, 0, 0, 10, 10, 10, 10, 10], [0, 0, 0, 0, 10, 10, 10, 10, 10, 10], latency);
    expect(verdict.shift).toBe(5);
    expect(verdict.shift).toBeGreaterThanOrEqual(verdict.requiredShift ?? Infinity);
    expect(verdict.pValue).toBeGreaterThan(0.2);
    expect(verdict.regressed).toBe(false);
  });

  it('reports insufficient data instead of guessing', () => {
    expect(detectRegression([1, 2, 3], noisy(50, 1, 30, 9), latency)).toMatchObject({ regressed: false, verdict: 'insufficient-data', samplesBefore: 3 });
  });

  it('treats a baseline with samples and an after-window without any as a regression when the metric asks for it', () => {
    const baseline = noisy(40, 5, 30, 3);
    expect(detectRegression(baseline, [], { ...latency, missingAfterIsRegression: true })).toMatchObject({ regressed: true, verdict: 'missing-after', samplesAfter: 0 });
    expect(detectRegression(baseline, [], latency)).toMatchObject({ regressed: false, verdict: 'insufficient-data' });
    // Nothing before either: an idle instance, not a regression.
    expect(detectRegression([], [], { ...latency, missingAfterIsRegression: true })).toMatchObject({ regressed: false, verdict: 'insufficient-data' });
  });

  it('refuses an alpha outside (0, 1)', () => {
    expect(() => detectRegression([], [], { ...latency, alpha: 1 })).toThrow(RangeError);
  });
});

describe('median', () => {
  it('averages the middle pair of an even sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});
