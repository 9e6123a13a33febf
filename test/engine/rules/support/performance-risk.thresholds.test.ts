import { describe, expect, it } from 'vitest';
import { riskFromProjectedUtilisation } from '../../../../lambdas/engine/rules/support/performance-risk.js';

describe('riskFromProjectedUtilisation thresholds', () => {
  it('steps at 50, 65, 85 and 95 % projected peak utilisation (inclusive)', () => {
    expect([50, 50.5].map(riskFromProjectedUtilisation)).toEqual([0, 1]);
    expect([65, 65.5].map(riskFromProjectedUtilisation)).toEqual([1, 2]);
    expect([85, 85.5].map(riskFromProjectedUtilisation)).toEqual([2, 3]);
    expect([95, 95.5].map(riskFromProjectedUtilisation)).toEqual([3, 4]);
    expect([46, 61, 81, 93].map(riskFromProjectedUtilisation)).toEqual([0, 1, 2, 3]);
  });
});
