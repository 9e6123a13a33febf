import { describe, expect, it } from 'vitest';
import { formatActionTable } from '../../../lambdas/cli/format/action-table.js';
import type { Action } from '../../../lambdas/engine/types/action.js';

function action(name: string, ruleId: string, savings: number, extra: Partial<Action> = {}): Action {
  return {
    id: `${ruleId}:${name}`,
    ruleId,
    domain: 'compute',
    resource: { arn: `arn:aws:ec2:us-east-1:123456789012:instance/${name}`, type: 'ec2:instance', account: '123456789012', region: 'us-east-1', name, tags: {} },
    current: { instanceType: 'm5.2xlarge' },
    proposed: { instanceType: 'm7g.large' },
    monthlySavingsUsd: savings,
    performanceRisk: 1,
    confidence: 0.92,
    effort: 'low',
    restartRequired: true,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor: 'ec2-instance-type' },
    carbonKgCo2eMonthly: 0,
    priority: savings,
    supersedes: [],
    ...extra,
  };
}

describe('formatActionTable', () => {
  it('prints rank, wording, resource, savings, risk, confidence and effort in aligned columns with a totals line', () => {
    const text = formatActionTable([
      action('web-1', 'ec2/rightsize-instance', 1234.5),
      action('vol-9', 'ebs/gp2-to-gp3', 2, { domain: 'storage', proposed: { volumeType: 'gp3' }, current: { volumeType: 'gp2' }, performanceRisk: 0, confidence: 1 }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^rank +action +resource +\$\/month +risk +confidence +effort$/);
    expect(lines[2]).toContain('Rightsize EC2 instance: instanceType m5.2xlarge → m7g.large');
    expect(lines[2]).toMatch(/web-1 +1,234\.50 +1 low +92 % +low$/);
    expect(lines[3]).toMatch(/^ +2 +Convert EBS volume gp2 → gp3: volumeType gp2 → gp3 +vol-9 +2\.00 +0 very low +100 % +low$/);
    // Every row has the $/month column ending at the same offset.
    expect(lines[2].indexOf('1,234.50') + 8).toBe(lines[3].indexOf('2.00') + 4);
    expect(text).toContain('Total: $1,236.50/month across 2 actions (compute 1, storage 1).');
  });

  it('says so when there is nothing to do', () => {
    expect(formatActionTable([])).toContain('No actions');
  });
});
