import type { Action, Finding } from '../../../lambdas/engine/types/action.js';
import type { MetricSeries, Resource } from '../../../lambdas/engine/types/snapshot.js';

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';
const T0 = Date.UTC(2026, 10, 1);

export function resource(name: string, account = ACCOUNT_A, region = 'us-east-1'): Resource {
  return {
    arn: `arn:aws:ec2:${region}:${account}:instance/${name}`,
    type: 'ec2:instance',
    account,
    region,
    name,
    tags: { team: '' },
    config: { instanceType: 'm5.large', state: 'running', volumeIds: [] },
  };
}

/** A 5-minute series of `points` points starting at T0, with every `gapEvery`-th point missing (CloudWatch omits empty periods). */
export function series(resourceArn: string, points: number, options: { metricName?: string; gapEvery?: number } = {}): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    if (options.gapEvery && i % options.gapEvery === 0) continue;
    timestamps.push(T0 + i * 300_000);
    // Float32-representable: the store packs series values as Float32 (series-codec.ts), so these come back exactly.
    values.push(Math.fround(Math.sin(i / 12) * 40 + 50 + i * 1e-7));
  }
  return {
    resourceArn,
    namespace: 'AWS/EC2',
    metricName: options.metricName ?? 'CPUUtilization',
    stat: 'Maximum',
    unit: 'Percent',
    periodSec: 300,
    timestamps,
    values,
  };
}

export function finding(id: string, r: Resource = resource('i-1'), monthlySavingsUsd = 10): Finding {
  return {
    id,
    ruleId: 'ec2-rightsize',
    domain: 'compute',
    resource: { arn: r.arn, type: r.type, account: r.account, region: r.region, name: r.name, tags: r.tags },
    current: { instanceType: 'm5.large' },
    proposed: { instanceType: 'm5.medium' },
    monthlySavingsUsd,
    performanceRisk: 1,
    confidence: 0.8,
    effort: 'low',
    restartRequired: true,
    reversible: true,
    evidence: { statistics: { p99_5CpuPercent: 12.5 }, quantiles: { p50: 4 }, series: [], sources: ['cloudwatch'] },
    automation: { executor: 'ec2-instance-type' },
    carbonKgCo2eMonthly: 1.5,
  };
}

export function action(id: string, priority: number, monthlySavingsUsd = 10): Action {
  return { ...finding(id, resource('i-1'), monthlySavingsUsd), priority, supersedes: [] };
}
