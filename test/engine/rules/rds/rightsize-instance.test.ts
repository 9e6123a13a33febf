import { describe, expect, it } from 'vitest';
import { rightsizeRdsInstance } from '../../../../lambdas/engine/rules/rds/rightsize-instance.js';
import { context, noise, resource, series, slice } from '../fixtures.js';

const GIB = 2 ** 30;
const db = (config: Record<string, unknown> = {}) =>
  resource('rds:db-instance', 'orders-db', { instanceClass: 'db.r5.2xlarge', engine: 'postgres', storageGiB: 200, multiAz: false, status: 'available', ...config });
const rds = { namespace: 'AWS/RDS' };
const cpu = (arn: string, fn: (i: number) => number) => series(arn, 'CPUUtilization', 'Average', fn, { ...rds, unit: 'Percent' });
const freeable = (arn: string, freeGiB: number) => series(arn, 'FreeableMemory', 'Minimum', () => freeGiB * GIB, { ...rds, unit: 'Bytes' });
const connections = (arn: string, n: number) => series(arn, 'DatabaseConnections', 'Maximum', () => n, { ...rds, unit: 'Count' });

describe('rds/rightsize-instance', () => {
  it('flags a mostly idle instance and proposes the cheapest class holding its CPU, working set and connections', () => {
    const res = db();
    const rand = noise(3);
    // r5.2xlarge: 8 vCPU, 64 GiB. CPU ≤ 10 % → needs ≤ 0.96 vCPU; 54 GiB free → working set 10 GiB → 12 GiB needed.
    const [finding] = rightsizeRdsInstance.evaluate(slice(res, [cpu(res.arn, () => 5 + 5 * rand()), freeable(res.arn, 54), connections(res.arn, 40)]), context());
    expect(finding.proposed).toEqual({ instanceClass: 'db.r6g.large', vcpu: 2, memoryGiB: 16 });
    // (1.00 − 0.225) × 730 (r5.2xlarge = 4 × 0.25 postgres large; r6g.large 0.225)
    expect(finding.monthlySavingsUsd).toBeCloseTo((1.0 - 0.225) * 730, 1);
    expect(finding.evidence.statistics.workingSetGiB).toBeCloseTo(10, 3);
    expect(finding.domain).toBe('database');
    expect(finding.automation.executor).toBeNull();
    expect(finding.performanceRisk).toBeLessThanOrEqual(2);
  });

  it('never cuts memory below the working set plus headroom', () => {
    const res = db();
    // 20 GiB free of 64 → working set 44 GiB → 52.8 GiB needed: only 64 GiB classes fit, none cheaper than r5.2xlarge but r6g.2xlarge.
    const [finding] = rightsizeRdsInstance.evaluate(slice(res, [cpu(res.arn, () => 5), freeable(res.arn, 20)]), context());
    expect(finding.proposed.memoryGiB).toBeGreaterThanOrEqual(52.8);
    expect(finding.proposed.instanceClass).toBe('db.r6g.2xlarge');
  });

  it('keeps enough default max_connections for the observed peak', () => {
    const res = db();
    // 1,500 connections × 1.2 = 1,800 → PostgreSQL needs ≥ 1,800 × 9,531,392 B ≈ 16 GiB: r6g.large (16 GiB, 1,802) just fits.
    const [fits] = rightsizeRdsInstance.evaluate(slice(res, [cpu(res.arn, () => 5), freeable(res.arn, 60), connections(res.arn, 1500)]), context());
    expect(fits.proposed.instanceClass).toBe('db.r6g.large');
    const [bigger] = rightsizeRdsInstance.evaluate(slice(res, [cpu(res.arn, () => 5), freeable(res.arn, 60), connections(res.arn, 1600)]), context());
    expect(bigger.proposed.memoryGiB).toBeGreaterThanOrEqual(32);
  });

  it('passes a busy instance, one without enough data, Aurora members and unpriced engines', () => {
    // Busy on Graviton already: 80 % of 8 vCPU × 1.2 needs all 8.
    const busy = db({ instanceClass: 'db.r6g.2xlarge' });
    expect(rightsizeRdsInstance.evaluate(slice(busy, [cpu(busy.arn, () => 80), freeable(busy.arn, 30)]), context())).toEqual([]);
    const short = db();
    const day = series(short.arn, 'CPUUtilization', 'Average', () => 3, { days: 1, namespace: 'AWS/RDS' });
    expect(rightsizeRdsInstance.evaluate(slice(short, [day]), context())).toEqual([]);
    const aurora = db({ engine: 'aurora-postgresql', dbClusterId: 'orders' });
    expect(rightsizeRdsInstance.evaluate(slice(aurora, [cpu(aurora.arn, () => 3)]), context())).toEqual([]);
    const oracle = db({ engine: 'oracle-ee' });
    expect(rightsizeRdsInstance.evaluate(slice(oracle, [cpu(oracle.arn, () => 3)]), context())).toEqual([]);
  });

  it('keeps memory when FreeableMemory is not collected, and says so', () => {
    const res = db();
    const [finding] = rightsizeRdsInstance.evaluate(slice(res, [cpu(res.arn, () => 3)]), context());
    expect(finding.proposed.memoryGiB).toBeGreaterThanOrEqual(64);
    expect(finding.evidence.statistics.memoryMeasured).toBe(false);
  });
});
