import { describe, expect, it } from 'vitest';
import { idleLoadBalancer } from '../../../../lambdas/engine/rules/elb/idle-load-balancer.js';
import { context, NOW, DAY_MS, resource, series, slice } from '../fixtures.js';

const CREATED_LONG_AGO = new Date(NOW - 60 * DAY_MS).toISOString();
const lb = (config: Record<string, unknown> = {}) =>
  resource('elb:load-balancer', 'web-alb', {
    lbType: 'application',
    scheme: 'internet-facing',
    state: 'active',
    createdTime: CREATED_LONG_AGO,
    registeredTargets: 2,
    healthyTargets: 2,
    ...config,
  });
/** Hourly RequestCount sums: `perHour` requests every hour for 14 days. */
const requests = (arn: string, perHour: number, metric = 'RequestCount') =>
  series(arn, metric, 'Sum', () => perHour, { periodSec: 3600, namespace: 'AWS/ApplicationELB', unit: 'Count' });

describe('elb/idle-load-balancer', () => {
  it('flags an ALB with under 100 requests on every one of the last 7 days', () => {
    const res = lb();
    const [finding] = idleLoadBalancer.evaluate(slice(res, [requests(res.arn, 2)]), context());
    expect(finding.evidence.statistics.reason).toBe('low-traffic');
    expect(finding.evidence.statistics.maxDailyRequests).toBe(48);
    expect(finding.monthlySavingsUsd).toBeCloseTo(0.0225 * 730, 2);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.confidence).toBe(1);
    expect(finding.reversible).toBe(false);
  });

  it('passes a load balancer serving 100 or more requests a day', () => {
    const res = lb();
    expect(idleLoadBalancer.evaluate(slice(res, [requests(res.arn, 5)]), context())).toEqual([]);
  });

  it('flags a load balancer without registered or healthy targets, whatever the traffic data', () => {
    const noTargets = lb({ registeredTargets: 0, healthyTargets: 0 });
    const [a] = idleLoadBalancer.evaluate(slice(noTargets), context());
    expect(a.evidence.statistics.reason).toBe('no-registered-targets');
    expect(a.performanceRisk).toBe(0);
    const unhealthy = lb({ lbType: 'classic', healthyTargets: 0 });
    const [b] = idleLoadBalancer.evaluate(slice(unhealthy, [requests(unhealthy.arn, 50)]), context());
    expect(b.evidence.statistics.reason).toBe('no-healthy-targets');
    expect(b.monthlySavingsUsd).toBeCloseTo(0.025 * 730, 2);
  });

  it('counts days without data points as zero requests (ELB publishes nothing without traffic)', () => {
    const res = lb();
    const sparse = series(res.arn, 'RequestCount', 'Sum', (i) => (i % 48 === 0 ? 30 : Number.NaN), { periodSec: 3600 });
    expect(idleLoadBalancer.evaluate(slice(res, [sparse]), context())).toHaveLength(1);
  });

  it('judges NLBs by new flows and active flows', () => {
    const res = lb({ lbType: 'network' });
    const newFlows = requests(res.arn, 1, 'NewFlowCount');
    expect(idleLoadBalancer.evaluate(slice(res, [newFlows]), context())).toHaveLength(1);
    const busyLongLived = series(res.arn, 'ActiveFlowCount', 'Maximum', () => 400, { periodSec: 3600 });
    expect(idleLoadBalancer.evaluate(slice(res, [newFlows, busyLongLived]), context())).toEqual([]);
  });

  it('leaves young, inactive, or unmeasured load balancers alone, and lowers confidence when the age is unknown', () => {
    const young = lb({ createdTime: new Date(NOW - 3 * DAY_MS).toISOString() });
    expect(idleLoadBalancer.evaluate(slice(young, [requests(young.arn, 0)]), context())).toEqual([]);
    const provisioning = lb({ state: 'provisioning' });
    expect(idleLoadBalancer.evaluate(slice(provisioning, [requests(provisioning.arn, 0)]), context())).toEqual([]);
    const unmeasured = lb();
    expect(idleLoadBalancer.evaluate(slice(unmeasured), context())).toEqual([]);
    const ageless = lb({ createdTime: undefined });
    const shortHistory = series(ageless.arn, 'RequestCount', 'Sum', () => 1, { periodSec: 3600, days: 3 });
    const [finding] = idleLoadBalancer.evaluate(slice(ageless, [shortHistory]), context());
    expect(finding.confidence).toBe(0.6);
  });
});
