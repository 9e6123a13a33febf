import { describe, expect, it } from 'vitest';
import { observedIops } from '../../../../lambdas/engine/rules/ebs/observed-iops.js';
import type { MetricSeries } from '../../../../lambdas/engine/types/snapshot.js';
import { NOW } from '../fixtures.js';

const MIN = 60_000;

function ops(metricName: string, points: [minutesBeforeNow: number, sum: number][], periodSec = 300): MetricSeries {
  return {
    resourceArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1',
    namespace: 'AWS/EBS',
    metricName,
    stat: 'Sum',
    periodSec,
    timestamps: points.map(([m]) => NOW - m * MIN),
    values: points.map(([, v]) => v),
  };
}

describe('observedIops', () => {
  it('adds reads and writes per timestamp, each divided by its period, and keeps a timestamp only one side has', () => {
    const reads = ops('VolumeReadOps', [[15, 300], [10, 600], [5, 900]]);
    const writes = ops('VolumeWriteOps', [[10, 300], [5, 300], [0, 1500]]);
    const observed = observedIops([reads, writes], NOW, 1)!;
    expect(observed.timestamps).toEqual([NOW - 15 * MIN, NOW - 10 * MIN, NOW - 5 * MIN, NOW]);
    expect(observed.iops).toEqual([1, 3, 4, 5]);
    expect(observed.p995Iops).toBeCloseTo(5, 1);
  });

  it('uses the side that was collected when the other is missing, and nothing when neither is', () => {
    expect(observedIops([ops('VolumeWriteOps', [[5, 600], [0, 1200]])], NOW, 1)?.iops).toEqual([2, 4]);
    expect(observedIops([], NOW, 1)).toBeUndefined();
    expect(observedIops([ops('VolumeReadOps', [[60 * 48, 300]])], NOW, 1)).toBeUndefined();
  });
});
