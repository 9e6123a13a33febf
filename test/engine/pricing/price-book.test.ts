import { describe, expect, it } from 'vitest';
import { createPriceBook, HOURS_PER_MONTH } from '../../../lambdas/engine/pricing/price-book.js';
import { parseFamily } from '../../../lambdas/engine/pricing/ec2-catalogue.js';

describe('createPriceBook', () => {
  const book = createPriceBook();

  it('prices EC2 from the bundled us-east-1 catalogue with its specification', () => {
    expect(book.ec2HourlyUsd('m5.large')).toBeCloseTo(0.096, 6);
    const spec = book.ec2Spec('m7g.large');
    expect(spec).toMatchObject({ vcpu: 2, memoryGiB: 8, architecture: 'arm64', generation: 7, series: 'm', category: 'General Purpose', burstable: false });
    expect(book.ec2Spec('t3.micro')?.burstable).toBe(true);
    expect(book.ec2HourlyUsd('no-such.type')).toBeUndefined();
  });

  it('uses snapshot overrides first and falls back to the catalogue for the rest', () => {
    const regional = createPriceBook({ region: 'eu-west-1', ec2HourlyUsd: { 'm5.large': 0.107 }, ebsGbMonthUsd: { gp3: 0.088 } });
    expect(regional.region).toBe('eu-west-1');
    expect(regional.ec2HourlyUsd('m5.large')).toBe(0.107);
    expect(regional.ec2Spec('m5.large')?.usdPerHour).toBe(0.107);
    expect(regional.ec2HourlyUsd('m5.xlarge')).toBeCloseTo(0.192, 6);
    expect(regional.ebsGbMonthUsd('gp3')).toBe(0.088);
    expect(regional.ebsGbMonthUsd('gp2')).toBe(0.1);
  });

  it('offers only candidates with a known price and specification', () => {
    const candidates = book.ec2Candidates();
    expect(candidates.length).toBeGreaterThan(1000);
    expect(candidates.every((c) => c.usdPerHour !== null && c.vcpu !== null && c.memoryGiB !== null)).toBe(true);
  });

  it('bills gp3 IOPS and throughput above the free baseline, and provisioned IOPS for io1', () => {
    expect(book.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB: 100 })).toBeCloseTo(8, 6);
    // 100 GiB × 0.08 + (6000 − 3000) × 0.005 + (250 − 125) × 0.04 = 8 + 15 + 5
    expect(book.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB: 100, iops: 6000, throughputMiBps: 250 })).toBeCloseTo(28, 6);
    expect(book.ebsVolumeMonthlyUsd({ volumeType: 'gp2', sizeGiB: 100 })).toBeCloseTo(10, 6);
    expect(book.ebsVolumeMonthlyUsd({ volumeType: 'io1', sizeGiB: 100, iops: 1000 })).toBeCloseTo(12.5 + 65, 6);
  });

  it('prices Lambda per GB-second by architecture and per request', () => {
    expect(book.lambdaGbSecondUsd('x86_64')).toBeCloseTo(0.0000166667, 10);
    expect(book.lambdaGbSecondUsd('arm64')).toBeLessThan(book.lambdaGbSecondUsd('x86_64'));
    expect(book.lambdaRequestUsd * 1_000_000).toBeCloseTo(0.2, 10);
    expect(HOURS_PER_MONTH).toBe(730);
  });
});

describe('parseFamily', () => {
  it('splits series and generation, and gives unparseable families generation 0', () => {
    expect(parseFamily('m7gd.large')).toEqual({ family: 'm7gd', series: 'm', generation: 7 });
    expect(parseFamily('x2iedn.xlarge')).toEqual({ family: 'x2iedn', series: 'x', generation: 2 });
    // High-memory hosts are named by size, not generation: no generation to compare.
    expect(parseFamily('u-6tb1.metal').generation).toBe(0);
  });
});
