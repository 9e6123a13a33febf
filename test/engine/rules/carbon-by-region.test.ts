import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../lambdas/engine/rules/rule.js';
import type { MetricSeries, Resource } from '../../../lambdas/engine/types/snapshot.js';
import { unattachedVolume } from '../../../lambdas/engine/rules/ebs/unattached-volume.js';
import { oldSnapshot } from '../../../lambdas/engine/rules/ebs/old-snapshot.js';
import { io1ToGp3 } from '../../../lambdas/engine/rules/ebs/io1-to-gp3.js';
import { idleInstance } from '../../../lambdas/engine/rules/ec2/idle-instance.js';
import { rightsizeInstance } from '../../../lambdas/engine/rules/ec2/rightsize-instance.js';
import { idleRdsInstance } from '../../../lambdas/engine/rules/rds/idle-instance.js';
import { memorySize } from '../../../lambdas/engine/rules/lambda/memory-size.js';
import { arm64Candidate } from '../../../lambdas/engine/rules/lambda/arm64-candidate.js';
import { missingRetention } from '../../../lambdas/engine/rules/logs/missing-retention.js';
import { ingestExternalRecommendations } from '../../../lambdas/engine/rules/external/compute-optimizer.js';
import { context, DAY_MS, NOW, resource, series, slice } from './fixtures.js';

// Carbon saved by each rule, as Cloud Carbon Footprint computes it. Expected values are written out from CCF's
// published coefficients (SSD 1.2 / HDD 0.65 Wh per TB-hour, 0.74–3.5 W per x86 vCPU, 0.47–1.69 W Graviton,
// 0.000392 kWh per GB-hour of memory, PUE 1.135, 730 h) and grid factors, so doubling any of them fails a test.
const US_EAST_1 = 0.000379069;
const EU_NORTH_1 = 0.000008;
const AP_SOUTH_1 = 0.000708;
const kgPerMonth = (kwhPerHour: number, factor = US_EAST_1) => kwhPerHour * 730 * 1.135 * factor * 1000;
const GB = 1024 ** 3;

interface Case {
  rule: Rule;
  build: (region: string) => { resource: Resource; series: MetricSeries[] };
  /** kg CO2e a month in us-east-1. */
  expectedKg?: number;
}

const lambdaMetrics = (arn: string, durationMs: number, insights = false) => {
  const opts = { namespace: 'AWS/Lambda' };
  return [
    series(arn, 'Duration', 'Average', () => durationMs, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Duration', 'p99', () => durationMs * 1.5, { ...opts, unit: 'Milliseconds' }),
    series(arn, 'Invocations', 'Sum', () => 1000, opts),
    ...(insights
      ? [
          series(arn, 'used_memory_max', 'Maximum', () => 120, { namespace: 'LambdaInsights' }),
          series(arn, 'cpu_total_time', 'Average', () => 4, { namespace: 'LambdaInsights' }),
        ]
      : []),
  ];
};

const CASES: Record<string, Case> = {
  'ebs/unattached-volume': {
    rule: unattachedVolume,
    build: (region) => ({
      resource: resource('ebs:volume', 'vol-1', { volumeType: 'gp3', sizeGiB: 500, state: 'available', createTime: new Date(NOW - 60 * DAY_MS).toISOString() }, region),
      series: [],
    }),
    // 0.5 TB of SSD, 2 replicas
    expectedKg: kgPerMonth((0.5 * 1.2 * 2) / 1000),
  },
  'ebs/old-snapshot': {
    rule: oldSnapshot,
    build: (region) => ({
      resource: resource('ebs:snapshot', 'snap-1', { sizeGiB: 200, startTime: new Date(NOW - 200 * DAY_MS).toISOString(), sourceVolumeExists: false, amiIds: [] }, region),
      series: [],
    }),
    // 0.2 TB of HDD, 3 replicas
    expectedKg: kgPerMonth((0.2 * 0.65 * 3) / 1000),
  },
  'ebs/io1-to-gp3': {
    rule: io1ToGp3,
    build: (region) => ({ resource: resource('ebs:volume', 'vol-2', { volumeType: 'io1', sizeGiB: 10, iops: 64_000, state: 'in-use' }, region), series: [] }),
    // grows 10 → 128 GiB of SSD (64,000 IOPS at 500 per GiB), 2 replicas: a cost
    expectedKg: -kgPerMonth((0.118 * 1.2 * 2) / 1000),
  },
  'logs/missing-retention': {
    rule: missingRetention,
    build: (region) => {
      const res = resource('logs:log-group', 'app', { storedBytes: 10_000 * GB }, region);
      return { resource: res, series: [series(res.arn, 'IncomingBytes', 'Sum', () => GB / 24, { periodSec: 3600, namespace: 'AWS/Logs', unit: 'Bytes' })] };
    },
    // 9,970 GB freed (10,000 stored, 30 days × 1 GB kept), HDD, once
    expectedKg: kgPerMonth((9.97 * 0.65) / 1000),
  },
  'ec2/idle-instance': {
    rule: idleInstance,
    build: (region) => {
      const res = resource('ec2:instance', 'i-1', { instanceType: 'm5.large', state: 'running' }, region);
      return {
        resource: res,
        series: [
          series(res.arn, 'CPUUtilization', 'Average', () => 2, { unit: 'Percent' }),
          series(res.arn, 'NetworkIn', 'Sum', () => 1000, { unit: 'Bytes' }),
          series(res.arn, 'NetworkOut', 'Sum', () => 500, { unit: 'Bytes' }),
        ],
      };
    },
    // m5.large: 2 vCPU at 2 %, 8 GiB, idle every day
    expectedKg: kgPerMonth((2 * (0.74 + 0.02 * (3.5 - 0.74))) / 1000 + 8 * 0.000392),
  },
  'lambda/arm64-candidate': {
    rule: arm64Candidate,
    build: (region) => {
      const res = resource('lambda:function', 'f', { memoryMb: 1024, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x' }, region);
      return { resource: res, series: lambdaMetrics(res.arn, 200) };
    },
    // 1024/1769 of a vCPU busy 1,000 × 12 × 0.2 s an hour (2/3 of the time), at 50 %: x86 2.12 W − Graviton 1.08 W
    expectedKg: kgPerMonth(((1024 / 1769) * (2.12 - 1.08) * (2 / 3)) / 1000),
  },
  'ec2/rightsize-instance': {
    rule: rightsizeInstance,
    build: (region) => {
      const res = resource('ec2:instance', 'i-2', { instanceType: 'm5.2xlarge', state: 'running', platform: 'linux' }, region);
      return { resource: res, series: [series(res.arn, 'CPUUtilization', 'Average', (i) => (i % 288 < 6 ? 20 : 8), { unit: 'Percent' })] };
    },
  },
  'rds/idle-instance': {
    rule: idleRdsInstance,
    build: (region) => {
      const res = resource('rds:db-instance', 'db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available' }, region);
      return { resource: res, series: [series(res.arn, 'DatabaseConnections', 'Maximum', () => 0, { namespace: 'AWS/RDS', unit: 'Count' })] };
    },
    // m5.large at CCF's 50 % (no CPU series), 100 GiB SSD × 2
    expectedKg: kgPerMonth((2 * (0.74 + 0.5 * 2.76)) / 1000 + 8 * 0.000392 + (0.1 * 1.2 * 2) / 1000),
  },
  'lambda/memory-size': {
    rule: memorySize,
    build: (region) => {
      const res = resource('lambda:function', 'g', { memoryMb: 1024, timeoutSec: 30, architecture: 'x86_64', runtime: 'nodejs22.x' }, region);
      return { resource: res, series: lambdaMetrics(res.arn, 200, true) };
    },
  },
};

function carbonIn(c: Case, region: string): number {
  const { resource: res, series: list } = c.build(region);
  const [finding] = c.rule.evaluate(slice(res, list), context());
  expect(finding, `${c.rule.id} flags its fixture`).toBeDefined();
  return finding.carbonKgCo2eMonthly;
}

describe('carbon saved, by rule and region', () => {
  for (const [id, c] of Object.entries(CASES)) {
    if (c.expectedKg !== undefined) {
      const expected = c.expectedKg;
      it(`${id}: Cloud Carbon Footprint's figure in us-east-1`, () => {
        expect(carbonIn(c, 'us-east-1')).toBeCloseTo(expected, 3);
        expect(Math.abs(expected)).toBeGreaterThan(0.05); // large enough for the gram rounding to see any change
      });
    }

    it(`${id}: scales with the grid factor of the resource's own region`, () => {
      const east = carbonIn(c, 'us-east-1');
      expect(Math.abs(east)).toBeGreaterThan(0.05);
      // findings round to grams, so compare at that precision
      expect(carbonIn(c, 'eu-north-1')).toBeCloseTo((east * EU_NORTH_1) / US_EAST_1, 2);
      expect(carbonIn(c, 'ap-south-1')).toBeCloseTo((east * AP_SOUTH_1) / US_EAST_1, 2);
    });
  }
});

describe('carbon saved by an imported EC2 type change', () => {
  const imported = (region: string, withCpu: boolean) => {
    const res = resource('ec2:instance', 'i-co', { instanceType: 'm5.xlarge', state: 'running' }, region);
    const [finding] = ingestExternalRecommendations(
      {
        resource: res,
        series: withCpu ? [series(res.arn, 'CPUUtilization', 'Average', () => 12, { unit: 'Percent' })] : [],
        recommendations: [
          {
            source: 'compute-optimizer',
            resourceArn: res.arn,
            finding: 'OVER_PROVISIONED',
            current: { instanceType: 'm5.xlarge' },
            options: [{ proposed: { instanceType: 'm5.large' }, monthlySavingsUsd: 70, performanceRisk: 1 }],
          },
        ],
      },
      context(),
    );
    return finding.carbonKgCo2eMonthly;
  };

  it('is the current type at our measured CPU less the proposed type doing the same work, in the region', () => {
    // m5.xlarge (4 vCPU, 16 GiB) at 12 % → m5.large (2 vCPU, 8 GiB) at 24 %
    const kwh = (4 * (0.74 + 0.12 * 2.76) - 2 * (0.74 + 0.24 * 2.76)) / 1000 + 8 * 0.000392;
    expect(imported('us-east-1', true)).toBeCloseTo(kgPerMonth(kwh), 3);
    expect(imported('eu-west-1', true)).toBeCloseTo(kgPerMonth(kwh, 0.000316), 3);
  });

  it("uses CCF's 50 % utilisation without CPU data of our own", () => {
    const kwh = (4 * (0.74 + 0.5 * 2.76) - 2 * (0.74 + 1 * 2.76)) / 1000 + 8 * 0.000392;
    expect(imported('us-east-1', false)).toBeCloseTo(kgPerMonth(kwh), 3);
  });
});
