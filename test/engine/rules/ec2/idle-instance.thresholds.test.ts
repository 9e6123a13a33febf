import { describe, expect, it } from 'vitest';
import { idleInstance } from '../../../../lambdas/engine/rules/ec2/idle-instance.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

// Each threshold just inside (flagged) and just outside (passed). Values are literal on purpose: a changed threshold
// fails here. NOW is midnight UTC, so the decision window is the 14 whole days [NOW − 14 d, NOW).
const res = resource('ec2:instance', 'i-0edge', { instanceType: 'm5.large', state: 'running' });

/** Every day at `cpu` % and `bytesPerDay` of network (in 5-minute sums), over `days` days. */
function flat(cpu: number, bytesPerDay: number, days = 16) {
  return [
    series(res.arn, 'CPUUtilization', 'Average', () => cpu, { unit: 'Percent', days }),
    series(res.arn, 'NetworkIn', 'Sum', () => bytesPerDay / 288, { unit: 'Bytes', days }),
    series(res.arn, 'NetworkOut', 'Sum', () => 0, { unit: 'Bytes', days }),
  ];
}

const flags = (list: ReturnType<typeof flat>) => idleInstance.evaluate(slice(res, list), context()).length === 1;

describe('ec2/idle-instance thresholds', () => {
  it('daily average CPU: 10 % is idle, 10.5 % is not', () => {
    expect(flags(flat(10, 1000))).toBe(true);
    expect(flags(flat(10.5, 1000))).toBe(false);
    expect(flags(flat(9.5, 1000))).toBe(true);
  });

  it('daily network: 4.9 MB is idle, 5.1 MB is not', () => {
    expect(flags(flat(2, 4_900_000))).toBe(true);
    expect(flags(flat(2, 5_100_000))).toBe(false);
  });

  it('window: an idle day 14 days back counts, one 15 days back does not', () => {
    // busy except 4 idle days: the oldest of them at `oldestDaysAgo`
    const idleAt = (oldestDaysAgo: number) => {
      const idleStarts = [oldestDaysAgo, 3, 2, 1].map((d) => NOW - d * DAY_MS);
      const idle = (t: number) => idleStarts.some((s) => t >= s && t < s + DAY_MS);
      return [
        series(res.arn, 'CPUUtilization', 'Average', (_, t) => (idle(t) ? 2 : 40), { unit: 'Percent', days: 16 }),
        series(res.arn, 'NetworkIn', 'Sum', (_, t) => (idle(t) ? 1000 : 10_000_000), { unit: 'Bytes', days: 16 }),
        series(res.arn, 'NetworkOut', 'Sum', () => 0, { unit: 'Bytes', days: 16 }),
      ];
    };
    expect(flags(idleAt(14))).toBe(true);
    expect(flags(idleAt(15))).toBe(false);
  });
});
