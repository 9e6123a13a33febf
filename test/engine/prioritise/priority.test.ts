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

  it('ranks a capacity crossing within 3 days on a $300/month instance above a $5/month saving', () => {
    const addCapacity = priorityScore({ monthlySavingsUsd: 0, confidence: 0.5, performanceRisk: 1, effort: 'medium', urgency: 4, protectedMonthlyUsd: 300 });
    const smallSaving = priorityScore({ monthlySavingsUsd: 5, confidence: 1, performanceRisk: 0, effort: 'low' });
    // (0 + 300 × 4/4) × 0.5 × 0.8 × 0.6 = 72
    expect(addCapacity).toBe(72);
    expect(addCapacity).toBeGreaterThan(smallSaving);
  });

  it('adds the protected value to a negative saving, scaled by urgency', () => {
    // (−20 + 200 × 2/4) × 1 × 1 × 1 = 80
    expect(priorityScore({ monthlySavingsUsd: -20, confidence: 1, performanceRisk: 0, effort: 'low', urgency: 2, protectedMonthlyUsd: 200 })).toBe(80);
  });

  it('scores a $0 investigation with urgency 0 at 0', () => {
    expect(priorityScore({ monthlySavingsUsd: 0, confidence: 0.9, performanceRisk: 0, effort: 'medium', urgency: 0, protectedMonthlyUsd: 500 })).toBe(0);
  });
});
