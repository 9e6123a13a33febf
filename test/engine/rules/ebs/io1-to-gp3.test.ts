import { describe, expect, it } from 'vitest';
import { io1ToGp3 } from '../../../../lambdas/engine/rules/ebs/io1-to-gp3.js';
import { context, resource, slice } from '../fixtures.js';

const volume = (config: Record<string, unknown>) => resource('ebs:volume', 'vol-io1', { volumeType: 'io1', sizeGiB: 500, iops: 5000, state: 'in-use', ...config });

describe('ebs/io1-to-gp3', () => {
  it('flags an io1 volume and keeps its IOPS and throughput on gp3', () => {
    const [finding] = io1ToGp3.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 5000, throughputMiBps: 500 });
    // io1: 500 × 0.125 + 5000 × 0.065 = 387.5; gp3: 500 × 0.08 + 2000 × 0.005 + 375 × 0.04 = 65
    expect(finding.monthlySavingsUsd).toBeCloseTo(322.5, 2);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.reversible).toBe(true);
    expect(finding.automation.executor).toBeNull();
  });

  it('moves io1 volumes above the old 16,000 IOPS gp3 limit too, matching io1 throughput above 32,000 IOPS', () => {
    const [finding] = io1ToGp3.evaluate(slice(volume({ sizeGiB: 1000, iops: 48_000 })), context());
    // io1 at 48,000 IOPS delivers 48,000 × 16 KiB = 750 MiB/s; gp3 allows 0.25 × 48,000 and up to 2,000.
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 48_000, throughputMiBps: 750 });
    // io1: 1000 × 0.125 + 48,000 × 0.065 = 3,245; gp3: 80 + 45,000 × 0.005 + 625 × 0.04 = 330
    expect(finding.monthlySavingsUsd).toBeCloseTo(2915, 2);
  });

  it('proposes a larger gp3 volume when the IOPS exceed 500 per GiB and the larger volume is still cheaper', () => {
    const [finding] = io1ToGp3.evaluate(slice(volume({ sizeGiB: 10, iops: 8000 })), context());
    // ⌈8,000 ÷ 500⌉ = 16 GiB; io1: 1.25 + 520 = 521.25; gp3: 16 × 0.08 + 5,000 × 0.005 + 375 × 0.04 = 41.28
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 8000, throughputMiBps: 500, sizeGiB: 16 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(479.97, 2);
    expect(finding.reversible).toBe(false);
    // CCF storage: 6 GiB more SSD, twice replicated, in us-east-1 — a carbon cost, not a saving
    const kg = (6 / 1000) * 1.2 * 2 / 1000 * 730 * 1.135 * 0.000379069 * 1000;
    expect(finding.carbonKgCo2eMonthly).toBeCloseTo(-kg, 3);
  });

  it('saves no carbon when the size stays (io1 and gp3 are both SSD to CCF)', () => {
    expect(io1ToGp3.evaluate(slice(volume({})), context())[0].carbonKgCo2eMonthly).toBe(0);
  });

  it('passes when the size gp3 needs would cost more than io1, and other volume types', () => {
    const pricey = context({ prices: { region: 'us-east-1', ec2HourlyUsd: {}, ebsGbMonthUsd: { gp3: 100 } } });
    expect(io1ToGp3.evaluate(slice(volume({ sizeGiB: 10, iops: 8000 })), pricey)).toEqual([]);
    expect(io1ToGp3.evaluate(slice(volume({ iops: undefined })), context())).toEqual([]);
    expect(io1ToGp3.evaluate(slice(volume({ volumeType: 'io2' })), context())).toEqual([]);
    expect(io1ToGp3.evaluate(slice(volume({ volumeType: 'gp3' })), context())).toEqual([]);
  });
});
