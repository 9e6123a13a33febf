import { describe, expect, it } from 'vitest';
import { capacityMode } from '../../../../lambdas/engine/rules/dynamodb/capacity-mode.js';
import { context, resource, series, slice } from '../fixtures.js';

const table = (config: Record<string, unknown>) => resource('dynamodb:table', 'orders', config);

/** Consumed units per second, as CloudWatch reports them: Sum per 5-minute period. */
function consumed(arn: string, readsPerSec: (i: number) => number, writesPerSec: (i: number) => number) {
  const opts = { namespace: 'AWS/DynamoDB' };
  return [
    series(arn, 'ConsumedReadCapacityUnits', 'Sum', (i) => readsPerSec(i) * 300, opts),
    series(arn, 'ConsumedWriteCapacityUnits', 'Sum', (i) => writesPerSec(i) * 300, opts),
  ];
}

const HOURS = 730;
const onDemandCost = (reads: number, writes: number) => reads * 3600 * HOURS * 0.125e-6 + writes * 3600 * HOURS * 0.625e-6;
const provisionedCost = (rcu: number, wcu: number) => (rcu * 0.00013 + wcu * 0.00065) * HOURS;

describe('dynamodb/capacity-mode', () => {
  it('moves a steady on-demand table to provisioned at peak ÷ 0.7', () => {
    const res = table({ billingMode: 'PAY_PER_REQUEST' });
    const [finding] = capacityMode.evaluate(slice(res, consumed(res.arn, () => 100, () => 10)), context());
    expect(finding.proposed).toEqual({ billingMode: 'PROVISIONED', readCapacityUnits: 143, writeCapacityUnits: 15, autoScalingTargetPercent: 70 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(onDemandCost(100, 10) - provisionedCost(143, 15), 1);
    expect(finding.performanceRisk).toBe(2);
    expect(finding.automation.executor).toBe('dynamodb-billing-mode');
    expect(String(finding.evidence.statistics.switchLimit)).toContain('4 times per rolling 24 h');
  });

  it('keeps a spiky on-demand table on demand (provisioning its peak would cost more)', () => {
    const res = table({ billingMode: 'PAY_PER_REQUEST' });
    const spiky = (i: number) => (i % 288 === 0 ? 200 : 1);
    expect(capacityMode.evaluate(slice(res, consumed(res.arn, spiky, spiky)), context())).toEqual([]);
  });

  it('moves an under-used provisioned table to on demand', () => {
    const res = table({ billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 100 });
    const [finding] = capacityMode.evaluate(slice(res, consumed(res.arn, () => 1, () => 0.1)), context());
    expect(finding.proposed).toEqual({ billingMode: 'PAY_PER_REQUEST' });
    expect(finding.monthlySavingsUsd).toBeCloseTo(provisionedCost(100, 100) - onDemandCost(1, 0.1), 1);
    expect(finding.performanceRisk).toBe(0);
  });

  it('does not treat a missing read or write series as zero consumption', () => {
    const res = table({ billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 100 });
    const [reads, writes] = consumed(res.arn, () => 1, () => 90);
    // Writes run at 90 % of the provisioned units: with the write series missing, on demand would look far cheaper.
    expect(capacityMode.evaluate(slice(res, [reads]), context())).toEqual([]);
    expect(capacityMode.evaluate(slice(res, [writes]), context())).toEqual([]);
    const onDemand = table({ billingMode: 'PAY_PER_REQUEST' });
    expect(capacityMode.evaluate(slice(onDemand, [consumed(onDemand.arn, () => 100, () => 10)[0]]), context())).toEqual([]);
  });

  it('decides on the series with data when the other has no point in the window (zero traffic)', () => {
    const res = table({ billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 100 });
    const [reads, writes] = consumed(res.arn, () => 0, () => 0.1);
    const [finding] = capacityMode.evaluate(slice(res, [{ ...reads, timestamps: [], values: [] }, writes]), context());
    expect(finding.proposed).toEqual({ billingMode: 'PAY_PER_REQUEST' });
  });

  it('passes a well-used provisioned table', () => {
    const res = table({ billingMode: 'PROVISIONED', readCapacityUnits: 143, writeCapacityUnits: 15 });
    expect(capacityMode.evaluate(slice(res, consumed(res.arn, () => 100, () => 10)), context())).toEqual([]);
  });

  it('ids name the target mode, not the units, so a busier week keeps the id', () => {
    const res = table({ billingMode: 'PAY_PER_REQUEST' });
    const a = capacityMode.evaluate(slice(res, consumed(res.arn, () => 100, () => 10)), context())[0];
    const b = capacityMode.evaluate(slice(res, consumed(res.arn, () => 180, () => 12)), context())[0];
    expect(b.proposed.readCapacityUnits).not.toBe(a.proposed.readCapacityUnits);
    expect(b.id).toBe(a.id);
  });
});
