import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../../lambdas/shared/store/cache-key.js';

describe('cacheKey', () => {
  it('gives requests that mean the same the same key, whatever their field order or undefined fields', () => {
    const a = cacheKey({ api: 'ce:GetCostAndUsage', request: { Granularity: 'DAILY', TimePeriod: { Start: '2026-09-01', End: '2026-11-30' }, NextPageToken: undefined } });
    const b = cacheKey({ request: { TimePeriod: { End: '2026-11-30', Start: '2026-09-01' }, Granularity: 'DAILY' }, api: 'ce:GetCostAndUsage' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different requests different keys (a date, an array order, a metric)', () => {
    const base = { Metrics: ['UnblendedCost', 'AmortizedCost'], TimePeriod: { Start: '2026-09-01' } };
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, TimePeriod: { Start: '2026-09-02' } }),
      cacheKey({ ...base, Metrics: ['AmortizedCost', 'UnblendedCost'] }),
      cacheKey({ ...base, Metrics: ['UnblendedCost'] }),
    ]);
    expect(keys.size).toBe(4);
  });
});
