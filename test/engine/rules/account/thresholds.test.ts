import { describe, expect, it } from 'vitest';
import { savingsPlans } from '../../../../lambdas/engine/rules/account/savings-plans.js';
import { protectedMonthlyUsd } from '../../../../lambdas/engine/rules/account/protected-monthly-usd.js';
import type { AccountRuleInput } from '../../../../lambdas/engine/rules/account-rule.js';
import type { HourlySpend } from '../../../../lambdas/engine/insights/hourly-compute-spend.js';
import { context, NOW, resource } from '../fixtures.js';

// Each threshold just inside and just outside, with literal values (a changed threshold fails here).
const ACCOUNT = '123456789012';
const HOUR = 3_600_000;
/** `hours` of flat hourly on-demand compute spend ending at NOW. */
const flat = (usdPerHour: number, hours: number): HourlySpend[] =>
  Array.from({ length: hours }, (_, i) => ({ account: ACCOUNT, hourStart: NOW - (hours - i) * HOUR, usd: usdPerHour }));
const input = (rows: HourlySpend[]): AccountRuleInput => ({ resources: [], findings: [], hourlyComputeSpend: rows, costs: [], anomalies: [], forecasts: [] });

describe('account/savings-plans thresholds', () => {
  it('needs a week of hourly spend: 168 hours are sized, 167 are not', () => {
    expect(savingsPlans.evaluate(input(flat(4, 168)), context())).toHaveLength(1);
    expect(savingsPlans.evaluate(input(flat(4, 167)), context())).toEqual([]);
  });

  it('needs more than $1 a month of savings: $1.05 is sized, $0.95 is not', () => {
    // a flat spend is committed in full, so the saving is proportional to it
    const [reference] = savingsPlans.evaluate(input(flat(4, 336)), context());
    const spendFor = (savingsUsd: number) => (4 * savingsUsd) / reference.monthlySavingsUsd;
    const [sized] = savingsPlans.evaluate(input(flat(spendFor(1.05), 336)), context());
    expect(sized.monthlySavingsUsd).toBeCloseTo(1.05, 2);
    expect(savingsPlans.evaluate(input(flat(spendFor(0.95), 336)), context())).toEqual([]);
  });
});

describe('protectedMonthlyUsd floor', () => {
  it('never protects less than $50 a month: an instance at $51 keeps its price, one at $49 counts $50', () => {
    const instance = resource('ec2:instance', 'edge', { instanceType: 'm5.large', state: 'running' });
    const at = (monthlyUsd: number) => context({ prices: { region: 'us-east-1', ec2HourlyUsd: { 'm5.large': monthlyUsd / 730 }, ebsGbMonthUsd: {} } }).prices;
    expect(protectedMonthlyUsd(instance, at(51))).toBeCloseTo(51, 6);
    expect(protectedMonthlyUsd(instance, at(49))).toBe(50);
  });
});
