import { describe, expect, it } from 'vitest';
import { analyseResources, createRuleContext, ResourceConfigError, RuleContextError, RuleEvaluationError, sliceSnapshot } from '../../lambdas/engine/analyse.js';
import { SnapshotSchema, type Snapshot } from '../../lambdas/engine/types/snapshot.js';
import type { Rule } from '../../lambdas/engine/rules/rule.js';
import { DAY_MS, NOW, resource, series } from './rules/fixtures.js';

function snapshot(): Snapshot {
  const instance = resource('ec2:instance', 'i-1', { instanceType: 'm5.2xlarge', state: 'running' });
  const gp2 = resource('ebs:volume', 'vol-1', { volumeType: 'gp2', sizeGiB: 500, state: 'in-use', attachedInstanceId: 'i-1' });
  const orphan = resource('ebs:volume', 'vol-2', { volumeType: 'gp2', sizeGiB: 100, state: 'available', createTime: new Date(NOW - 90 * DAY_MS).toISOString() });
  const bucket = resource('s3:bucket', 'logs', { versioning: 'Enabled' });
  return SnapshotSchema.parse({
    version: 1,
    collectedAt: new Date(NOW).toISOString(),
    accounts: ['123456789012'],
    regions: ['us-east-1'],
    resources: [instance, gp2, orphan, bucket],
    series: [series(instance.arn, 'CPUUtilization', 'Average', () => 5)],
    costs: [],
    recommendations: [
      {
        source: 'compute-optimizer',
        resourceArn: instance.arn,
        finding: 'OVER_PROVISIONED',
        current: { instanceType: 'm5.2xlarge' },
        options: [{ proposed: { instanceType: 'm6i.xlarge' }, monthlySavingsUsd: 140, performanceRisk: 1 }],
      },
    ],
  });
}

describe('createRuleContext', () => {
  it('defaults to 20 % headroom and 14 days, and prices from the bundled catalogue', () => {
    const ctx = createRuleContext({ now: NOW });
    expect(ctx).toMatchObject({ now: NOW, headroomPercent: 20, lookbackDays: 14 });
    expect(ctx.prices.ec2HourlyUsd('m5.large')).toBeCloseTo(0.096, 6);
  });

  it('rejects settings it cannot analyse with', () => {
    expect(() => createRuleContext({ now: Number.NaN })).toThrow(RuleContextError);
    expect(() => createRuleContext({ now: NOW, headroomPercent: -5 })).toThrow(/headroomPercent/);
    expect(() => createRuleContext({ now: NOW, lookbackDays: 0 })).toThrow(/lookbackDays/);
  });
});

describe('sliceSnapshot', () => {
  it('gives each resource its own series and recommendations, in resource order', () => {
    const slices = sliceSnapshot(snapshot());
    expect(slices.map((s) => s.resource.name)).toEqual(['i-1', 'vol-1', 'vol-2', 'logs']);
    expect(slices[0].series).toHaveLength(1);
    expect(slices[0].recommendations).toHaveLength(1);
    expect(slices[1].series).toHaveLength(0);
  });
});

describe('analyseResources', () => {
  it('runs the matching rules and ingests external recommendations, deterministically', () => {
    const snap = snapshot();
    const ctx = createRuleContext({ now: Date.parse(snap.collectedAt) });
    const findings = analyseResources(sliceSnapshot(snap), ctx);
    const rules = findings.map((f) => `${f.resource.name}:${f.ruleId}`);
    expect(rules).toEqual([
      'i-1:ec2/rightsize-instance',
      'i-1:external/compute-optimizer',
      'vol-1:ebs/gp2-to-gp3',
      'vol-2:ebs/gp2-to-gp3',
      'vol-2:ebs/unattached-volume',
    ]);
    expect(analyseResources(sliceSnapshot(snap), ctx)).toEqual(findings);
  });

  it('fails with an error naming the resource when its config does not match its type', () => {
    const bad = resource('ebs:volume', 'vol-bad', { volumeType: 'gp9', sizeGiB: 1, state: 'in-use' });
    const run = () => analyseResources([{ resource: bad, series: [], recommendations: [] }], createRuleContext({ now: NOW }));
    expect(run).toThrow(ResourceConfigError);
    expect(run).toThrow(/vol-bad.*volumeType/);
  });

  it('wraps a failing rule in an error naming the rule and the resource', () => {
    const broken: Rule = {
      id: 'test/broken',
      domain: 'compute',
      resourceType: 's3:bucket',
      summary: 'always throws',
      evaluate() {
        throw new Error('boom');
      },
    };
    const bucket = resource('s3:bucket', 'b', {});
    const run = () => analyseResources([{ resource: bucket, series: [], recommendations: [] }], createRuleContext({ now: NOW }), [broken]);
    expect(run).toThrow(RuleEvaluationError);
    expect(run).toThrow(/test\/broken.*b: boom/);
  });
});
