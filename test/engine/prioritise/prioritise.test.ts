import { describe, expect, it } from 'vitest';
import { prioritise, totalMonthlySavingsUsd, countByDomain } from '../../../lambdas/engine/prioritise/prioritise.js';
import { actionKind } from '../../../lambdas/engine/prioritise/dedupe.js';
import type { Finding } from '../../../lambdas/engine/types/action.js';

function finding(id: string, arn: string, ruleId: string, savings: number, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    ruleId,
    domain: 'compute',
    resource: { arn, type: 'ec2:instance', account: '123456789012', region: 'us-east-1', name: arn, tags: {} },
    current: {},
    proposed: {},
    monthlySavingsUsd: savings,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: true,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
    ...extra,
  };
}

describe('prioritise', () => {
  it('keeps one action per resource: stopping an idle instance beats rightsizing it, whatever the savings', () => {
    const actions = prioritise([
      finding('rs', 'arn:a', 'ec2/rightsize-instance', 120),
      finding('idle', 'arn:a', 'ec2/idle-instance', 90, { proposed: { state: 'stopped' } }),
      finding('co', 'arn:a', 'external/compute-optimizer', 130),
    ]);
    expect(actions).toHaveLength(1);
    expect(actions[0].id).toBe('idle');
    expect(actions[0].supersedes).toEqual(['co', 'rs']);
    expect(totalMonthlySavingsUsd(actions)).toBe(90);
  });

  it('between two resizes keeps the higher priority, and prefers our rule over an external one on a tie', () => {
    const [winner] = prioritise([finding('co', 'arn:a', 'external/compute-optimizer', 100), finding('rs', 'arn:a', 'ec2/rightsize-instance', 100)]);
    expect(winner.id).toBe('rs');
    const [better] = prioritise([finding('co', 'arn:a', 'external/compute-optimizer', 150), finding('rs', 'arn:a', 'ec2/rightsize-instance', 100)]);
    expect(better.id).toBe('co');
    expect(better.supersedes).toEqual(['rs']);
  });

  it('sorts by priority, then savings, then id, the same on every run', () => {
    const input = [
      finding('b', 'arn:b', 'ebs/gp2-to-gp3', 10),
      finding('a', 'arn:a', 'ebs/gp2-to-gp3', 10),
      finding('c', 'arn:c', 'ec2/rightsize-instance', 100, { performanceRisk: 4 }),
      finding('d', 'arn:d', 'ec2/rightsize-instance', 50),
    ];
    const order = prioritise(input).map((a) => a.id);
    expect(order).toEqual(['d', 'c', 'a', 'b']);
    expect(prioritise([...input].reverse()).map((a) => a.id)).toEqual(order);
    expect(prioritise(input)[0].priority).toBe(50);
  });

  it('counts actions by domain', () => {
    const actions = prioritise([finding('a', 'arn:a', 'x', 1), finding('b', 'arn:b', 'y', 1, { domain: 'storage' })]);
    expect(countByDomain(actions)).toEqual({ compute: 1, storage: 1 });
  });
});

describe('actionKind', () => {
  it('classifies external findings by their proposed state', () => {
    expect(actionKind({ ruleId: 'external/trusted-advisor', proposed: { state: 'terminated' } })).toBe('remove');
    expect(actionKind({ ruleId: 'external/compute-optimizer', proposed: { instanceType: 'm7g.large' } })).toBe('resize');
    expect(actionKind({ ruleId: 'ebs/unattached-volume', proposed: {} })).toBe('remove');
  });
});
