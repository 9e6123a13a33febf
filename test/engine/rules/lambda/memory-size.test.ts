import { describe, expect, it } from 'vitest';
import { memorySize } from '../../../../lambdas/engine/rules/lambda/memory-size.js';
import { projectDurationMs } from '../../../../lambdas/engine/rules/lambda/duration-model.js';
import { context, resource, series, slice } from '../fixtures.js';

const fn = (config: Record<string, unknown> = {}) =>
  resource('lambda:function', 'orders', { memoryMb: 1024, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x', ...config });

/** 1,000 invocations per 5 minutes of `durationMs`, optional Lambda Insights memory and CPU time. */
function metrics(arn: string, durationMs: number, insights: { maxMemoryMb?: number; cpuMs?: number } = {}) {
  const opts = { namespace: 'AWS/Lambda' };
  const list = [
    series(arn, 'Duration', 'Average', () => durationMs, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Duration', 'p99', () => durationMs * 1.5, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => 1000, opts),
    series(arn, 'Errors', 'Sum', () => 0, opts),
    series(arn, 'Throttles', 'Sum', () => 0, opts),
  ];
  if (insights.maxMemoryMb !== undefined) list.push(series(arn, 'used_memory_max', 'Maximum', () => insights.maxMemoryMb ?? 0, { namespace: 'LambdaInsights' }));
  if (insights.cpuMs !== undefined) list.push(series(arn, 'cpu_total_time', 'Average', () => insights.cpuMs ?? 0, { namespace: 'LambdaInsights' }));
  return list;
}

describe('projectDurationMs', () => {
  it('scales only the CPU-bound share, inversely with memory below 1,769 MB and flat above', () => {
    expect(projectDurationMs(400, 1024, 512, 0.25)).toBeCloseTo(500, 6);
    expect(projectDurationMs(400, 1024, 512, 0)).toBe(400);
    expect(projectDurationMs(400, 2048, 4096, 1)).toBe(400);
  });
});

describe('lambda/memory-size', () => {
  it('flags an I/O-bound function using little memory and proposes a smaller size', () => {
    const res = fn();
    const [finding] = memorySize.evaluate(slice(res, metrics(res.arn, 200, { maxMemoryMb: 120, cpuMs: 4 })), context());
    const proposedMb = finding.proposed.memoryMb as number;
    expect(proposedMb).toBeLessThan(1024);
    expect(proposedMb).toBeGreaterThanOrEqual(144); // 120 MB × 1.2 headroom
    expect(finding.monthlySavingsUsd).toBeGreaterThan(0);
    expect(finding.evidence.statistics.projectedP99DurationMs as number).toBeLessThanOrEqual(300 * 1.1);
    expect(finding.automation.executor).toBe('lambda-memory');
    // Compute at 1024 MB: 1000 × 288 × 14 invocations over 14 days → 730 h month; 0.2 s × 1 GB × $0.0000166667
    const monthlyInvocations = 1000 * 12 * 730;
    expect(finding.evidence.statistics.currentMonthlyComputeUsd).toBeCloseTo(monthlyInvocations * 0.2 * 0.0000166667, 0);
  });

  it('never shrinks a fully CPU-bound function (smaller is as expensive and slower): only the free speed-up to one vCPU', () => {
    const res = fn();
    const findings = memorySize.evaluate(slice(res, metrics(res.arn, 200, { maxMemoryMb: 120, cpuMs: 200 })), context());
    expect(findings.map((f) => f.proposed)).toEqual([{ memoryMb: 1769 }]);
    expect(findings[0].monthlySavingsUsd).toBeCloseTo(0, 0);
  });

  it('proposes a larger size for a measured CPU-bound function when it is faster at no extra cost', () => {
    const res = fn({ memoryMb: 512 });
    const [finding] = memorySize.evaluate(slice(res, metrics(res.arn, 800, { maxMemoryMb: 300, cpuMs: 800 })), context());
    expect(finding.proposed.memoryMb).toBe(1769);
    expect(finding.monthlySavingsUsd).toBeCloseTo(0, 0);
    expect(finding.evidence.statistics.projectedP99DurationMs as number).toBeLessThan(1200);
  });

  it('does not shrink memory below one vCPU (1,769 MB) without a memory measurement', () => {
    const res = fn();
    expect(memorySize.evaluate(slice(res, metrics(res.arn, 200)), context())).toEqual([]);
  });

  it('brings a 3,008 MB function down to 1,769 MB without a memory measurement, at high risk and half confidence', () => {
    const res = fn({ memoryMb: 3008 });
    const [finding] = memorySize.evaluate(slice(res, metrics(res.arn, 200)), context());
    expect(finding.proposed).toEqual({ memoryMb: 1769 });
    expect(finding.performanceRisk).toBe(3);
    expect(finding.confidence).toBeCloseTo(1 * 0.7 * 0.5, 2);
    // Duration is unchanged above one vCPU in the model, so the saving is the memory ratio.
    expect(finding.monthlySavingsUsd).toBeCloseTo((finding.evidence.statistics.currentMonthlyComputeUsd as number) * (1 - 1769 / 3008), 0);
    expect(finding.evidence.statistics.memoryUsedKnown).toBe(false);
  });

  it('returns nothing without Duration or Invocations data', () => {
    const res = fn();
    expect(memorySize.evaluate(slice(res, []), context())).toEqual([]);
    const onlyDuration = metrics(res.arn, 200, { maxMemoryMb: 120 }).filter((s) => s.metricName !== 'Invocations');
    expect(memorySize.evaluate(slice(res, onlyDuration), context())).toEqual([]);
  });
});
