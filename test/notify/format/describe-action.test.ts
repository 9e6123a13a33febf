import { describe, expect, it } from 'vitest';
import { accountRules, rules } from '../../../lambdas/engine/rules/index.js';
import { describeAction } from '../../../lambdas/notify/format/describe-action.js';

describe('describeAction', () => {
  it('names the rule and shows each changed setting as current → proposed', () => {
    expect(describeAction({ ruleId: 'ec2/rightsize-instance', current: { instanceType: 'm5.2xlarge', state: 'running' }, proposed: { instanceType: 'm7g.large', state: 'running' } })).toBe(
      'Rightsize EC2 instance: instanceType m5.2xlarge → m7g.large',
    );
  });

  it('leaves out options of the change that are not current settings', () => {
    expect(describeAction({ ruleId: 'ebs/unattached-volume', current: { state: 'available' }, proposed: { state: 'deleted', snapshotFirst: true } })).toMatch(/: state available → deleted$/);
  });

  it('falls back to the rule id for a rule without wording', () => {
    expect(describeAction({ ruleId: 'x/unknown', current: {}, proposed: { enabled: true } })).toBe('x/unknown: enabled — → true');
  });

  it('has wording for every registered rule', () => {
    for (const { id } of [...rules, ...accountRules]) expect(describeAction({ ruleId: id, current: {}, proposed: {} }), id).not.toBe(id);
  });

  it('joins the wording of a combined action’s rules', () => {
    expect(describeAction({ ruleId: 'lambda/memory-size+lambda/arm64-candidate', current: { memoryMb: 1024 }, proposed: { memoryMb: 512 } })).toBe(
      'Resize Lambda memory and move Lambda function to arm64: memoryMb 1024 → 512',
    );
  });

  it('keeps the commitment sweep out of a Savings Plans title (the report shows it)', () => {
    const title = describeAction({
      ruleId: 'account/savings-plans',
      current: { coveredOnDemandUsdPerHour: 1.5 },
      proposed: { hourlyCommitmentUsd: 1.875, commitmentSweep: [{ hourlyCommitmentUsd: 1, netMonthlySavingsUsd: 100 }] },
    });
    expect(title).toBe('Buy a Compute Savings Plan: hourlyCommitmentUsd — → 1.875');
  });
});
