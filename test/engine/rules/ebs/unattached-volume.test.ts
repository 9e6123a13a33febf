import { describe, expect, it } from 'vitest';
import { unattachedVolume } from '../../../../lambdas/engine/rules/ebs/unattached-volume.js';
import { context, DAY_MS, NOW, resource, slice } from '../fixtures.js';

const oldDate = new Date(NOW - 60 * DAY_MS).toISOString();
const volume = (config: Record<string, unknown>) =>
  resource('ebs:volume', 'vol-2', { volumeType: 'gp3', sizeGiB: 500, state: 'available', createTime: oldDate, ...config });

describe('ebs/unattached-volume', () => {
  it('flags a volume attached to nothing for the whole lookback: snapshot then delete', () => {
    const [finding] = unattachedVolume.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ state: 'deleted', snapshotFirst: true });
    // 500 × 0.08 − 500 × 0.05 snapshot = 15
    expect(finding.monthlySavingsUsd).toBeCloseTo(15, 2);
    expect(finding.confidence).toBe(1);
    expect(finding.automation.executor).toBe('ebs-snapshot-delete');
    expect(finding.carbonKgCo2eMonthly).toBeGreaterThan(0);
  });

  it('passes attached volumes and volumes created inside the lookback', () => {
    expect(unattachedVolume.evaluate(slice(volume({ state: 'in-use', attachedInstanceId: 'i-1' })), context())).toEqual([]);
    expect(unattachedVolume.evaluate(slice(volume({ createTime: new Date(NOW - 3 * DAY_MS).toISOString() })), context())).toEqual([]);
  });

  it('lowers confidence when the creation time is unknown', () => {
    const [finding] = unattachedVolume.evaluate(slice(volume({ createTime: undefined })), context());
    expect(finding.confidence).toBe(0.6);
  });

  it('skips a volume whose snapshot would cost as much as keeping it (sc1)', () => {
    expect(unattachedVolume.evaluate(slice(volume({ volumeType: 'sc1' })), context())).toEqual([]);
  });
});
