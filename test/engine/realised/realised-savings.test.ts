import { describe, expect, it } from 'vitest';
import { createPriceBook, HOURS_PER_MONTH } from '../../../lambdas/engine/pricing/price-book.js';
import { measureRealisedSavings, type RealisedSavingsInput } from '../../../lambdas/engine/realised/realised-savings.js';
import type { Action } from '../../../lambdas/engine/types/action.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { DAY_MS, NOW, resource, series } from '../rules/fixtures.js';

const prices = createPriceBook();
const APPLIED_AT = NOW - 7 * DAY_MS;

function action(res: Resource, ruleId: string, current: Record<string, unknown>, executor: string | null, monthlySavingsUsd: number): Action {
  return {
    id: `${ruleId}:x`,
    ruleId,
    domain: 'storage',
    resource: { arn: res.arn, type: res.type, account: res.account, region: res.region, name: res.name, tags: {} },
    current,
    proposed: {},
    monthlySavingsUsd,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
  };
}

function measure(input: Omit<RealisedSavingsInput, 'appliedAt' | 'now'>) {
  return measureRealisedSavings({ ...input, appliedAt: APPLIED_AT, now: NOW }, prices);
}

describe('measureRealisedSavings', () => {
  it('prices an EBS volume before as recorded and after as inventoried', () => {
    const volume = resource('ebs:volume', 'vol-1', { volumeType: 'gp3', sizeGiB: 500, iops: 3000, throughputMiBps: 125, state: 'in-use' });
    const result = measure({ action: action(volume, 'ebs/gp2-to-gp3', { volumeType: 'gp2', sizeGiB: 500 }, 'ebs-gp2-to-gp3', 10), resource: volume, series: [] });
    if (!result.measured) throw new Error(result.reason);
    // gp2 $0.10 and gp3 $0.08 per GB-month: 500 × 0.02 = $10.
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(500 * (prices.ebsGbMonthUsd('gp2') - prices.ebsGbMonthUsd('gp3')), 2);
    expect(result.savings.estimatedMonthlyUsd).toBe(10);
  });

  it('counts the snapshot kept when a volume was deleted by snapshot-then-delete', () => {
    const volume = resource('ebs:volume', 'vol-2', { volumeType: 'gp2', sizeGiB: 100, state: 'available' });
    const result = measure({ action: action(volume, 'ebs/unattached-volume', { volumeType: 'gp2', sizeGiB: 100 }, 'ebs-snapshot-delete', 5), resource: undefined, series: [] });
    if (!result.measured) throw new Error(result.reason);
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(100 * (prices.ebsGbMonthUsd('gp2') - prices.ebsSnapshotGbMonthUsd), 2);
  });

  it('measures a stopped EC2 instance by the running hours its CPU series shows', () => {
    const instance = resource('ec2:instance', 'i-1', { instanceType: 'm5.large', state: 'stopped' });
    // Running until the change, no datapoints after it.
    const cpu = series(instance.arn, 'CPUUtilization', 'Average', (_i, t) => (t < APPLIED_AT ? 3 : Number.NaN));
    const result = measure({ action: action(instance, 'ec2/idle-instance', { instanceType: 'm5.large', state: 'running' }, 'ec2-stop', 70), resource: instance, series: [cpu] });
    if (!result.measured) throw new Error(result.reason);
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(prices.ec2HourlyUsd('m5.large')! * HOURS_PER_MONTH, 0);
    expect(result.savings.basis.runningShareAfter).toBe(0);
  });

  it('does not count a change in Lambda traffic as savings', () => {
    const fn = resource('lambda:function', 'f', { memoryMb: 512, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs20.x' });
    // Duration unchanged at 100 ms; memory 1024 → 512; traffic doubles after the change.
    const duration = series(fn.arn, 'Duration', 'Average', () => 100, { namespace: 'AWS/Lambda' });
    const invocations = series(fn.arn, 'Invocations', 'Sum', (_i, t) => (t < APPLIED_AT ? 100 : 200), { namespace: 'AWS/Lambda' });
    const result = measure({ action: action(fn, 'lambda/memory-size', { memoryMb: 1024, architecture: 'x86_64' }, 'lambda-memory', 1), resource: fn, series: [duration, invocations] });
    if (!result.measured) throw new Error(result.reason);
    const monthlyInvocations = 200 * 12 * HOURS_PER_MONTH;
    const halfCost = 0.1 * 0.5 * prices.lambdaGbSecondUsd('x86_64') * monthlyInvocations;
    expect(result.savings.realisedMonthlyUsd).toBeCloseTo(halfCost, 1);
  });

  it('reports a regression as negative realised savings', () => {
    const fn = resource('lambda:function', 'g', { memoryMb: 512, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs20.x' });
    // Halving memory tripled the duration: the change costs more than before.
    const duration = series(fn.arn, 'Duration', 'Average', (_i, t) => (t < APPLIED_AT ? 100 : 300), { namespace: 'AWS/Lambda' });
    const invocations = series(fn.arn, 'Invocations', 'Sum', () => 100, { namespace: 'AWS/Lambda' });
    const result = measure({ action: action(fn, 'lambda/memory-size', { memoryMb: 1024, architecture: 'x86_64' }, 'lambda-memory', 1), resource: fn, series: [duration, invocations] });
    if (!result.measured) throw new Error(result.reason);
    expect(result.savings.realisedMonthlyUsd).toBeLessThan(0);
  });

  it('says why when it cannot measure', () => {
    const fn = resource('lambda:function', 'h', { memoryMb: 512, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs20.x' });
    expect(measure({ action: action(fn, 'lambda/memory-size', { memoryMb: 1024 }, 'lambda-memory', 1), resource: fn, series: [] })).toEqual({
      measured: false,
      reason: 'no Duration (Average) and Invocations (Sum) series',
    });
    const table = resource('s3:bucket', 'b', {});
    expect(measure({ action: action(table, 'x', {}, null, 1), resource: table, series: [] }).measured).toBe(false);
    const tooSoon = measureRealisedSavings({ action: action(fn, 'lambda/memory-size', { memoryMb: 1024 }, 'lambda-memory', 1), resource: fn, series: [], appliedAt: NOW, now: NOW }, prices);
    expect(tooSoon).toEqual({ measured: false, reason: 'the change has not settled yet' });
  });
});
