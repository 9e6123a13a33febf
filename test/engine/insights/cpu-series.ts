import type { MetricSeries, Resource } from '../../../lambdas/engine/types/snapshot.js';

export const DAY = 86_400_000;
export const STEP = 300_000;

export function instance(name: string): Resource {
  return {
    arn: `arn:aws:ec2:us-east-1:111111111111:instance/${name}`,
    type: 'ec2:instance',
    account: '111111111111',
    region: 'us-east-1',
    name,
    tags: {},
    config: { instanceType: 'm5.large', state: 'running', volumeIds: [] },
  };
}

/**
 * 14 days of 5-minute CPUUtilization (Average) ending at `now`: a daily cycle of ±8 around `level(dayIndex)` with
 * deterministic jitter, and optionally a saturation incident at 98 % for two hours starting `incidentDaysAgo` days
 * before `now`.
 */
export function cpuSeries(
  resource: Resource,
  now: number,
  options: { level?: (day: number) => number; incidentDaysAgo?: number; metricName?: string; stat?: string } = {},
): MetricSeries {
  const level = options.level ?? (() => 30);
  const points = 14 * 288;
  const incidentStart = options.incidentDaysAgo === undefined ? Number.NaN : now - options.incidentDaysAgo * DAY;
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    const t = now - (points - 1 - i) * STEP;
    timestamps.push(t);
    const incident = t >= incidentStart && t < incidentStart + 2 * 3_600_000;
    const day = i / 288;
    values.push(incident ? 98 : level(day) + 8 * Math.sin((2 * Math.PI * i) / 288) + ((i * 7919) % 13) / 13);
  }
  return { resourceArn: resource.arn, namespace: 'AWS/EC2', metricName: options.metricName ?? 'CPUUtilization', stat: options.stat ?? 'Average', unit: 'Percent', periodSec: 300, timestamps, values };
}
