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
});
