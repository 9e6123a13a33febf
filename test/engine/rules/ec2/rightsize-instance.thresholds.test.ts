import { describe, expect, it } from 'vitest';
import { rightsizeInstance } from '../../../../lambdas/engine/rules/ec2/rightsize-instance.js';
import { context, resource, series, slice } from '../fixtures.js';

const res = resource('ec2:instance', 'i-0edge', { instanceType: 'm5.2xlarge', state: 'running', platform: 'linux' });
/** CPU at 8 % with a daily 30-minute peak at 20 %, over `days` days of 5-minute points. */
const cpu = (days: number) => series(res.arn, 'CPUUtilization', 'Average', (i) => (i % 288 < 6 ? 20 : 8), { unit: 'Percent', days });

describe('ec2/rightsize-instance thresholds', () => {
  it('needs 30 hours of CPU data: 30 h flags, 29.5 h does not', () => {
    expect(rightsizeInstance.evaluate(slice(res, [cpu(30 / 24)]), context())).toHaveLength(1);
    expect(rightsizeInstance.evaluate(slice(res, [cpu(29.5 / 24)]), context())).toEqual([]);
  });

  it('needs $1 a month of savings: $1.05 flags, $0.95 does not', () => {
    const [finding] = rightsizeInstance.evaluate(slice(res, [cpu(14)]), context());
    const proposed = finding.proposed.instanceType as string;
    const proposedHourly = context().prices.ec2HourlyUsd(proposed) ?? 0;
    const priced = (monthlySavings: number) =>
      context({ prices: { region: 'us-east-1', ec2HourlyUsd: { 'm5.2xlarge': proposedHourly + monthlySavings / 730 }, ebsGbMonthUsd: {} } });
    const [flagged] = rightsizeInstance.evaluate(slice(res, [cpu(14)]), priced(1.05));
    expect(flagged.monthlySavingsUsd).toBeCloseTo(1.05, 6);
    expect(rightsizeInstance.evaluate(slice(res, [cpu(14)]), priced(0.95))).toEqual([]);
  });
});
