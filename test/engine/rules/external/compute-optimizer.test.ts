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

  it('turns an Auto Scaling group recommendation into one group action on the launch template, with no executor', () => {
    const group = resource('autoscaling:group', 'web-asg', { instanceType: 'm5.xlarge', desiredCapacity: 9, minSize: 3, maxSize: 12 });
    const [finding] = ingestExternalRecommendations(
      {
        resource: group,
        series: [],
        recommendations: [
          {
            source: 'compute-optimizer',
            resourceArn: group.arn,
            finding: 'NotOptimized',
            current: { instanceType: 'm5.xlarge', desiredCapacity: 9, minSize: 3, maxSize: 12 },
            options: [{ proposed: { instanceType: 'm5.large', desiredCapacity: 9, minSize: 3, maxSize: 12 }, monthlySavingsUsd: 630.72, performanceRisk: 1 }],
          },
        ],
      },
      context(),
    );
    expect(finding.resource.type).toBe('autoscaling:group');
    expect(finding.proposed).toMatchObject({ instanceType: 'm5.large', change: 'launch-template-or-mixed-instances-policy' });
    expect(finding.monthlySavingsUsd).toBe(630.72);
    expect(finding.automation.executor).toBeNull();
    expect(finding.restartRequired).toBe(true);
  });

  it('turns an ECS service recommendation into one action on its task definition, with no executor', () => {
    const service = resource('ecs:service', 'api', { cpu: 1024, memoryMb: 2048 });
    const [finding] = ingestExternalRecommendations(
      {
        resource: service,
        series: [],
        recommendations: [
          { source: 'compute-optimizer', resourceArn: service.arn, finding: 'Overprovisioned', current: { cpu: 1024, memoryMb: 2048 }, options: [{ proposed: { cpu: 512, memoryMb: 2048 }, monthlySavingsUsd: 18, performanceRisk: 1 }] },
        ],
      },
      context(),
    );
    expect(finding.proposed).toEqual({ cpu: 512, memoryMb: 2048, change: 'task-definition-revision' });
    expect(finding.automation.executor).toBeNull();
  });

  it('gives a member of an Auto Scaling group no instance row of its own: the group action covers it', () => {
    const member = resource('ec2:instance', 'i-member', { instanceType: 'm5.xlarge', state: 'running', autoScalingGroup: 'web-asg' });
    const findings = ingestExternalRecommendations(
      {
        resource: member,
        series: [],
        recommendations: [
          { source: 'compute-optimizer', resourceArn: member.arn, finding: 'Overprovisioned', current: { instanceType: 'm5.xlarge' }, options: [{ proposed: { instanceType: 'm5.large' }, monthlySavingsUsd: 70, performanceRisk: 1 }] },
        ],
      },
      context(),
    );
    expect(findings).toEqual([]);
  });
});
