import { describe, expect, it } from 'vitest';
import { conformalOffsets, effectiveSampleSize } from '../../../lambdas/engine/forecast/conformal.js';

/** Seeded uniform (0, 1) (Park–Miller). */
function uniform(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** Residuals of `origins` origins × `span` leads: a per-origin shift of size `shift` plus noise. */
function residuals(span: number, origins: number, shift: number, seed: number): Float64Array {
  const random = uniform(seed);
  const out = new Float64Array(span * origins);
  for (let k = 0; k < origins; k++) {
    const offset = shift * (random() - 0.5);
    for (let i = 0; i < span; i++) out[k * span + i] = offset + (random() - 0.5);
  }
  return out;
}

function coverage(offsets: { lower: Float64Array; upper: Float64Array }, fresh: Float64Array, span: number): number {
  let inside = 0;
  fresh.forEach((r, index) => {
    if (r >= offsets.lower[index % span] && r <= offsets.upper[index % span]) inside++;
  });
  return inside / fresh.length;
}

describe('conformalOffsets', () => {
  it('covers about 80 % of fresh residuals from the same process', () => {
    const span = 48;
    const offsets = conformalOffsets({ span, origins: 20, residuals: residuals(span, 20, 0, 1) }, 0.8);
    expect(offsets.widening).toBeGreaterThan(0.9);
    expect(offsets.widening).toBeLessThan(1.15);
    const covered = coverage(offsets, residuals(span, 200, 0, 2), span);
    expect(covered).toBeGreaterThan(0.76);
    expect(covered).toBeLessThan(0.86);
  });

  it('widens past the pooled quantiles when whole origins are off together', () => {
    const span = 48;
    const shifted = residuals(span, 8, 6, 3);
    const offsets = conformalOffsets({ span, origins: 8, residuals: shifted }, 0.8);
    expect(offsets.widening).toBeGreaterThan(1);
    expect(offsets.effectiveResiduals).toBeLessThan(48);
    expect(coverage(offsets, residuals(span, 400, 6, 4), span)).toBeGreaterThan(0.74);
  });

  it('ignores unobserved (NaN) residuals and keeps skew', () => {
    const span = 24;
    const skewed = residuals(span, 12, 0, 5).map((r) => (r > 0 ? 10 * r : r));
    for (let i = 0; i < skewed.length; i += 3) skewed[i] = Number.NaN;
    const offsets = conformalOffsets({ span, origins: 12, residuals: skewed }, 0.8);
    for (let i = 0; i < span; i++) {
      expect(Number.isFinite(offsets.lower[i]) && Number.isFinite(offsets.upper[i])).toBe(true);
      expect(offsets.upper[i]).toBeGreaterThan(3 * -offsets.lower[i]);
    }
  });

  it('gives a zero-width interval when every residual is zero', () => {
    const offsets = conformalOffsets({ span: 10, origins: 7, residuals: new Float64Array(70) }, 0.8);
    expect(Array.from(offsets.lower)).toEqual(new Array(10).fill(0));
    expect(Array.from(offsets.upper)).toEqual(new Array(10).fill(0));
  });
});

describe('effectiveSampleSize', () => {
  it('is the residual count when origins do not cluster and the origin count when they do', () => {
    const span = 10;
    const mixed = Float64Array.from({ length: 4 * span }, (_, index) => (index % 2 === 0 ? 0 : 2));
    expect(effectiveSampleSize(mixed, span, 4, 1)).toBe(40);
    const clustered = Float64Array.from({ length: 4 * span }, (_, index) => (Math.floor(index / span) % 2 === 0 ? 0 : 2));
    expect(effectiveSampleSize(clustered, span, 4, 1)).toBeCloseTo(4, 12);
  });
});
