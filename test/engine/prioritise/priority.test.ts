import { describe, expect, it } from 'vitest';
import { priorityScore } from '../../../lambdas/engine/prioritise/priority.js';

describe('priorityScore', () => {
  it('is savings × confidence × (1 − risk/5) × effort weight', () => {
    expect(priorityScore({ monthlySavingsUsd: 100, confidence: 0.9, performanceRisk: 1, effort: 'low' })).toBe(72);
    expect(priorityScore({ monthlySavingsUsd: 100, confidence: 1, performanceRisk: 4, effort: 'medium' })).toBe(12);
    expect(priorityScore({ monthlySavingsUsd: 100, confidence: 1, performanceRisk: 0, effort: 'high' })).toBe(30);
  });

  it('ranks risky and uncertain savings below safe ones of the same size', () => {
    const safe = priorityScore({ monthlySavingsUsd: 50, confidence: 1, performanceRisk: 0, effort: 'low' });
    const risky = priorityScore({ monthlySavingsUsd: 50, confidence: 1, performanceRisk: 3, effort: 'low' });
    const unsure = priorityScore({ monthlySavingsUsd: 50, confidence: 0.3, performanceRisk: 0, effort: 'low' });
    expect(safe).toBeGreaterThan(risky);
    expect(safe).toBeGreaterThan(unsure);
  });
});
