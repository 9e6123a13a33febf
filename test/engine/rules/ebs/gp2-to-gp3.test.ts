import { describe, expect, it } from 'vitest';
import { gp2ToGp3 } from '../../../../lambdas/engine/rules/ebs/gp2-to-gp3.js';
import { gp2Performance } from '../../../../lambdas/engine/rules/ebs/gp2-performance.js';
import { context, resource, slice } from '../fixtures.js';

const volume = (config: Record<string, unknown>) => resource('ebs:volume', 'vol-1', { volumeType: 'gp2', sizeGiB: 100, state: 'in-use', ...config });

describe('gp2Performance', () => {
  it('follows the gp2 model: 3 IOPS/GiB, min 100, burst 3000, 128 or 250 MiB/s', () => {
    expect(gp2Performance(10)).toEqual({ baselineIops: 100, peakIops: 3000, throughputMiBps: 128 });
    expect(gp2Performance(2000)).toEqual({ baselineIops: 6000, peakIops: 6000, throughputMiBps: 250 });
    expect(gp2Performance(10_000).baselineIops).toBe(16000);
  });
});

describe('ebs/gp2-to-gp3', () => {
  it('flags a small gp2 volume: 20 % cheaper storage, throughput matched to 128 MiB/s', () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 128 });
    // gp2 100 × 0.10 = 10; gp3 100 × 0.08 + 3 MiB/s × 0.04 = 8.12
    expect(finding.monthlySavingsUsd).toBeCloseTo(1.88, 2);
    expect(finding.restartRequired).toBe(false);
    expect(finding.automation.executor).toBe('ebs-gp2-to-gp3');
  });

  it('provisions the extra IOPS and throughput a large gp2 volume had and still saves', () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB: 2000 })), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 6000, throughputMiBps: 250 });
    // gp2 200; gp3 160 + 3000 × 0.005 + 125 × 0.04 = 180
    expect(finding.monthlySavingsUsd).toBeCloseTo(20, 2);
  });

  it('passes a mid-size gp2 volume whose 250 MiB/s burst throughput would cost more to provision on gp3', () => {
    // 200 GiB: gp2 20; gp3 16 + 125 MiB/s × 0.04 = 21
    expect(gp2ToGp3.evaluate(slice(volume({ sizeGiB: 200 })), context())).toEqual([]);
  });

  it('passes volumes that are not gp2', () => {
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'gp3' })), context())).toEqual([]);
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'io2', iops: 5000 })), context())).toEqual([]);
  });

  it('uses snapshot price overrides', () => {
    const ctx = context({ prices: { region: 'eu-west-1', ec2HourlyUsd: {}, ebsGbMonthUsd: { gp2: 0.11, gp3: 0.088 } } });
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), ctx);
    expect(finding.monthlySavingsUsd).toBeCloseTo(11 - 8.8 - 0.12, 2);
  });
});

describe('ebs/gp2-to-gp3 with I/O metrics', () => {
  it('provisions only the IOPS a large volume uses (p99.5 + headroom), not its full gp2 baseline', async () => {
    const { series } = await import('../fixtures.js');
    const res = volume({ sizeGiB: 2000 });
    const ops = [
      series(res.arn, 'VolumeReadOps', 'Sum', () => 300 * 1000, { namespace: 'AWS/EBS' }), // 1,000 IOPS over 300 s
      series(res.arn, 'VolumeWriteOps', 'Sum', () => 300 * 1500, { namespace: 'AWS/EBS' }),
    ];
    const [finding] = gp2ToGp3.evaluate(slice(res, ops), context());
    // 2,500 IOPS × 1.2 = 3,000 → the free baseline suffices.
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 250 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(200 - 165, 2);
    expect(finding.evidence.statistics.p99_5Iops).toBeCloseTo(2500, 3);
    expect(finding.performanceRisk).toBe(2); // 2,500 of 3,000 IOPS = 83 %
    expect(finding.confidence).toBe(1);
  });
});
