import { describe, expect, it } from 'vitest';
import { idleReadReplica } from '../../../../lambdas/engine/rules/rds/idle-read-replica.js';
import { idleRdsInstance } from '../../../../lambdas/engine/rules/rds/idle-instance.js';
import { context, resource, series, slice } from '../fixtures.js';

const replica = (config: Record<string, unknown> = {}) =>
  resource('rds:db-instance', 'orders-replica', { instanceClass: 'db.m5.large', engine: 'mysql', storageGiB: 100, multiAz: false, status: 'available', readReplicaSource: 'orders-db', ...config });
const connections = (arn: string, fn: (i: number) => number, days = 14) => series(arn, 'DatabaseConnections', 'Maximum', fn, { days, namespace: 'AWS/RDS', unit: 'Count' });

describe('rds/idle-read-replica', () => {
  it('flags a replica nobody connected to for 7 days and saves its instance and storage', () => {
    const res = replica();
    const [finding] = idleReadReplica.evaluate(slice(res, [connections(res.arn, () => 0)]), context());
    expect(finding.proposed).toEqual({ status: 'deleted', finalSnapshot: false });
    expect(finding.monthlySavingsUsd).toBeCloseTo(0.171 * 730 + 11.5, 2);
    expect(finding.confidence).toBe(1);
    // The idle-instance rule leaves replicas to this one.
    expect(idleRdsInstance.evaluate(slice(res, [connections(res.arn, () => 0)]), context())).toEqual([]);
  });

  it('passes a replica read yesterday, a primary, and a replica with under 6 days of data', () => {
    const res = replica();
    const count = 14 * 288;
    expect(idleReadReplica.evaluate(slice(res, [connections(res.arn, (i) => (i === count - 100 ? 2 : 0))]), context())).toEqual([]);
    const primary = replica({ readReplicaSource: undefined });
    expect(idleReadReplica.evaluate(slice(primary, [connections(primary.arn, () => 0)]), context())).toEqual([]);
    expect(idleReadReplica.evaluate(slice(res, [connections(res.arn, () => 0, 5)]), context())).toEqual([]);
  });
});
