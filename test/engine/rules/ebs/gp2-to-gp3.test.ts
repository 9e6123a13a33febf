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
  it("flags a small gp2 volume and keeps its 128 MiB/s: gp3's 125 plus 3 MiB/s priced at $0.04", () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 128 });
    // gp2 100 × 0.10 = 10; gp3 100 × 0.08 + 3 × 0.04 = 8.12
    expect(finding.monthlySavingsUsd).toBeCloseTo(1.88, 2);
    expect(finding.evidence.statistics.gp3ExtraThroughputMiBps).toBe(3);
    expect(finding.performanceRisk).toBe(0);
    expect(finding.restartRequired).toBe(false);
    expect(finding.automation.executor).toBe('ebs-gp2-to-gp3');
  });

  it('never proposes less throughput or fewer IOPS than the gp2 volume delivers, burst included, at any size', () => {
    for (const sizeGiB of [1, 33, 100, 170, 171, 251, 333, 334, 999, 1000, 1001, 2000, 5334, 16_384]) {
      const gp2 = gp2Performance(sizeGiB);
      const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB })), context());
      if (!finding) continue;
      expect(finding.proposed.throughputMiBps as number, `${sizeGiB} GiB`).toBeGreaterThanOrEqual(gp2.burstThroughputMiBps);
      expect(finding.proposed.iops as number, `${sizeGiB} GiB`).toBeGreaterThanOrEqual(gp2.peakIops);
    }
  });

  it('provisions the extra IOPS and throughput a large gp2 volume had and still saves', () => {
    const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB: 2000 })), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 6000, throughputMiBps: 250 });
    // gp2 200; gp3 160 + 3000 × 0.005 + 125 × 0.04 = 180
    expect(finding.monthlySavingsUsd).toBeCloseTo(20, 2);
  });

  it("keeps a mid-size volume's 250 MiB/s burst, so it is flagged only where that still saves (above 250 GiB)", () => {
    // 250 GiB: gp2 25; gp3 20 + 125 × 0.04 = 25 → nothing saved
    expect(gp2ToGp3.evaluate(slice(volume({ sizeGiB: 250 })), context())).toEqual([]);
    expect(gp2ToGp3.evaluate(slice(volume({ sizeGiB: 200 })), context())).toEqual([]);
    const [finding] = gp2ToGp3.evaluate(slice(volume({ sizeGiB: 300 })), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 3000, throughputMiBps: 250 });
    // gp2 30; gp3 24 + 5 = 29
    expect(finding.monthlySavingsUsd).toBeCloseTo(1, 2);
    expect(finding.performanceRisk).toBe(0);
  });

  it('passes volumes that are not gp2', () => {
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'gp3' })), context())).toEqual([]);
    expect(gp2ToGp3.evaluate(slice(volume({ volumeType: 'io2', iops: 5000 })), context())).toEqual([]);
  });

  it('uses snapshot price overrides', () => {
    const ctx = context({ prices: { region: 'eu-west-1', ec2HourlyUsd: {}, ebsGbMonthUsd: { gp2: 0.11, gp3: 0.088 } } });
    const [finding] = gp2ToGp3.evaluate(slice(volume({})), ctx);
    expect(finding.monthlySavingsUsd).toBeCloseTo(11 - (8.8 + 3 * 0.04), 2);
  });

  it('claims no carbon: CCF counts gp2 and gp3 of one size alike', () => {
    expect(gp2ToGp3.evaluate(slice(volume({ sizeGiB: 2000 })), context())[0].carbonKgCo2eMonthly).toBe(0);
  });
});

describe('ebs/gp2-to-gp3 with I/O metrics', () => {
  it("keeps gp2's full IOPS even when the volume uses fewer, and shows the proposal's utilisation as evidence", async () => {
    const { series } = await import('../fixtures.js');
    const res = volume({ sizeGiB: 2000 });
    const ops = [
      series(res.arn, 'VolumeReadOps', 'Sum', () => 300 * 1000, { namespace: 'AWS/EBS' }), // 1,000 IOPS over 300 s
      series(res.arn, 'VolumeWriteOps', 'Sum', () => 300 * 1500, { namespace: 'AWS/EBS' }),
    ];
    const [finding] = gp2ToGp3.evaluate(slice(res, ops), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 6000, throughputMiBps: 250 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(20, 2);
    expect(finding.evidence.statistics.p99_5Iops).toBeCloseTo(2500, 3);
    expect(finding.evidence.statistics.p99_5IopsUtilisationPercent).toBeCloseTo(41.7, 1);
    expect(finding.evidence.sources).toContain('cloudwatch');
    expect(finding.performanceRisk).toBe(0);
    expect(finding.confidence).toBe(1);
  });
});
