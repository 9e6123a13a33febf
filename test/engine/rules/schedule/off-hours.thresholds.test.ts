import { describe, expect, it } from 'vitest';
import { offHoursEc2 } from '../../../../lambdas/engine/rules/schedule/off-hours.js';
import { context, resource, series, slice } from '../fixtures.js';

// Each threshold just inside (flagged) and just outside (passed). Values are literal on purpose.
const res = { ...resource('ec2:instance', 'i-0edge', { instanceType: 'm5.large', state: 'running' }), tags: { env: 'test' } };
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());
const flags = (fn: (t: number) => number) =>
  offHoursEc2.evaluate(slice(res, [series(res.arn, 'CPUUtilization', 'Average', (_, t) => fn(t), { unit: 'Percent', days: 15 })]), context()).length === 1;

describe('schedule/off-hours thresholds', () => {
  it('idle hour CPU: a mean of 10 % is idle, 10.5 % is not', () => {
    const office = (t: number) => !isWeekend(t) && new Date(t).getUTCHours() >= 8 && new Date(t).getUTCHours() < 20;
    expect(flags((t) => (office(t) ? 40 : 10))).toBe(true);
    expect(flags((t) => (office(t) ? 40 : 10.5))).toBe(false);
  });

  it('off hours a week: 48 (the weekend) flags, 47 does not', () => {
    // busy around the clock on weekdays; weekends idle, or busy in one hour of the day (10:00 UTC) → 2 × 23 + 1 = 47 off
    expect(flags((t) => (isWeekend(t) ? 3 : 50))).toBe(true);
    expect(flags((t) => (!isWeekend(t) || new Date(t).getUTCHours() === 10 ? 50 : 3))).toBe(false);
  });
});
