import { describe, expect, it } from 'vitest';
import { capacityMode } from '../../../../lambdas/engine/rules/dynamodb/capacity-mode.js';
import { context, NOW, resource, series, slice } from '../fixtures.js';

// Each threshold just inside and just outside, with literal values (a changed threshold fails here).
const table = (config: Record<string, unknown>) => resource('dynamodb:table', 'edge', config);
/** Steady consumed units per second (Sum per 5 minutes) on `days` whole UTC days before NOW. */
function consumed(arn: string, readsPerSec: number, writesPerSec: number, days = 14) {
  const opts = { namespace: 'AWS/DynamoDB', days };
  const at = (perSec: number) => (_: number, t: number) => (t === NOW ? Number.NaN : perSec * 300);
  return [series(arn, 'ConsumedReadCapacityUnits', 'Sum', at(readsPerSec), opts), series(arn, 'ConsumedWriteCapacityUnits', 'Sum', at(writesPerSec), opts)];
}
// us-east-1: $0.00013 per RCU-hour; $0.125 per million read request units; 730 h
const provisionedUsd = (rcu: number) => rcu * 0.00013 * 730;
const readsPerSecCosting = (usd: number) => usd / (3600 * 730 * 0.125e-6);
const flags = (config: Record<string, unknown>, readsPerSec: number, writesPerSec = 0, days = 14) => {
  const res = table(config);
  return capacityMode.evaluate(slice(res, consumed(res.arn, readsPerSec, writesPerSec, days)), context()).length === 1;
};

describe('dynamodb/capacity-mode thresholds', () => {
  const provisioned = (rcu: number) => ({ billingMode: 'PROVISIONED', readCapacityUnits: rcu, writeCapacityUnits: 0 });

  it('saves at least 5 % of the current cost: 5.1 % switches, 4.9 % does not', () => {
    const current = provisionedUsd(10_000); // $949 a month: 5 % is well above $1
    expect(flags(provisioned(10_000), readsPerSecCosting(current * (1 - 0.051)))).toBe(true);
    expect(flags(provisioned(10_000), readsPerSecCosting(current * (1 - 0.049)))).toBe(false);
  });

  it('saves at least $1 a month: $1.05 switches, $0.95 does not', () => {
    const current = provisionedUsd(100); // $9.49 a month: 5 % is under $1
    expect(flags(provisioned(100), readsPerSecCosting(current - 1.05))).toBe(true);
    expect(flags(provisioned(100), readsPerSecCosting(current - 0.95))).toBe(false);
  });

  it('sizes provisioned units from ≥ 7 observed days: 7 days switch, 6 do not', () => {
    expect(flags({ billingMode: 'PAY_PER_REQUEST' }, 100, 10, 7)).toBe(true);
    expect(flags({ billingMode: 'PAY_PER_REQUEST' }, 100, 10, 6)).toBe(false);
  });
});
