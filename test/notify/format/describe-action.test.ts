import { describe, expect, it } from 'vitest';
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
});
