import { describe, expect, it } from 'vitest';
import { arm64Candidate } from '../../../../lambdas/engine/rules/lambda/arm64-candidate.js';
import { arm64Runtime } from '../../../../lambdas/engine/rules/lambda/arm64-runtimes.js';
import { context, resource, series, slice } from '../fixtures.js';

const fn = (config: Record<string, unknown> = {}) =>
  resource('lambda:function', 'orders', { memoryMb: 1024, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x', ...config });

/** 1,000 invocations of `durationMs` every 5 minutes for 14 days. */
function metrics(arn: string, durationMs: number, invocations = 1000) {
  const opts = { namespace: 'AWS/Lambda' };
  return [
    series(arn, 'Duration', 'Average', () => durationMs, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => invocations, opts),
  ];
}

describe('lambda/arm64-candidate', () => {
  it('flags an x86_64 Node.js function and prices the move at 20 % of its observed GB-seconds', () => {
    const res = fn();
    const [finding] = arm64Candidate.evaluate(slice(res, metrics(res.arn, 200)), context());
    // 1,000 × 12 × 730 invocations × 0.2 s × 1 GB = 1,752,000 GB-s a month.
    const gbSeconds = 1000 * 12 * 730 * 0.2;
    expect(finding.proposed).toEqual({ architecture: 'arm64' });
    expect(finding.monthlySavingsUsd).toBeCloseTo(gbSeconds * (0.0000166667 - 0.0000133334), 1);
    expect(finding.evidence.statistics.arm64PriceRatio).toBeCloseTo(0.8, 3);
    expect(finding.performanceRisk).toBe(2);
    expect(finding.effort).toBe('medium');
    expect(finding.automation.executor).toBeNull();
  });

  it('gives bytecode runtimes (Java, .NET) the lower risk of 1', () => {
    const res = fn({ runtime: 'java21' });
    expect(arm64Candidate.evaluate(slice(res, metrics(res.arn, 200)), context())[0].performanceRisk).toBe(1);
  });

  it('passes arm64 functions, go1.x and deprecated runtimes, and functions saving under $1 a month', () => {
    const arm = fn({ architecture: 'arm64' });
    expect(arm64Candidate.evaluate(slice(arm, metrics(arm.arn, 200)), context())).toEqual([]);
    const go = fn({ runtime: 'go1.x' });
    expect(arm64Candidate.evaluate(slice(go, metrics(go.arn, 200)), context())).toEqual([]);
    const old = fn({ runtime: 'python3.7' });
    expect(arm64Candidate.evaluate(slice(old, metrics(old.arn, 200)), context())).toEqual([]);
    const tiny = fn();
    expect(arm64Candidate.evaluate(slice(tiny, metrics(tiny.arn, 20, 1)), context())).toEqual([]);
  });

  it('knows which runtimes run on arm64', () => {
    expect(arm64Runtime('python3.12')?.family).toBe('python');
    expect(arm64Runtime('python3.10')).toBeDefined();
    expect(arm64Runtime('python3.8')).toBeUndefined();
    expect(arm64Runtime('provided.al2023')?.nativeBinaryRisk).toBe(2);
    expect(arm64Runtime('provided')).toBeUndefined();
    expect(arm64Runtime('java8')).toBeUndefined();
    expect(arm64Runtime('java8.al2')?.nativeBinaryRisk).toBe(1);
    expect(arm64Runtime('dotnet8')?.family).toBe('dotnet');
    expect(arm64Runtime('nodejs16.x')).toBeUndefined();
  });
});
