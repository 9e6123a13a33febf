import { describe, expect, it } from 'vitest';
import { unattachedVolume } from '../../../../lambdas/engine/rules/ebs/unattached-volume.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const oldDate = new Date(NOW - 60 * DAY_MS).toISOString();
const volume = (config: Record<string, unknown>) =>
  resource('ebs:volume', 'vol-2', { volumeType: 'gp3', sizeGiB: 500, state: 'available', createTime: oldDate, ...config });

describe('ebs/unattached-volume', () => {
  it('flags a volume attached to nothing for the whole lookback: snapshot then delete', () => {
    const [finding] = unattachedVolume.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ state: 'deleted', snapshotFirst: true });
    // 500 × 0.08 − 500 × 0.05 snapshot = 15
    expect(finding.monthlySavingsUsd).toBeCloseTo(15, 2);
    // created 60 days ago, but that says nothing of when it was detached
    expect(finding.confidence).toBe(0.6);
    expect(finding.evidence.statistics.ioMetrics).toBe(false);
    expect(finding.automation.executor).toBe('ebs-snapshot-delete');
    expect(finding.carbonKgCo2eMonthly).toBeGreaterThan(0);
  });

  it('passes attached volumes and volumes created inside the lookback', () => {
    expect(unattachedVolume.evaluate(slice(volume({ state: 'in-use', attachedInstanceId: 'i-1' })), context())).toEqual([]);
    expect(unattachedVolume.evaluate(slice(volume({ createTime: new Date(NOW - 3 * DAY_MS).toISOString() })), context())).toEqual([]);
  });

  it('lowers confidence when the creation time is unknown', () => {
    const [finding] = unattachedVolume.evaluate(slice(volume({ createTime: undefined })), context());
    expect(finding.confidence).toBe(0.5);
  });

  it('is confident when read and write ops show no I/O for at least 7 days', () => {
    const res = volume({});
    // attached and busy until 9 days ago, then no I/O (zeros, then no data points once detached)
    const ops = (name: string) => series(res.arn, name, 'Sum', (_, t) => (t < NOW - 9 * DAY_MS ? 300 : t < NOW - 5 * DAY_MS ? 0 : NaN), { namespace: 'AWS/EBS' });
    const [finding] = unattachedVolume.evaluate(slice(res, [ops('VolumeReadOps'), ops('VolumeWriteOps')]), context());
    expect(finding.confidence).toBe(1);
    expect(finding.evidence.statistics.daysWithoutIo).toBeCloseTo(9, 1);
  });

  it('stays unsure when the metrics show I/O within the last 7 days', () => {
    const res = volume({});
    const reads = series(res.arn, 'VolumeReadOps', 'Sum', (_, t) => (t < NOW - 2 * DAY_MS ? 50 : NaN), { namespace: 'AWS/EBS' });
    const [finding] = unattachedVolume.evaluate(slice(res, [reads]), context());
    expect(finding.confidence).toBe(0.3);
  });

  it('counts a collected series with no data points in the lookback as idle for the whole lookback', () => {
    const res = volume({});
    const writes = series(res.arn, 'VolumeWriteOps', 'Sum', () => Number.NaN, { namespace: 'AWS/EBS' });
    const [finding] = unattachedVolume.evaluate(slice(res, [writes]), context());
    expect(finding.confidence).toBe(1);
    expect(finding.evidence.statistics.daysWithoutIo).toBe(14);
  });

  it('skips a volume whose snapshot would cost as much as keeping it (sc1)', () => {
    expect(unattachedVolume.evaluate(slice(volume({ volumeType: 'sc1' })), context())).toEqual([]);
  });
});
