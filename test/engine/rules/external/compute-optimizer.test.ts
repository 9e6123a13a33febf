import { describe, expect, it } from 'vitest';
import { ingestExternalRecommendations, COMPUTE_OPTIMIZER_RULE_ID } from '../../../../lambdas/engine/rules/external/compute-optimizer.js';
import { context, resource, series } from '../fixtures.js';

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
    expect(finding.proposed).toEqual({ instanceType: 'm7g.large', architecture: 'arm64' });
    expect(finding.monthlySavingsUsd).toBe(80);
    expect(finding.performanceRisk).toBe(1);
    // m5 (x86_64) → m7g (Graviton): the AMI must be rebuilt, so it is a migration no executor may apply.
    expect(finding.automation.executor).toBeNull();
    expect(finding.effort).toBe('high');
    // No metric of ours backs it: it ranks below our own measured findings.
    expect(finding.confidence).toBe(0.4);
  });

  it('keeps a same-architecture resize automatable, with confidence from our own metric evidence', () => {
    const withCpu = { resource: res, series: [series(res.arn, 'CPUUtilization', 'Average', () => 12, { unit: 'Percent' })], recommendations: [
      { source: 'compute-optimizer' as const, resourceArn: res.arn, finding: 'OVER_PROVISIONED', current: { instanceType: 'm5.xlarge' },
        options: [{ proposed: { instanceType: 'm5.large' }, monthlySavingsUsd: 70, performanceRisk: 1 }] },
    ] };
    const [finding] = ingestExternalRecommendations(withCpu, context());
    expect(finding.automation.executor).toBe('ec2-instance-type');
    expect(finding.current).toMatchObject({ instanceType: 'm5.xlarge', architecture: 'x86_64' });
    expect(finding.confidence).toBeGreaterThan(0.4);
    expect(finding.confidence).toBeLessThanOrEqual(0.8);
    expect(finding.evidence.series[0].metric).toBe('CPUUtilization');
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
