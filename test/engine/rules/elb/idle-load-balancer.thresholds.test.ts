import { describe, expect, it } from 'vitest';
import { idleLoadBalancer } from '../../../../lambdas/engine/rules/elb/idle-load-balancer.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const res = resource('elb:load-balancer', 'edge-alb', {
  lbType: 'application',
  scheme: 'internet-facing',
  state: 'active',
  createdTime: new Date(NOW - 60 * DAY_MS).toISOString(),
  registeredTargets: 2,
  healthyTargets: 2,
});
/** Hourly RequestCount: `requests` in the first hour of the day starting `daysAgo` days before NOW, 0 elsewhere. */
const burst = (requests: number, daysAgo: number) =>
  series(res.arn, 'RequestCount', 'Sum', (_, t) => (t === NOW - daysAgo * DAY_MS ? requests : 0), { periodSec: 3600, namespace: 'AWS/ApplicationELB', unit: 'Count' });
const flags = (requests: number, daysAgo: number) => idleLoadBalancer.evaluate(slice(res, [burst(requests, daysAgo)]), context()).length === 1;

describe('elb/idle-load-balancer thresholds', () => {
  it('fewer than 100 requests a day: a day of 99 is idle, a day of 100 is not', () => {
    expect(flags(99, 3)).toBe(true);
    expect(flags(100, 3)).toBe(false);
    expect(flags(109, 3)).toBe(false);
  });

  it('window of 7 whole days: a busy day 7 days back counts, one 8 days back does not', () => {
    expect(flags(500, 7)).toBe(false);
    expect(flags(500, 8)).toBe(true);
  });
});
