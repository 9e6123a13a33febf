import { describe, expect, it } from 'vitest';
import { idleRdsInstance } from '../../../../lambdas/engine/rules/rds/idle-instance.js';
import { context, resource, series, slice } from '../fixtures.js';

const db = (config: Record<string, unknown> = {}) =>
  resource('rds:db-instance', 'orders-db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available', ...config });
const connections = (arn: string, fn: (i: number) => number, days = 14) =>
  series(arn, 'DatabaseConnections', 'Maximum', fn, { days, namespace: 'AWS/RDS', unit: 'Count' });

describe('rds/idle-instance', () => {
  it('flags an instance with no connection for 7 days and prices instance hours plus storage, less the final snapshot', () => {
    const res = db();
    const [finding] = idleRdsInstance.evaluate(slice(res, [connections(res.arn, () => 0)]), context());
    expect(finding.proposed).toEqual({ status: 'deleted', finalSnapshot: true });
    // 0.178 × 730 + 100 × 0.115 − 100 × 0.095 = 129.94 + 11.5 − 9.5
    expect(finding.monthlySavingsUsd).toBeCloseTo(131.94, 2);
    expect(finding.confidence).toBe(1);
    expect(finding.domain).toBe('database');
    expect(finding.automation.executor).toBeNull();
    expect(finding.carbonKgCo2eMonthly).toBeGreaterThan(0);
    expect(finding.evidence.statistics.maxDatabaseConnections).toBe(0);
  });

  it('doubles instance and storage for Multi-AZ', () => {
    const res = db({ multiAz: true });
    const [finding] = idleRdsInstance.evaluate(slice(res, [connections(res.arn, () => 0)]), context());
    // 2 × 0.178 × 730 + 2 × 100 × 0.115 − 100 × 0.095
    expect(finding.monthlySavingsUsd).toBeCloseTo(259.88 + 23 - 9.5, 2);
  });

  it('passes an instance with a single connection in the last 7 days, even if idle before', () => {
    const res = db();
    const count = 14 * 288;
    const oneConnectionYesterday = connections(res.arn, (i) => (i === count - 200 ? 1 : 0));
    expect(idleRdsInstance.evaluate(slice(res, [oneConnectionYesterday]), context())).toEqual([]);
    // A connection 10 days ago is outside Trusted Advisor's 7-day window: still idle.
    const oldConnection = connections(res.arn, (i) => (i === 4 * 288 ? 3 : 0));
    expect(idleRdsInstance.evaluate(slice(res, [oldConnection]), context())).toHaveLength(1);
  });

  it('does not judge without enough data: missing metric, or under 6 days of points', () => {
    const res = db();
    expect(idleRdsInstance.evaluate(slice(res), context())).toEqual([]);
    expect(idleRdsInstance.evaluate(slice(res, [connections(res.arn, () => 0, 3)]), context())).toEqual([]);
  });

  it('lowers confidence when the window has gaps', () => {
    const res = db();
    const gappy = connections(res.arn, (i) => (i % 2 === 0 ? Number.NaN : 0));
    const [finding] = idleRdsInstance.evaluate(slice(res, [gappy]), context());
    expect(finding.confidence).toBeCloseTo(0.5, 2);
  });

  it('skips stopped instances and keeps only storage savings for an unpriced engine', () => {
    const stopped = db({ status: 'stopped' });
    expect(idleRdsInstance.evaluate(slice(stopped, [connections(stopped.arn, () => 0)]), context())).toEqual([]);
    const oracle = db({ engine: 'oracle-ee' });
    const [finding] = idleRdsInstance.evaluate(slice(oracle, [connections(oracle.arn, () => 0)]), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(2, 2);
    expect(finding.evidence.statistics.priceKnown).toBe(false);
  });

  it('keeps the same id across runs', () => {
    const res = db();
    const run = () => idleRdsInstance.evaluate(slice(res, [connections(res.arn, () => 0)]), context())[0].id;
    expect(run()).toBe(run());
  });
});
