import { describe, expect, it } from 'vitest';
import { idleNatGateway } from '../../../../lambdas/engine/rules/network/idle-nat-gateway.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const nat = (config: Record<string, unknown> = {}) =>
  resource('ec2:nat-gateway', 'nat-0abc', { state: 'available', vpcId: 'vpc-1', createTime: new Date(NOW - 90 * DAY_MS).toISOString(), ...config });
const metric = (arn: string, name: string, stat: string, fn: (i: number) => number, days = 14) =>
  series(arn, name, stat, fn, { days, periodSec: 3600, namespace: 'AWS/NATGateway' });
const quiet = (arn: string, bytesPerHour = 1000, days = 14) => [
  metric(arn, 'BytesInFromSource', 'Sum', () => bytesPerHour, days),
  metric(arn, 'BytesInFromDestination', 'Sum', () => bytesPerHour, days),
  metric(arn, 'ActiveConnectionCount', 'Maximum', () => 0, days),
];

describe('network/idle-nat-gateway', () => {
  it('flags a NAT gateway that forwarded under 1 GB with no active connection', () => {
    const res = nat();
    const [finding] = idleNatGateway.evaluate(slice(res, quiet(res.arn)), context());
    // 0.045 × 730 = 32.85, plus processing of 672 kB in 14 days ≈ 0
    expect(finding.monthlySavingsUsd).toBeCloseTo(32.85, 2);
    expect(finding).toMatchObject({ performanceRisk: 2, effort: 'medium', reversible: false, confidence: 1 });
    expect(finding.automation.executor).toBeNull();
    expect(finding.evidence.statistics.routeTablesMustChange).toBe(true);
  });

  it('passes a NAT gateway with real traffic or any active connection', () => {
    const res = nat();
    expect(idleNatGateway.evaluate(slice(res, quiet(res.arn, 10_000_000)), context())).toEqual([]);
    const connected = [...quiet(res.arn).slice(0, 2), metric(res.arn, 'ActiveConnectionCount', 'Maximum', (i) => (i === 100 ? 2 : 0))];
    expect(idleNatGateway.evaluate(slice(res, connected), context())).toEqual([]);
  });

  it('counts the bytes processed in both directions: heavy downloads (BytesInFromDestination) keep a gateway busy', () => {
    const res = nat();
    const downloads = [
      metric(res.arn, 'BytesOutToDestination', 'Sum', () => 1000),
      metric(res.arn, 'BytesInFromSource', 'Sum', () => 1000),
      metric(res.arn, 'BytesInFromDestination', 'Sum', () => 10_000_000),
      metric(res.arn, 'ActiveConnectionCount', 'Maximum', () => 0),
    ];
    expect(idleNatGateway.evaluate(slice(res, downloads), context())).toEqual([]);
  });

  it('prices the processing charge on the bytes of both directions', () => {
    const res = nat();
    // 1 MB each way per hour → 2 MB × 24 × 14 = 0.672 GB processed in 14 days
    const [finding] = idleNatGateway.evaluate(slice(res, quiet(res.arn, 1_000_000)), context());
    expect(finding.evidence.statistics.totalBytes).toBe(2 * 1_000_000 * 14 * 24);
    const days = finding.evidence.statistics.daysObserved as number;
    expect(finding.evidence.statistics.processingMonthlyUsd).toBeCloseTo((0.672 / days) * (730 / 24) * 0.045, 4);
  });

  it('needs 7 days of byte data, and lowers confidence without connection data', () => {
    const res = nat();
    expect(idleNatGateway.evaluate(slice(res), context())).toEqual([]);
    expect(idleNatGateway.evaluate(slice(res, quiet(res.arn, 1000, 5)), context())).toEqual([]);
    const [finding] = idleNatGateway.evaluate(slice(res, quiet(res.arn).slice(0, 2)), context());
    expect(finding.confidence).toBe(0.8);
    expect(finding.evidence.statistics.connectionsCollected).toBe(false);
  });

  it('leaves NAT gateways created within the lookback, or not available, alone', () => {
    const young = nat({ createTime: new Date(NOW - 2 * DAY_MS).toISOString() });
    expect(idleNatGateway.evaluate(slice(young, quiet(young.arn)), context())).toEqual([]);
    const deleting = nat({ state: 'deleting' });
    expect(idleNatGateway.evaluate(slice(deleting, quiet(deleting.arn)), context())).toEqual([]);
  });
});
