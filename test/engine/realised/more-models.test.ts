import { describe, expect, it } from 'vitest';
import { createPriceBook, HOURS_PER_MONTH } from '../../../lambdas/engine/pricing/price-book.js';
import { measureRealisedSavings } from '../../../lambdas/engine/realised/realised-savings.js';
import type { Action } from '../../../lambdas/engine/types/action.js';
import type { MetricSeries, Resource } from '../../../lambdas/engine/types/snapshot.js';
import { DAY_MS, NOW, resource, series } from '../rules/fixtures.js';

const prices = createPriceBook();
const APPLIED_AT = NOW - 7 * DAY_MS;
const GIB = 1024 ** 3;

function action(res: Resource, ruleId: string, current: Record<string, unknown>, statistics: Record<string, number> = {}): Action {
  return {
    id: `${ruleId}:${res.name}`,
    ruleId,
    domain: 'database',
    resource: { arn: res.arn, type: res.type, account: res.account, region: res.region, name: res.name, tags: {} },
    current,
    proposed: {},
    monthlySavingsUsd: 12.345,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics, quantiles: {}, series: [], sources: [] },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
  };
}

function measure(a: Action, res: Resource | undefined, seriesList: MetricSeries[] = []) {
  return measureRealisedSavings({ action: a, resource: res, series: seriesList, appliedAt: APPLIED_AT, now: NOW }, prices);
}

describe('realised savings of a Lambda memory + arm64 change', () => {
  it('prices before with the recorded x86_64 architecture, keeping the arm64 saving', () => {
    const fn = resource('lambda:function', 'combined', { memoryMb: 1024, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs20.x' });
    const duration = series(fn.arn, 'Duration', 'Average', () => 100, { namespace: 'AWS/Lambda' });
    const invocations = series(fn.arn, 'Invocations', 'Sum', () => 100, { namespace: 'AWS/Lambda' });
    const result = measure(action(fn, 'lambda/memory-size', { memoryMb: 2048, architecture: 'x86_64' }), fn, [duration, invocations]);
    if (!result.measured) throw new Error(result.reason);
    const monthlyInvocations = 100 * 12 * HOURS_PER_MONTH;
    const before = 0.1 * 2 * prices.lambdaGbSecondUsd('x86_64') * monthlyInvocations;
    const after = 0.1 * 1 * prices.lambdaGbSecondUsd('arm64') * monthlyInvocations;
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(before - after, 1);
    expect(result.savings.basis.architectureBefore).toBe('x86_64');
  });
});

describe('realised savings of a DynamoDB billing-mode switch', () => {
  // 36 read and 18 write units per 5-minute period, the same before and after: 0.12 / 0.06 units per second.
  const traffic = (arn: string) => [
    series(arn, 'ConsumedReadCapacityUnits', 'Sum', () => 36, { namespace: 'AWS/DynamoDB' }),
    series(arn, 'ConsumedWriteCapacityUnits', 'Sum', () => 18, { namespace: 'AWS/DynamoDB' }),
  ];
  const readsPerMonth = 36 * 12 * HOURS_PER_MONTH;
  const writesPerMonth = 18 * 12 * HOURS_PER_MONTH;
  const onDemand = readsPerMonth * prices.dynamoDb.readRequestUnitUsd + writesPerMonth * prices.dynamoDb.writeRequestUnitUsd;

  it('prices the traffic after the switch under the provisioned units it left and on demand', () => {
    const table = resource('dynamodb:table', 'orders', { billingMode: 'PAY_PER_REQUEST' });
    const current = { billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 50 };
    const result = measure(action(table, 'dynamodb/capacity-mode', current), table, traffic(table.arn));
    if (!result.measured) throw new Error(result.reason);
    const provisioned = (100 * prices.dynamoDb.rcuHourUsd + 50 * prices.dynamoDb.wcuHourUsd) * HOURS_PER_MONTH;
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(provisioned - onDemand, 1);
    expect(result.savings.basis).toMatchObject({ billingModeBefore: 'PROVISIONED', billingModeAfter: 'PAY_PER_REQUEST', readUnitsPerMonth: readsPerMonth });
  });

  it('prices a switch to provisioned against what the same traffic cost on demand', () => {
    const table = resource('dynamodb:table', 'events', { billingMode: 'PROVISIONED', readCapacityUnits: 1, writeCapacityUnits: 1 });
    const result = measure(action(table, 'dynamodb/capacity-mode', { billingMode: 'PAY_PER_REQUEST' }), table, traffic(table.arn));
    if (!result.measured) throw new Error(result.reason);
    const provisioned = (prices.dynamoDb.rcuHourUsd + prices.dynamoDb.wcuHourUsd) * HOURS_PER_MONTH;
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(onDemand - provisioned, 2);
  });

  it('does not count lower traffic after a switch as savings', () => {
    const table = resource('dynamodb:table', 'quiet', { billingMode: 'PROVISIONED', readCapacityUnits: 1, writeCapacityUnits: 1 });
    // Reads halve after the switch to provisioned: the on-demand side is priced on the traffic after, not before.
    const reads = series(table.arn, 'ConsumedReadCapacityUnits', 'Sum', (_i, t) => (t < APPLIED_AT ? 72 : 36), { namespace: 'AWS/DynamoDB' });
    const result = measure(action(table, 'dynamodb/capacity-mode', { billingMode: 'PAY_PER_REQUEST' }), table, [reads]);
    if (!result.measured) throw new Error(result.reason);
    const provisioned = (prices.dynamoDb.rcuHourUsd + prices.dynamoDb.wcuHourUsd) * HOURS_PER_MONTH;
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(readsPerMonth * prices.dynamoDb.readRequestUnitUsd - provisioned, 2);
  });

  it('says why when the starting mode or the traffic is missing', () => {
    const table = resource('dynamodb:table', 't', { billingMode: 'PAY_PER_REQUEST' });
    expect(measure(action(table, 'dynamodb/capacity-mode', { billingMode: 'PROVISIONED' }), table, traffic(table.arn))).toEqual({
      measured: false,
      reason: 'the action does not record the billing mode (and provisioned units) it started from',
    });
    expect(measure(action(table, 'dynamodb/capacity-mode', { billingMode: 'PAY_PER_REQUEST' }), table, [])).toEqual({
      measured: false,
      reason: 'no ConsumedReadCapacityUnits or ConsumedWriteCapacityUnits (Sum) series',
    });
  });
});

describe('realised savings of a log retention setting', () => {
  it('prices the stored bytes recorded with the action against the inventoried ones', () => {
    const group = resource('logs:log-group', '/app/api', { retentionDays: 30, storedBytes: 20 * GIB });
    const result = measure(action(group, 'logs/missing-retention', { retentionDays: null, storedBytes: 100 * GIB }), group);
    if (!result.measured) throw new Error(result.reason);
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(80 * prices.logs.storageGbMonthUsd, 2);
    expect(result.savings.basis).toMatchObject({ storedGbBefore: 100, storedGbAfter: 20 });
  });

  it('falls back on the evidence when the action does not record the bytes, and counts a deleted group as freeing all', () => {
    const group = resource('logs:log-group', '/app/old', { storedBytes: 10 * GIB });
    const result = measure(action(group, 'logs/missing-retention', { retentionDays: null }, { storedGb: 10 }), undefined);
    if (!result.measured) throw new Error(result.reason);
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(10 * prices.logs.storageGbMonthUsd, 2);
    expect(measure(action(group, 'logs/missing-retention', { retentionDays: null }), group)).toEqual({
      measured: false,
      reason: 'the action does not record the stored bytes it started from',
    });
  });
});
