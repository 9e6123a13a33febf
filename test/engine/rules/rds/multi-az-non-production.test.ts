import { describe, expect, it } from 'vitest';
import { multiAzNonProduction } from '../../../../lambdas/engine/rules/rds/multi-az-non-production.js';
import { context, resource, slice } from '../fixtures.js';

const db = (tags: Record<string, string>, config: Record<string, unknown> = {}) => ({
  ...resource('rds:db-instance', 'staging-db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: true, status: 'available', ...config }),
  tags,
});

describe('rds/multi-az-non-production', () => {
  it('flags Multi-AZ on a staging database and saves the standby instance and storage', () => {
    const [finding] = multiAzNonProduction.evaluate(slice(db({ env: 'staging' })), context());
    expect(finding.proposed).toEqual({ multiAz: false });
    // standby 0.178 × 730 + 100 GiB × 0.115
    expect(finding.monthlySavingsUsd).toBeCloseTo(0.178 * 730 + 11.5, 2);
    expect(finding.confidence).toBe(0.8);
    expect(finding.restartRequired).toBe(false);
  });

  it('prices a Provisioned IOPS standby copy with its IOPS', () => {
    const [finding] = multiAzNonProduction.evaluate(slice(db({ Environment: 'Dev' }, { storageType: 'io1', iops: 3000 })), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(0.178 * 730 + 100 * 0.125 + 3000 * 0.1, 2);
  });

  it('passes production, untagged, Single-AZ and Aurora cluster members', () => {
    expect(multiAzNonProduction.evaluate(slice(db({ env: 'prod' })), context())).toEqual([]);
    expect(multiAzNonProduction.evaluate(slice(db({})), context())).toEqual([]);
    expect(multiAzNonProduction.evaluate(slice(db({ env: 'dev' }, { multiAz: false })), context())).toEqual([]);
    expect(multiAzNonProduction.evaluate(slice(db({ env: 'dev' }, { dbClusterId: 'c1', engine: 'aurora-mysql' })), context())).toEqual([]);
  });

  it('keeps the storage saving for an engine without a bundled price', () => {
    const [finding] = multiAzNonProduction.evaluate(slice(db({ env: 'test' }, { engine: 'sqlserver-se' })), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(11.5, 2);
    expect(finding.evidence.statistics.priceKnown).toBe(false);
  });
});
