import { describe, expect, it } from 'vitest';
import { expressCandidate } from '../../../../lambdas/engine/rules/stepfunctions/express-candidate.js';
import { context, resource, series, slice } from '../fixtures.js';

const machine = (extra: Record<string, unknown> = {}) => resource('states:state-machine', 'orders', { workflowType: 'STANDARD', expressBlockers: [], stateCount: 4, ...extra });
const metrics = (arn: string, perSecond: number, meanMs: number, maxMs: number, days = 14) => [
  series(arn, 'ExecutionsStarted', 'Sum', () => perSecond * 300, { days, namespace: 'AWS/States' }),
  series(arn, 'ExecutionTime', 'Average', () => meanMs, { days, namespace: 'AWS/States' }),
  series(arn, 'ExecutionTime', 'Maximum', () => maxMs, { days, namespace: 'AWS/States' }),
];

describe('stepfunctions/express-candidate', () => {
  it('compares per-execution prices: 4 transitions vs 1 request + 64 MB × 1 s (mean 950 ms rounds up)', () => {
    const m = machine();
    const [finding] = expressCandidate.evaluate(slice(m, metrics(m.arn, 2, 950, 4000)), context());
    const executions = 2 * 86_400 * (730 / 24);
    const standard = 4 * 0.000025;
    const express = 0.000001 + 0.0625 * 1 * 0.00001667;
    expect(finding.monthlySavingsUsd).toBeCloseTo(executions * (standard - express), 1);
    expect(finding).toMatchObject({ proposed: { workflowType: 'EXPRESS' }, performanceRisk: 2, effort: 'medium' });
  });

  it('passes a machine with a .sync or callback step, an Express one, and one whose definition was not read', () => {
    for (const config of [{ expressBlockers: ['sync-integration'] }, { workflowType: 'EXPRESS' }, { expressBlockers: undefined }]) {
      const m = machine(config);
      expect(expressCandidate.evaluate(slice(m, metrics(m.arn, 2, 950, 4000)), context())).toEqual([]);
    }
  });

  it('passes at the 150 s boundary of the longest execution, and a low-volume machine under $1', () => {
    const m = machine();
    expect(expressCandidate.evaluate(slice(m, metrics(m.arn, 2, 950, 150_001)), context())).toHaveLength(0);
    expect(expressCandidate.evaluate(slice(m, metrics(m.arn, 2, 950, 150_000)), context())).toHaveLength(1);
    expect(expressCandidate.evaluate(slice(m, metrics(m.arn, 0.002, 950, 4000)), context())).toEqual([]);
  });
});
