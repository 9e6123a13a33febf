import { describe, expect, it } from 'vitest';
import { idleNatGateway } from '../../../../lambdas/engine/rules/network/idle-nat-gateway.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const res = resource('ec2:nat-gateway', 'nat-0edge', { state: 'available', vpcId: 'vpc-1', createTime: new Date(NOW - 90 * DAY_MS).toISOString() });
const HOUR_MS = 3_600_000;
/** Hourly BytesInFromSource on the `days` whole UTC days before NOW: `total` bytes in the last hour, 0 elsewhere. */
const traffic = (total: number, days = 14) => {
  const at = (t: number) => (t === NOW ? Number.NaN : t === NOW - HOUR_MS ? total : 0);
  return [
    series(res.arn, 'BytesInFromSource', 'Sum', (_, t) => at(t), { days, periodSec: 3600, namespace: 'AWS/NATGateway' }),
    series(res.arn, 'BytesInFromDestination', 'Sum', (_, t) => (t === NOW ? Number.NaN : 0), { days, periodSec: 3600, namespace: 'AWS/NATGateway' }),
  ];
};
const flags = (list: ReturnType<typeof traffic>) => idleNatGateway.evaluate(slice(res, list), context()).length === 1;

describe('network/idle-nat-gateway thresholds', () => {
  it('under 1 GB processed: 0.95 GB is idle, 1.0 GB is not', () => {
    expect(flags(traffic(950_000_000))).toBe(true);
    expect(flags(traffic(1_000_000_000))).toBe(false);
    expect(flags(traffic(1_050_000_000))).toBe(false);
  });

  it('needs 7 observed UTC days: 7 flag, 6 do not', () => {
    expect(flags(traffic(0, 7))).toBe(true);
    expect(flags(traffic(0, 6))).toBe(false);
  });
});
