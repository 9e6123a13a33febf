import { describe, expect, it } from 'vitest';
import { idleInstance } from '../../../../lambdas/engine/rules/ec2/idle-instance.js';
import { FindingSchema } from '../../../../lambdas/engine/types/action.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const res = resource('ec2:instance', 'i-0idle', { instanceType: 'm5.large', state: 'running' });

/** The UTC day index of a timestamp, 0 = the oldest of the 14 days before NOW (NOW is midnight UTC). */
const dayOf = (t: number) => Math.floor((t - (NOW - 14 * DAY_MS)) / DAY_MS);

/** CPU % and network bytes per 5 minutes: idle (2 %, 1 KB) on `idleDays` of the 14 days, busy (40 %, 10 MB) otherwise. */
function metrics(idleDays: Set<number>, options: { withNetwork?: boolean } = {}) {
  const idle = (t: number) => idleDays.has(dayOf(t));
  const list = [series(res.arn, 'CPUUtilization', 'Average', (_, t) => (idle(t) ? 2 : 40), { unit: 'Percent' })];
  if (options.withNetwork !== false) {
    list.push(series(res.arn, 'NetworkIn', 'Sum', (_, t) => (idle(t) ? 1000 : 10_000_000), { unit: 'Bytes' }));
    list.push(series(res.arn, 'NetworkOut', 'Sum', (_, t) => (idle(t) ? 500 : 10_000_000), { unit: 'Bytes' }));
  }
  return list;
}

describe('ec2/idle-instance', () => {
  it("flags an instance idle on every day and proposes stopping it for its full price", () => {
    const all = new Set(Array.from({ length: 15 }, (_, d) => d));
    const [finding] = idleInstance.evaluate(slice(res, metrics(all)), context());
    expect(FindingSchema.parse(finding)).toBeTruthy();
    expect(finding.proposed).toEqual({ state: 'stopped' });
    expect(finding.automation.executor).toBe('ec2-stop');
    expect(finding.performanceRisk).toBe(0);
    expect(finding.monthlySavingsUsd).toBeCloseTo(0.096 * 730, 1);
    expect(finding.evidence.statistics.idleDays).toBeGreaterThanOrEqual(14);
  });

  it("flags at Trusted Advisor's 4-of-14-days threshold, scaling savings and risk by the idle share", () => {
    const [finding] = idleInstance.evaluate(slice(res, metrics(new Set([2, 3, 9, 10]))), context());
    const { idleDays, daysObserved } = finding.evidence.statistics as { idleDays: number; daysObserved: number };
    expect(idleDays).toBe(4);
    expect(finding.monthlySavingsUsd).toBeCloseTo((0.096 * 730 * 4) / daysObserved, 1);
    expect(finding.performanceRisk).toBeGreaterThanOrEqual(3);
  });

  it('passes an instance idle on only 3 days', () => {
    expect(idleInstance.evaluate(slice(res, metrics(new Set([1, 5, 9]))), context())).toEqual([]);
  });

  it('does not flag a quiet-CPU instance with real network traffic', () => {
    const list = [
      series(res.arn, 'CPUUtilization', 'Average', () => 2),
      series(res.arn, 'NetworkIn', 'Sum', () => 1_000_000),
      series(res.arn, 'NetworkOut', 'Sum', () => 0),
    ];
    expect(idleInstance.evaluate(slice(res, list), context())).toEqual([]);
  });

  it('returns nothing when network metrics are missing (the definition needs both)', () => {
    const all = new Set(Array.from({ length: 15 }, (_, d) => d));
    expect(idleInstance.evaluate(slice(res, metrics(all, { withNetwork: false })), context())).toEqual([]);
  });

  it('never flags a member of an Auto Scaling group (the group would replace a stopped instance)', () => {
    const member = resource('ec2:instance', 'i-0asg', { instanceType: 'm5.large', state: 'running', autoScalingGroup: 'web-asg' });
    const all = new Set(Array.from({ length: 15 }, (_, d) => d));
    const list = metrics(all).map((s) => ({ ...s, resourceArn: member.arn }));
    expect(idleInstance.evaluate(slice(member, list), context())).toEqual([]);
  });

  it('does not throw when the lookback window (3 days) holds no point but the 14-day decision window does', () => {
    const all = new Set(Array.from({ length: 15 }, (_, d) => d));
    const ended = metrics(all).map((s) => {
      const keep = s.timestamps.map((t, i) => i).filter((i) => s.timestamps[i] <= NOW - 5 * DAY_MS);
      return { ...s, timestamps: keep.map((i) => s.timestamps[i]), values: keep.map((i) => s.values[i]) };
    });
    const [finding] = idleInstance.evaluate(slice(res, ended), context({ lookbackDays: 3 }));
    expect(finding.evidence.quantiles.p50).toBe(2);
  });

  it('reads an Average-only network series as an upper bound of the Sum (detailed monitoring averages per minute)', () => {
    const list = [
      series(res.arn, 'CPUUtilization', 'Average', () => 2),
      series(res.arn, 'NetworkIn', 'Average', () => 3_000),
      series(res.arn, 'NetworkOut', 'Average', () => 0),
    ];
    // 3 kB × 5 × 288 = 4.32 MB a day: idle; the same per period as Sum would be 0.86 MB.
    const [finding] = idleInstance.evaluate(slice(res, list), context());
    expect(finding.evidence.statistics.maxIdleDayNetworkBytes).toBe(3_000 * 5 * 288);
    const busy = [list[0], series(res.arn, 'NetworkIn', 'Average', () => 4_000), list[2]];
    // 4 kB × 5 × 288 = 5.76 MB a day > 5 MB: not idle, though Average read as Sum (1.15 MB) would be.
    expect(idleInstance.evaluate(slice(res, busy), context())).toEqual([]);
  });
});
