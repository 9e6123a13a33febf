import { describe, expect, it } from 'vitest';
import { ingestExternalRecommendations, COMPUTE_OPTIMIZER_RULE_ID } from '../../../../lambdas/engine/rules/external/compute-optimizer.js';
import { context, resource } from '../fixtures.js';

const res = resource('ec2:instance', 'i-co', { instanceType: 'm5.xlarge', state: 'running' });

describe('external/compute-optimizer', () => {
  it("turns Compute Optimizer's best-ranked option into a finding", () => {
    const [finding] = ingestExternalRecommendations(
      {
        resource: res,
        series: [],
        recommendations: [
          {
            source: 'compute-optimizer',
            resourceArn: res.arn,
            finding: 'OVER_PROVISIONED',
            current: { instanceType: 'm5.xlarge' },
            options: [
              { proposed: { instanceType: 'm7g.large' }, monthlySavingsUsd: 80, performanceRisk: 1 },
              { proposed: { instanceType: 'm6i.large' }, monthlySavingsUsd: 70, performanceRisk: 0 },
            ],
          },
        ],
      },
      context(),
    );
    expect(finding.ruleId).toBe(COMPUTE_OPTIMIZER_RULE_ID);
    expect(finding.proposed).toEqual({ instanceType: 'm7g.large' });
    expect(finding.monthlySavingsUsd).toBe(80);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.automation.executor).toBe('ec2-instance-type');
  });

  it('ignores recommendations that save nothing', () => {
    const findings = ingestExternalRecommendations(
      {
        resource: res,
        series: [],
        recommendations: [{ source: 'compute-optimizer', resourceArn: res.arn, finding: 'OPTIMIZED', current: {}, options: [] }],
      },
      context(),
    );
    expect(findings).toEqual([]);
  });
});
