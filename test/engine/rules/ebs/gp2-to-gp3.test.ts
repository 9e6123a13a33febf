import { describe, expect, it } from 'vitest';
import { gp2ToGp3 } from '../../../../lambdas/engine/rules/ebs/gp2-to-gp3.js';
import { gp2Performance } from '../../../../lambdas/engine/rules/ebs/gp2-performance.js';
import { context, resource, slice } from '../fixtures.js';

const volume = (config: Record<string, unknown>) => resource('ebs:volume', 'vol-1', { volumeType: 'gp2', sizeGiB: 100, state: 'in-use', ...config });

describe('gp2Performance', () => {
  it('follows the gp2 model: 3 IOPS/GiB, min 100, burst 3000; 128 MiB/s, 250 from 334 GiB, burst 250 above 170 GiB', () => {
    expect(gp2Performance(10)).toEqual({ baselineIops: 100, peakIops: 3000, sustainedThroughputMiBps: 128, burstThroughputMiBps: 128 });
    expect(gp2Performance(200)).toEqual({ baselineIops: 600, peakIops: 3000, sustainedThroughputMiBps: 128, burstThroughputMiBps: 250 });
    expect(gp2Performance(2000)).toEqual({ baselineIops: 6000, peakIops: 6000, sustainedThroughputMiBps: 250, burstThroughputMiBps: 250 });
    expect(gp2Performance(10_000).baselineIops).toBe(16000);
  });
});

describe('ebs/gp2-to-gp3', () => {
  it("flags a small gp2 volume: 20 % cheaper storage, gp3's free 3,000 IOPS and 125 MiB/s cover it", () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 125 });
    // gp2 100 × 0.10 = 10; gp3 100 × 0.08 = 8
    expect(finding.monthlySavingsUsd).toBeCloseTo(2, 2);
    expect(finding.performanceRisk).toBe(0);
    expect(finding.restartRequired).toBe(false);
    expect(finding.automation.executor).toBe('ebs-gp2-to-gp3');
  });

  it('provisions the extra IOPS and throughput a large gp2 volume had and still saves', () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB: 2000 })), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 6000, throughputMiBps: 250 });
    // gp2 200; gp3 160 + 3000 × 0.005 + 125 × 0.04 = 180
    expect(finding.monthlySavingsUsd).toBeCloseTo(20, 2);
  });

  it('flags a mid-size gp2 volume at low risk: its credit-based 250 MiB/s burst is not kept', () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB: 200 })), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 125 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(4, 2);
    expect(finding.performanceRisk).toBe(1);
  });

  it('passes volumes that are not gp2', () => {
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'gp3' })), context())).toEqual([]);
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'io2', iops: 5000 })), context())).toEqual([]);
  });

  it('uses snapshot price overrides', () => {
    const ctx = context({ prices: { region: 'eu-west-1', ec2HourlyUsd: {}, ebsGbMonthUsd: { gp2: 0.11, gp3: 0.088 } } });
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), ctx);
    expect(finding.monthlySavingsUsd).toBeCloseTo(11 - 8.8, 2);
  });
});

describe('ebs/gp2-to-gp3 with I/O metrics', () => {
  it('keeps risk 0 when the IOPS provisioned still cover what gp2 delivered', async () => {
    const { series } = await import('../fixtures.js');
    const res = volume({ sizeGiB: 500 });
    const ops = [series(res.arn, 'VolumeReadOps', 'Sum', () => 300 * 2000, { namespace: 'AWS/EBS' })];
    const [finding] = gp2ToGp3.evaluate(slice(res, ops), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 250 });
    expect(finding.performanceRisk).toBe(0);
  });

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
    expect(finding.performanceRisk).toBe(2); // fewer IOPS than gp2's 6,000: 2,500 of 3,000 = 83 %
    expect(finding.confidence).toBe(1);
  });

  it('keeps its id when the measured IOPS, and so the proposed IOPS, change between runs', async () => {
    const { series } = await import('../fixtures.js');
    const res = volume({ sizeGiB: 2000 });
    const run = (iops: number) => gp2ToGp3.evaluate(slice(res, [series(res.arn, 'VolumeReadOps', 'Sum', () => 300 * iops, { namespace: 'AWS/EBS' })]), context())[0];
    const [week1, week2] = [run(3000), run(3100)];
    expect(week1.proposed.iops).not.toBe(week2.proposed.iops);
    expect(week1.id).toBe(week2.id);
  });
});
