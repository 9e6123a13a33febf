import { describe, expect, it } from 'vitest';
import { clampRisk, riskFromProjectedUtilisation } from '../../../../lambdas/engine/rules/support/performance-risk.js';
import { dataConfidence } from '../../../../lambdas/engine/rules/support/confidence.js';

describe('riskFromProjectedUtilisation', () => {
  it('maps projected peak utilisation to the 0–4 scale', () => {
    expect([10, 50, 60, 80, 90, 99].map(riskFromProjectedUtilisation)).toEqual([0, 0, 1, 2, 3, 4]);
    expect(clampRisk(7)).toBe(4);
    expect(clampRisk(-1)).toBe(0);
  });
});

describe('dataConfidence', () => {
  it('multiplies coverage by the share of the lookback observed', () => {
    expect(dataConfidence(1, 14, 14)).toBe(1);
    expect(dataConfidence(0.5, 7, 14)).toBe(0.25);
    expect(dataConfidence(2, 30, 14)).toBe(1);
  });
});
