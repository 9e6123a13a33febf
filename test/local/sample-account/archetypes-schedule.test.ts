import { describe, expect, it } from 'vitest';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { metricValue } from '../../../lambdas/local/sample-account/metrics.js';
import type { SampleResource } from '../../../lambdas/local/sample-account/model.js';
import type { MetricSeries } from '../../../lambdas/engine/types/snapshot.js';
import { offHoursEc2, offHoursRds } from '../../../lambdas/engine/rules/schedule/off-hours.js';
import { createRuleContext } from '../../../lambdas/engine/analyse.js';

const account = generateSampleAccount({ resources: 80 });
const metricContext = { seed: account.seed, now: account.now, incidentsByArn: new Map() };
const context = createRuleContext({ now: account.now });

/** 15 days of hourly datapoints of one metric, as CloudWatch would serve them from the sample account. */
function hourly(sample: SampleResource, metricName: string, stat: string): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let t = account.now - 15 * 86_400_000; t < account.now; t += 3_600_000) {
    const v = metricValue(sample, metricName, stat, t, 3600, metricContext);
    if (v === undefined) continue;
    timestamps.push(t);
    values.push(v);
  }
  return { resourceArn: sample.resource.arn, namespace: 'AWS/X', metricName, stat, periodSec: 3600, timestamps, values };
}

describe('working-hours archetype', () => {
  const samples = account.resources.filter((s) => s.archetype === 'working-hours');

  it('adds a dev instance (with its root volume) and a staging database to the first cycle', () => {
    expect(samples.map((s) => [s.resource.type, s.resource.tags.env])).toEqual([
      ['ec2:instance', 'dev'],
      ['ebs:volume', 'dev'],
      ['rds:db-instance', 'staging'],
    ]);
  });

  it('is busy only in weekday working hours, so schedule/off-hours proposes its schedule', () => {
    const instance = samples.find((s) => s.resource.type === 'ec2:instance') as SampleResource;
    const db = samples.find((s) => s.resource.type === 'rds:db-instance') as SampleResource;
    const [ec2] = offHoursEc2.evaluate({ resource: instance.resource, series: [hourly(instance, 'CPUUtilization', 'Average')], recommendations: [] }, context);
    expect(ec2.proposed.schedule).toBe('Mon–Fri 08:00–18:00 UTC, Sat–Sun off');
    const [rds] = offHoursRds.evaluate({ resource: db.resource, series: [hourly(db, 'DatabaseConnections', 'Maximum')], recommendations: [] }, context);
    expect(rds.proposed.schedule).toBe('Mon–Fri 07:00–19:00 UTC, Sat–Sun off');
  });
});
