import { describe, expect, it } from 'vitest';
import { memorySize } from '../../../../lambdas/engine/rules/lambda/memory-size.js';
import { context, resource, series, slice } from '../fixtures.js';

// Each threshold just inside and just outside, with literal values (a changed threshold fails here). The duration
// model (duration-model.ts): d(to) = d(from) × ((1 − f) + f × share(from) / share(to)), share(m) = min(m, 1769) / 1769.
const fn = (memoryMb: number, timeoutSec = 30) =>
  resource('lambda:function', 'edge', { memoryMb, timeoutSec, architecture: 'x86_64', runtime: 'nodejs22.x' });

/** `perPeriod` invocations of `durationMs` (p99 1.5 ×) every 5 minutes; Lambda Insights peak memory and CPU time. */
function metrics(arn: string, durationMs: number, maxMemoryMb: number, cpuMs: number, perPeriod = 1000) {
  const opts = { namespace: 'AWS/Lambda' };
  return [
    series(arn, 'Duration', 'Average', () => durationMs, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Duration', 'p99', () => durationMs * 1.5, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => perPeriod, opts),
    series(arn, 'used_memory_max', 'Maximum', () => maxMemoryMb, { namespace: 'LambdaInsights' }),
    series(arn, 'cpu_total_time', 'Average', () => cpuMs, { namespace: 'LambdaInsights' }),
  ];
}

function proposedMb(memoryMb: number, durationMs: number, maxMemoryMb: number, cpuMs: number, options: { timeoutSec?: number; perPeriod?: number } = {}) {
  const res = fn(memoryMb, options.timeoutSec);
  const [finding] = memorySize.evaluate(slice(res, metrics(res.arn, durationMs, maxMemoryMb, cpuMs, options.perPeriod)), context());
  return finding?.proposed.memoryMb as number | undefined;
}

describe('lambda/memory-size thresholds', () => {
  it('p99 may grow at most 10 %: 1,024 → 512 MB at f = 0.099 (9.9 % slower), not at f = 0.101', () => {
    // growth at 512 MB = f × (2 − 1) = f; 640 MB: f × 0.6
    expect(proposedMb(1024, 200, 100, 19.8)).toBe(512);
    expect(proposedMb(1024, 200, 100, 20.2)).toBe(640);
  });

  it('projected p99 stays under 80 % of the timeout: p99 7.9 s of 10 s goes down, 8.1 s does not', () => {
    // I/O bound (f = 0): no size changes the duration; p99 = 1.5 × average
    expect(proposedMb(1024, 7900 / 1.5, 100, 0, { timeoutSec: 10 })).toBe(128);
    expect(proposedMb(1024, 8100 / 1.5, 100, 0, { timeoutSec: 10 })).toBeUndefined();
  });

  it('saves at least 5 %: 809 → 768 MB (5.07 %) is proposed, 808 → 768 MB (4.95 %) is not', () => {
    // peak 600 MB × 1.2 = 720 MB: 768 is the only smaller size; f = 0, so cost ∝ memory
    expect(proposedMb(809, 200, 600, 0)).toBe(768);
    expect(proposedMb(808, 200, 600, 0)).toBeUndefined();
  });

  it('saves at least $1 a month: $1.05 is proposed, $0.95 is not', () => {
    // 1 invocation per 5 minutes = 8,760 a month; 1,024 → 128 MB at f = 0 saves 7/8 of the compute cost
    const gbSecond = context().prices.lambdaGbSecondUsd('x86_64');
    const durationFor = (savingsUsd: number) => (savingsUsd / (8760 * (7 / 8) * gbSecond)) * 1000;
    expect(proposedMb(1024, durationFor(1.05), 100, 0, { perPeriod: 1 })).toBe(128);
    expect(proposedMb(1024, durationFor(0.95), 100, 0, { perPeriod: 1 })).toBeUndefined();
  });

  it('a larger size must cut p99 by 20 %: 1,400 → 1,769 MB (20.9 %) is proposed, 1,430 → 1,769 MB (19.2 %) is not', () => {
    // fully CPU-bound (f = 1): cost is flat up to 1,769 MB; peak memory rules out smaller sizes
    expect(proposedMb(1400, 200, 1300, 200)).toBe(1769);
    expect(proposedMb(1430, 200, 1300, 200)).toBeUndefined();
  });

  it('a larger size may cost at most 1 % more: 1,024 → 1,769 MB at +0.95 % is proposed, at +1.05 % 1,536 MB instead', () => {
    // cost growth at s = (1 − f) × (s − 1024) / 1024: at 1,769 MB (1 − f) × 0.7275; peak 900 MB rules out smaller sizes
    const fFor = (growth: number) => 1 - growth / ((1769 - 1024) / 1024);
    expect(proposedMb(1024, 200, 900, 200 * fFor(0.0095))).toBe(1769);
    expect(proposedMb(1024, 200, 900, 200 * fFor(0.0105))).toBe(1536);
  });
});
