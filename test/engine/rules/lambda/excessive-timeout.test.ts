import { describe, expect, it } from 'vitest';
import { excessiveTimeout } from '../../../../lambdas/engine/rules/lambda/excessive-timeout.js';
import { context, DAY_MS, noise, resource, series, slice } from '../fixtures.js';

const fn = (timeoutSec: number) => resource('lambda:function', 'worker', { memoryMb: 1024, timeoutSec, architecture: 'x86_64', runtime: 'python3.12' });

/** Duration maxima around `maxMs` (± 25 %), 100 invocations per 5 minutes. */
function metrics(arn: string, maxMs: number, options: { days?: number; seed?: number; now?: number } = {}) {
  const rand = noise(options.seed ?? 7);
  const opts = { namespace: 'AWS/Lambda', days: options.days };
  return [
    series(arn, 'Duration', 'Maximum', () => maxMs * (0.75 + rand() * 0.5), { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => 100, opts),
  ];
}

describe('lambda/excessive-timeout', () => {
  it('flags a 900 s timeout on a function whose p99.9 is ~2.5 s and proposes 2 × p99.9', () => {
    const res = fn(900);
    const [finding] = excessiveTimeout.evaluate(slice(res, metrics(res.arn, 2000)), context());
    const p999 = finding.evidence.statistics.p99_9DurationMs as number;
    expect(p999).toBeGreaterThan(2400);
    expect(p999).toBeLessThanOrEqual(2500);
    expect(finding.proposed).toEqual({ timeoutSec: Math.max(Math.ceil((2 * p999) / 1000), Math.ceil((1.2 * (finding.evidence.statistics.maxDurationMs as number)) / 1000)) });
    expect(finding.monthlySavingsUsd).toBe(0);
    expect(finding.evidence.statistics.runawayInvocationCostCutUsd as number).toBeGreaterThan(0);
    expect(finding.automation.executor).toBeNull();
  });

  it('passes a timeout within max(3 × p99.9, p99.9 + 30 s)', () => {
    const res = fn(30);
    expect(excessiveTimeout.evaluate(slice(res, metrics(res.arn, 2000)), context())).toEqual([]);
  });

  it('needs a week of data', () => {
    const res = fn(900);
    expect(excessiveTimeout.evaluate(slice(res, metrics(res.arn, 2000, { days: 5 })), context())).toEqual([]);
  });

  it('keeps its id when the run time and the series values change', () => {
    const res = fn(900);
    const first = excessiveTimeout.evaluate(slice(res, metrics(res.arn, 2000, { seed: 1 })), context())[0];
    const later = excessiveTimeout.evaluate(slice(res, metrics(res.arn, 2600, { seed: 99 })), context({ now: Date.UTC(2026, 10, 15) + DAY_MS / 2 }))[0];
    expect(later.proposed).not.toEqual(first.proposed);
    expect(later.id).toBe(first.id);
  });
});
