import { describe, expect, it } from 'vitest';
import { excessiveTimeout } from '../../../../lambdas/engine/rules/lambda/excessive-timeout.js';
import { arm64Candidate } from '../../../../lambdas/engine/rules/lambda/arm64-candidate.js';
import { context, NOW, resource, series, slice } from '../fixtures.js';

// Each threshold just inside and just outside, with literal values (a changed threshold fails here).
const fn = (timeoutSec: number) => resource('lambda:function', 'edge', { memoryMb: 1024, timeoutSec, architecture: 'x86_64', runtime: 'python3.12' });

/** Duration maxima of exactly `maxMs` and `perPeriod` invocations every 5 minutes, on `days` whole UTC days before NOW. */
function maxima(arn: string, maxMs: number, options: { days?: number; invocations?: (t: number) => number } = {}) {
  const opts = { namespace: 'AWS/Lambda', days: options.days };
  const beforeNow = (v: number, t: number) => (t === NOW ? Number.NaN : v);
  return [
    series(arn, 'Duration', 'Maximum', (_, t) => beforeNow(maxMs, t), { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', (_, t) => beforeNow(options.invocations?.(t) ?? 100, t), opts),
  ];
}
const timeoutFlags = (timeoutSec: number, maxMs: number, options: Parameters<typeof maxima>[2] = {}) => {
  const res = fn(timeoutSec);
  return excessiveTimeout.evaluate(slice(res, maxima(res.arn, maxMs, options)), context()).length === 1;
};

describe('lambda/excessive-timeout thresholds', () => {
  it('timeout above 3 × p99.9 (when that exceeds p99.9 + 30 s): p99.9 20 s → 61 s flags, 60 s does not', () => {
    expect(timeoutFlags(61, 20_000)).toBe(true);
    expect(timeoutFlags(60, 20_000)).toBe(false);
  });

  it('timeout above p99.9 + 30 s (when that exceeds 3 × p99.9): p99.9 1 s → 32 s flags, 31 s does not', () => {
    expect(timeoutFlags(32, 1000)).toBe(true);
    expect(timeoutFlags(31, 1000)).toBe(false);
  });

  it('needs 7 observed days: 7 flag, 6 do not', () => {
    expect(timeoutFlags(900, 1000, { days: 7 })).toBe(true);
    expect(timeoutFlags(900, 1000, { days: 6 })).toBe(false);
  });

  it('needs 1,000 invocations in the lookback: 1,000 flag, 999 do not', () => {
    const once = (count: number) => (t: number) => (t === NOW - 3_600_000 ? count : 0);
    expect(timeoutFlags(900, 1000, { invocations: once(1000) })).toBe(true);
    expect(timeoutFlags(900, 1000, { invocations: once(999) })).toBe(false);
  });
});

describe('lambda/arm64-candidate thresholds', () => {
  it('saves at least $1 a month: $1.05 flags, $0.95 does not', () => {
    const res = resource('lambda:function', 'edge', { memoryMb: 1024, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x' });
    const prices = context().prices;
    const perGbSecond = prices.lambdaGbSecondUsd('x86_64') - prices.lambdaGbSecondUsd('arm64');
    // 1 invocation per 5 minutes = 8,760 a month, of `durationMs` at 1 GB
    const metrics = (savingsUsd: number) => {
      const durationMs = (savingsUsd / (8760 * perGbSecond)) * 1000;
      return [
        series(res.arn, 'Duration', 'Average', () => durationMs, { namespace: 'AWS/Lambda', unit: 'Milliseconds' }),
        series(res.arn, 'Invocations', 'Sum', () => 1, { namespace: 'AWS/Lambda' }),
      ];
    };
    const [finding] = arm64Candidate.evaluate(slice(res, metrics(1.05)), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(1.05, 6);
    expect(arm64Candidate.evaluate(slice(res, metrics(0.95)), context())).toEqual([]);
  });
});
