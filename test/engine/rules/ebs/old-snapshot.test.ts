import { describe, expect, it } from 'vitest';
import { OLD_SNAPSHOT_AGE_DAYS, oldSnapshot } from '../../../../lambdas/engine/rules/ebs/old-snapshot.js';
import { context, DAY_MS, NOW, resource, slice } from '../fixtures.js';

const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();
const snapshot = (config: Record<string, unknown> = {}) =>
  resource('ebs:snapshot', 'snap-0abc', { sizeGiB: 200, startTime: daysAgo(200), volumeId: 'vol-gone', sourceVolumeExists: false, amiIds: [], ...config });

describe('ebs/old-snapshot', () => {
  it('flags an old snapshot of a deleted volume backing no AMI, with its savings marked as an upper bound', () => {
    const [finding] = oldSnapshot.evaluate(slice(snapshot()), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(200 * 0.05, 2);
    expect(finding.evidence.statistics.savingsIsUpperBound).toBe(true);
    expect(String(finding.evidence.statistics.savingsNote)).toMatch(/incremental/);
    expect(finding).toMatchObject({ performanceRisk: 0, reversible: false, domain: 'storage' });
    expect(finding.carbonKgCo2eMonthly).toBeGreaterThan(0);
  });

  it('prices archived snapshots at the archive tier', () => {
    const [finding] = oldSnapshot.evaluate(slice(snapshot({ storageTier: 'archive' })), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(200 * 0.0125, 2);
  });

  it('passes young snapshots, snapshots of live volumes, AMI-backing ones and AWS Backup ones', () => {
    expect(oldSnapshot.evaluate(slice(snapshot({ startTime: daysAgo(OLD_SNAPSHOT_AGE_DAYS - 1) })), context())).toEqual([]);
    expect(oldSnapshot.evaluate(slice(snapshot({ sourceVolumeExists: true })), context())).toEqual([]);
    expect(oldSnapshot.evaluate(slice(snapshot({ sourceVolumeExists: undefined })), context())).toEqual([]);
    expect(oldSnapshot.evaluate(slice(snapshot({ amiIds: ['ami-1'] })), context())).toEqual([]);
    const backup = snapshot({ description: 'This snapshot is created by the AWS Backup service.' });
    expect(oldSnapshot.evaluate(slice(backup), context())).toEqual([]);
  });
});
