import { describe, expect, it } from 'vitest';
import { prioritise, totalMonthlySavingsUsd } from '../../../lambdas/engine/prioritise/prioritise.js';
import { actionKind } from '../../../lambdas/engine/prioritise/dedupe.js';
import { memorySize } from '../../../lambdas/engine/rules/lambda/memory-size.js';
import { arm64Candidate } from '../../../lambdas/engine/rules/lambda/arm64-candidate.js';
import { excessiveTimeout } from '../../../lambdas/engine/rules/lambda/excessive-timeout.js';
import type { Finding } from '../../../lambdas/engine/types/action.js';
import { context, resource, series, slice } from '../rules/fixtures.js';

const fn = resource('lambda:function', 'orders', { memoryMb: 1024, timeoutSec: 900, architecture: 'x86_64', runtime: 'nodejs22.x' });

/** An I/O-bound function using 120 MB: memory-size shrinks it, arm64-candidate moves it, excessive-timeout lowers 900 s. */
function metrics(arn: string) {
  const opts = { namespace: 'AWS/Lambda' };
  return [
    series(arn, 'Duration', 'Average', () => 200, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Duration', 'p99', () => 300, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Duration', 'Maximum', () => 400, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => 1000, opts),
    series(arn, 'used_memory_max', 'Maximum', () => 120, { namespace: 'LambdaInsights' }),
    series(arn, 'cpu_total_time', 'Average', () => 4, { namespace: 'LambdaInsights' }),
  ];
}

function run(rules: typeof memorySize[]): Finding[] {
  const s = slice(fn, metrics(fn.arn));
  return rules.flatMap((rule) => rule.evaluate(s, context()));
}

describe('combining composable actions', () => {
  it('combines Lambda memory + arm64 into one action priced on the combined change, not the sum', () => {
    const [memory, arm] = run([memorySize, arm64Candidate]);
    const actions = prioritise([memory, arm]);
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action.ruleId).toBe('lambda/arm64-candidate+lambda/memory-size');
    expect(action.proposed).toEqual({ memoryMb: memory.proposed.memoryMb, architecture: 'arm64' });
    const current = memory.evidence.statistics.currentMonthlyComputeUsd as number;
    const resized = memory.evidence.statistics.proposedMonthlyComputeUsd as number;
    expect(action.monthlySavingsUsd).toBeCloseTo(current - resized * 0.8, 1);
    expect(action.monthlySavingsUsd).toBeLessThan(memory.monthlySavingsUsd + arm.monthlySavingsUsd);
    expect(action.supersedes).toEqual([memory.id, arm.id].sort());
    expect(action.effort).toBe('medium');
    expect(action.automation.executor).toBeNull();
    expect(totalMonthlySavingsUsd(actions)).toBe(action.monthlySavingsUsd);
  });

  it('applies a timeout change alongside, keeping the savings of the other changes', () => {
    const findings = run([memorySize, arm64Candidate, excessiveTimeout]);
    expect(findings.map((f) => f.ruleId)).toEqual(['lambda/memory-size', 'lambda/arm64-candidate', 'lambda/excessive-timeout']);
    const [withTimeout] = prioritise(findings);
    const [withoutTimeout] = prioritise(findings.slice(0, 2));
    expect(withTimeout.ruleId).toBe('lambda/arm64-candidate+lambda/excessive-timeout+lambda/memory-size');
    expect(withTimeout.proposed.timeoutSec).toBe(findings[2].proposed.timeoutSec);
    expect(withTimeout.monthlySavingsUsd).toBe(withoutTimeout.monthlySavingsUsd);
    expect(withTimeout.supersedes).toEqual(findings.map((f) => f.id).sort());
  });

  it('gives the combined action the same id whatever the input order, and across runs', () => {
    const findings = run([memorySize, arm64Candidate, excessiveTimeout]);
    const a = prioritise(findings)[0];
    const b = prioritise([...findings].reverse())[0];
    expect(b).toEqual(a);
    expect(prioritise(run([memorySize, arm64Candidate, excessiveTimeout]))[0].id).toBe(a.id);
  });

  it('a combined action takes the strongest kind of its parts', () => {
    expect(actionKind({ ruleId: 'lambda/excessive-timeout', proposed: {} })).toBe('tune');
    expect(actionKind({ ruleId: 'lambda/excessive-timeout+lambda/memory-size', proposed: {} })).toBe('resize');
    expect(actionKind({ ruleId: 'account/insight-actions', proposed: { action: 'add-capacity' } })).toBe('protect');
    expect(actionKind({ ruleId: 'account/insight-actions', proposed: { action: 'investigate' } })).toBe('protect');
  });
});
