import { describe, expect, it } from 'vitest';
import { ingestExternalRecommendations } from '../../../../lambdas/engine/rules/external/compute-optimizer.js';
import { context, resource, series } from '../fixtures.js';

const res = resource('ec2:instance', 'i-edge', { instanceType: 'm5.xlarge', state: 'running' });
const recommendation = {
  source: 'compute-optimizer' as const,
  resourceArn: res.arn,
  finding: 'OVER_PROVISIONED',
  current: { instanceType: 'm5.xlarge' },
  options: [{ proposed: { instanceType: 'm5.large' }, monthlySavingsUsd: 70, performanceRisk: 0 }],
};
/** The imported finding with `hours` of our own 5-minute CPU data. */
const importedWith = (hours: number) =>
  ingestExternalRecommendations(
    { resource: res, series: [series(res.arn, 'CPUUtilization', 'Average', () => 12, { unit: 'Percent', days: hours / 24 })], recommendations: [recommendation] },
    context(),
  )[0];
const confidenceWith = (hours: number) => importedWith(hours).confidence;

describe('external/compute-optimizer thresholds', () => {
  it('counts our metrics as evidence from 30 hours: 30 h do (confidence from their coverage), 29.5 h do not', () => {
    expect(importedWith(30).evidence.statistics.hoursOfOwnMetrics).toBe(30);
    expect(importedWith(30).evidence.sources).toContain('cloudwatch');
    expect(confidenceWith(30)).not.toBe(0.4);
    expect(importedWith(29.5).evidence.statistics.hoursOfOwnMetrics).toBe(0);
    expect(confidenceWith(29.5)).toBe(0.4);
  });

  it('caps an evidenced import at 0.8 confidence, 0.4 without evidence', () => {
    expect(confidenceWith(14 * 24)).toBe(0.8);
    expect(confidenceWith(0)).toBe(0.4);
  });
});
