import { describe, expect, it } from 'vitest';
import { oldSnapshot } from '../../../../lambdas/engine/rules/ebs/old-snapshot.js';
import { unattachedVolume } from '../../../../lambdas/engine/rules/ebs/unattached-volume.js';
import { gp2Performance } from '../../../../lambdas/engine/rules/ebs/gp2-performance.js';
import { gp3SizeForIops } from '../../../../lambdas/engine/rules/ebs/gp3-limits.js';
import { io1MaxThroughputMiBps } from '../../../../lambdas/engine/rules/ebs/io1-performance.js';
import { io1ToGp3 } from '../../../../lambdas/engine/rules/ebs/io1-to-gp3.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

// Each threshold just inside and just outside; literal values, so a changed threshold fails here.
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

describe('ebs thresholds', () => {
  it('old-snapshot: older than 90 days — 90.5 flags, 89.5 does not', () => {
    const snap = (age: number) => resource('ebs:snapshot', 'snap-edge', { sizeGiB: 100, startTime: daysAgo(age), sourceVolumeExists: false, amiIds: [] });
    expect(oldSnapshot.evaluate(slice(snap(90.5)), context())).toHaveLength(1);
    expect(oldSnapshot.evaluate(slice(snap(89.5)), context())).toEqual([]);
  });

  it('unattached-volume: confident after 7 days without I/O — 7.5 days → 1, 6.5 days → 0.3', () => {
    const res = resource('ebs:volume', 'vol-edge', { volumeType: 'gp3', sizeGiB: 100, state: 'available', createTime: daysAgo(60) });
    const lastIo = (days: number) => [
      series(res.arn, 'VolumeReadOps', 'Sum', (_, t) => (t <= NOW - days * DAY_MS ? 300 : 0), { namespace: 'AWS/EBS' }),
    ];
    expect(unattachedVolume.evaluate(slice(res, lastIo(7.5)), context())[0].confidence).toBe(1);
    expect(unattachedVolume.evaluate(slice(res, lastIo(6.5)), context())[0].confidence).toBe(0.3);
  });

  it('gp2 throughput: bursts to 250 MiB/s above 170 GiB, holds 250 from 334 GiB', () => {
    expect(gp2Performance(170).burstThroughputMiBps).toBe(128);
    expect(gp2Performance(171).burstThroughputMiBps).toBe(250);
    expect(gp2Performance(333).sustainedThroughputMiBps).toBe(128);
    expect(gp2Performance(334).sustainedThroughputMiBps).toBe(250);
  });

  it('gp2 IOPS: 3 per GiB between 100 and 16,000, burst to 3,000 below 1,000 GiB', () => {
    expect(gp2Performance(33).baselineIops).toBe(100);
    expect(gp2Performance(34).baselineIops).toBe(102);
    expect(gp2Performance(5333).baselineIops).toBe(15_999);
    expect(gp2Performance(5334).baselineIops).toBe(16_000);
    expect(gp2Performance(999).peakIops).toBe(3000);
    expect(gp2Performance(1001).peakIops).toBe(3003);
  });

  it('gp3 limits: 500 IOPS per GiB, 80,000 IOPS at most', () => {
    expect(gp3SizeForIops(5000, 10, 3000)).toBe(10);
    expect(gp3SizeForIops(5001, 10, 3000)).toBe(11);
    expect(gp3SizeForIops(80_000, 200, 3000)).toBe(200);
    expect(gp3SizeForIops(80_001, 200, 3000)).toBeUndefined();
  });

  it('io1 throughput: 256 KiB I/O up to 32,000 IOPS (500 MiB/s cap), 16 KiB per IOPS above', () => {
    expect(io1MaxThroughputMiBps(1999)).toBeCloseTo(499.75, 6);
    expect(io1MaxThroughputMiBps(31_000)).toBe(500);
    expect(io1MaxThroughputMiBps(33_000)).toBeCloseTo(515.625, 6);
    expect(io1MaxThroughputMiBps(64_000)).toBe(1000);
    expect(io1MaxThroughputMiBps(70_000)).toBe(1000);
  });

  it('io1-to-gp3: flagged while gp3 costs less — priced just either side of the io1 bill', () => {
    // io1 100 GiB, 3,000 IOPS: 12.5 + 195 = 207.5. gp3 keeps io1's min(500, 3,000 × 0.25) = 500 MiB/s: 100 × p + 375 ×
    // 0.04 = 100 × p + 15. Break-even gp3 price p = (207.5 − 15) / 100 = 1.925 per GB-month.
    const vol = resource('ebs:volume', 'vol-io1-edge', { volumeType: 'io1', sizeGiB: 100, iops: 3000, state: 'in-use' });
    const at = (gp3: number) => context({ prices: { region: 'us-east-1', ec2HourlyUsd: {}, ebsGbMonthUsd: { gp3 } } });
    expect(io1ToGp3.evaluate(slice(vol), at(1.92))).toHaveLength(1);
    expect(io1ToGp3.evaluate(slice(vol), at(1.93))).toEqual([]);
  });
});
