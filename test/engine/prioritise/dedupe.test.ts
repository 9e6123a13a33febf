import { describe, expect, it } from 'vitest';
import { prioritise } from '../../../lambdas/engine/prioritise/prioritise.js';
import type { Finding } from '../../../lambdas/engine/types/action.js';

function finding(id: string, ruleId: string, savings: number, proposed: Record<string, unknown>, type: Finding['resource']['type'] = 'ec2:instance'): Finding {
  return {
    id,
    ruleId,
    domain: 'compute',
    resource: { arn: 'arn:r', type, account: '123456789012', region: 'us-east-1', name: 'r', tags: {} },
    current: {},
    proposed,
    monthlySavingsUsd: savings,
    performanceRisk: 1,
    confidence: 1,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
  };
}

describe('dedupe of overlapping actions', () => {
  it('a capacity-exhaustion forecast beats a downsizing of the same instance', () => {
    const [action] = prioritise([
      finding('rs', 'ec2/rightsize-instance', 80, { instanceType: 'm7g.medium' }),
      finding('cap', 'account/insight-actions', 0, { action: 'add-capacity', metric: 'AWS/EC2/CPUUtilization' }),
    ]);
    expect(action.id).toBe('cap');
    expect(action.supersedes).toEqual(['rs']);
  });

  it('an investigation of an active error anomaly beats a memory downsize of the same function', () => {
    const [action] = prioritise([
      finding('mem', 'lambda/memory-size', 12, { memoryMb: 512 }, 'lambda:function'),
      finding('inv', 'account/insight-actions', 0, { action: 'investigate' }, 'lambda:function'),
    ]);
    expect(action.id).toBe('inv');
    expect(action.supersedes).toEqual(['mem']);
  });

  it('stopping an idle instance still beats everything else on it', () => {
    const [action] = prioritise([
      finding('idle', 'ec2/idle-instance', 40, { state: 'stopped' }),
      finding('cap', 'account/insight-actions', 0, { action: 'add-capacity', metric: 'AWS/EC2/CPUUtilization' }),
    ]);
    expect(action.id).toBe('idle');
  });

  it('a DynamoDB switch to on demand absorbs the capacity forecast it resolves, keeping its savings and risk', () => {
    const [action] = prioritise([
      finding('mode', 'dynamodb/capacity-mode', 30, { billingMode: 'PAY_PER_REQUEST' }, 'dynamodb:table'),
      { ...finding('cap', 'account/insight-actions', -5, { action: 'add-capacity', metric: 'AWS/DynamoDB/ConsumedReadCapacityUnits' }, 'dynamodb:table'), performanceRisk: 4 },
    ]);
    expect(action.monthlySavingsUsd).toBe(30);
    expect(action.performanceRisk).toBe(1);
    expect(action.proposed.billingMode).toBe('PAY_PER_REQUEST');
    expect(action.supersedes).toEqual(['cap', 'mode']);
  });

  it('findings that do not compose still compete: one action per resource, savings never summed', () => {
    const actions = prioritise([finding('a', 'ebs/gp2-to-gp3', 10, { volumeType: 'gp3' }, 'ebs:volume'), finding('b', 'ebs/io1-to-gp3', 12, { volumeType: 'gp3' }, 'ebs:volume')]);
    expect(actions).toHaveLength(1);
    expect(actions[0].monthlySavingsUsd).toBe(12);
  });
});
