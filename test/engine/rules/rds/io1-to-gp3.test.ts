import { describe, expect, it } from 'vitest';
import { io1ToGp3Rds } from '../../../../lambdas/engine/rules/rds/io1-to-gp3.js';
import { context, resource, series, slice } from '../fixtures.js';

const db = (config: Record<string, unknown> = {}) =>
  resource('rds:db-instance', 'ledger-db', { instanceClass: 'db.m5.xlarge', engine: 'postgres', storageGiB: 500, multiAz: false, status: 'available', storageType: 'io1', iops: 10000, ...config });
const iops = (arn: string, read: number, write: number) => [
  series(arn, 'ReadIOPS', 'Average', () => read, { namespace: 'AWS/RDS', unit: 'Count/Second' }),
  series(arn, 'WriteIOPS', 'Average', () => write, { namespace: 'AWS/RDS', unit: 'Count/Second' }),
];

describe('rds/io1-to-gp3', () => {
  it('moves a 500 GiB io1 volume using 2,000 IOPS to gp3 at its 12,000 IOPS baseline', () => {
    const res = db();
    const [finding] = io1ToGp3Rds.evaluate(slice(res, iops(res.arn, 1200, 800)), context());
    expect(finding.proposed).toEqual({ storageType: 'gp3', iops: 12000, storageGiB: 500 });
    // 500 × 0.125 + 10,000 × 0.10 − 500 × 0.115
    expect(finding.monthlySavingsUsd).toBeCloseTo(62.5 + 1000 - 57.5, 2);
    expect(finding.performanceRisk).toBe(0);
  });

  it('provisions gp3 IOPS above the baseline when the volume needs them, in thousands', () => {
    const res = db({ iops: 20000 });
    // 14,000 × 1.2 = 16,800 → 17,000 provisioned, 5,000 above baseline at $0.02
    const [finding] = io1ToGp3Rds.evaluate(slice(res, iops(res.arn, 10000, 4000)), context());
    expect(finding.proposed.iops).toBe(17000);
    expect(finding.monthlySavingsUsd).toBeCloseTo(62.5 + 2000 - 57.5 - 5000 * 0.02, 2);
  });

  it('doubles both sides for Multi-AZ', () => {
    const res = db({ multiAz: true });
    const [finding] = io1ToGp3Rds.evaluate(slice(res, iops(res.arn, 100, 100)), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(2 * (62.5 + 1000 - 57.5), 2);
  });

  it('passes a small volume that needs more than gp3 fixed 3,000 IOPS, gp2/gp3 volumes and other engines', () => {
    const small = db({ storageGiB: 200 });
    expect(io1ToGp3Rds.evaluate(slice(small, iops(small.arn, 2000, 600)), context())).toEqual([]);
    const [fits] = io1ToGp3Rds.evaluate(slice(small, iops(small.arn, 1500, 500)), context());
    expect(fits.proposed.iops).toBe(3000);
    const gp2 = db({ storageType: 'gp2' });
    expect(io1ToGp3Rds.evaluate(slice(gp2, iops(gp2.arn, 10, 10)), context())).toEqual([]);
    const oracle = db({ engine: 'oracle-ee' });
    expect(io1ToGp3Rds.evaluate(slice(oracle, iops(oracle.arn, 10, 10)), context())).toEqual([]);
  });

  it('needs both read and write IOPS series', () => {
    const res = db();
    expect(io1ToGp3Rds.evaluate(slice(res, iops(res.arn, 10, 10).slice(0, 1)), context())).toEqual([]);
  });
});
