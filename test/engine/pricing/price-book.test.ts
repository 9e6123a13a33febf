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

describe('createPriceBook: RDS, network, DynamoDB and Logs', () => {
  const book = createPriceBook();

  it('prices RDS by class and engine, doubles Multi-AZ, and knows no licence-bound engine', () => {
    expect(book.rdsHourlyUsd('db.m5.large', 'mysql', false)).toBeCloseTo(0.171, 6);
    expect(book.rdsHourlyUsd('db.m5.large', 'postgres', false)).toBeCloseTo(0.178, 6);
    expect(book.rdsHourlyUsd('db.m5.large', 'mariadb', false)).toBeCloseTo(0.171, 6);
    expect(book.rdsHourlyUsd('db.m5.large', 'mysql', true)).toBeCloseTo(0.342, 6);
    // Sizes derive from the large price by normalisation factor: 2xlarge = 4 × large; micro = large ÷ 8.
    expect(book.rdsHourlyUsd('db.r6g.2xlarge', 'postgres', false)).toBeCloseTo(0.9, 6);
    expect(book.rdsHourlyUsd('db.t3.micro', 'mysql', false)).toBeCloseTo(0.017, 6);
    expect(book.rdsHourlyUsd('db.m5.large', 'oracle-se2', false)).toBeUndefined();
    expect(book.rdsHourlyUsd('db.t3.4xlarge', 'mysql', false)).toBeUndefined();
    expect(book.rdsHourlyUsd('db.x9z.large', 'mysql', false)).toBeUndefined();
    expect(book.rdsHourlyUsd('m5.large', 'mysql', false)).toBeUndefined();
    expect(book.rdsStorageGbMonthUsd).toBe(0.115);
  });

  it('prices public IPv4, NAT gateways and load balancers by the hour', () => {
    expect(book.elasticIpHourlyUsd * HOURS_PER_MONTH).toBeCloseTo(3.65, 6);
    expect(book.natGateway).toEqual({ hourlyUsd: 0.045, perGbProcessedUsd: 0.045 });
    expect(book.loadBalancerHourlyUsd('application')).toBe(0.0225);
    expect(book.loadBalancerHourlyUsd('network')).toBe(0.0225);
    expect(book.loadBalancerHourlyUsd('gateway')).toBe(0.0125);
    expect(book.loadBalancerHourlyUsd('classic')).toBe(0.025);
  });

  it('prices DynamoDB after the November 2024 on-demand cut, and CloudWatch Logs', () => {
    expect(book.dynamoDb.writeRequestUnitUsd * 1_000_000).toBeCloseTo(0.625, 9);
    expect(book.dynamoDb.readRequestUnitUsd * 1_000_000).toBeCloseTo(0.125, 9);
    expect(book.dynamoDb).toMatchObject({ wcuHourUsd: 0.00065, rcuHourUsd: 0.00013, storageGbMonthUsd: 0.25 });
    expect(book.logs).toEqual({ ingestionGbUsd: 0.5, storageGbMonthUsd: 0.03 });
  });

  it('bills io2 IOPS in tiers, cheaper than io1 only above 32,000 IOPS', () => {
    const io1 = (iops: number) => book.ebsVolumeMonthlyUsd({ volumeType: 'io1', sizeGiB: 1000, iops });
    const io2 = (iops: number) => book.ebsVolumeMonthlyUsd({ volumeType: 'io2', sizeGiB: 1000, iops });
    expect(io2(20_000)).toBeCloseTo(io1(20_000), 6);
    // 125 + 32,000 × 0.065 + 8,000 × 0.0455 = 125 + 2,080 + 364
    expect(io2(40_000)).toBeCloseTo(2569, 6);
    // 125 + 2,080 + 32,000 × 0.0455 + 16,000 × 0.032 = 125 + 2,080 + 1,456 + 512
    expect(io2(80_000)).toBeCloseTo(4173, 6);
  });

  it('lets the snapshot override each new price for its region, keeping the rest bundled', () => {
    const regional = createPriceBook({
      region: 'eu-west-1',
      ec2HourlyUsd: {},
      ebsGbMonthUsd: {},
      ebsSnapshotGbMonthUsd: 0.053,
      rdsHourlyUsd: { postgres: { 'db.m5.large': 0.191 } },
      rdsStorageGbMonthUsd: 0.127,
      elasticIpHourlyUsd: 0.006,
      natGateway: { hourlyUsd: 0.048 },
      loadBalancerHourlyUsd: { application: 0.0252 },
      dynamoDb: { writeRequestUnitUsd: 0.7 / 1_000_000 },
      logs: { ingestionGbUsd: 0.57 },
    });
    expect(regional.rdsHourlyUsd('db.m5.large', 'postgres', true)).toBeCloseTo(0.382, 6);
    expect(regional.rdsHourlyUsd('db.m5.large', 'mysql', false)).toBeCloseTo(0.171, 6);
    expect(regional.ebsSnapshotGbMonthUsd).toBe(0.053);
    expect(regional.rdsStorageGbMonthUsd).toBe(0.127);
    expect(regional.elasticIpHourlyUsd).toBe(0.006);
    expect(regional.natGateway).toEqual({ hourlyUsd: 0.048, perGbProcessedUsd: 0.045 });
    expect(regional.loadBalancerHourlyUsd('application')).toBe(0.0252);
    expect(regional.loadBalancerHourlyUsd('network')).toBe(0.0225);
    expect(regional.dynamoDb.writeRequestUnitUsd).toBeCloseTo(0.7 / 1_000_000, 12);
    expect(regional.dynamoDb.readRequestUnitUsd).toBeCloseTo(0.125 / 1_000_000, 12);
    expect(regional.logs).toEqual({ ingestionGbUsd: 0.57, storageGbMonthUsd: 0.03 });
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
