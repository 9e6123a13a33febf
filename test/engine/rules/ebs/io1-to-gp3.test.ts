import { describe, expect, it } from 'vitest';
import { io1ToGp3 } from '../../../../lambdas/engine/rules/ebs/io1-to-gp3.js';
import { context, resource, slice } from '../fixtures.js';

const volume = (config: Record<string, unknown>) => resource('ebs:volume', 'vol-io1', { volumeType: 'io1', sizeGiB: 500, iops: 5000, state: 'in-use', ...config });

describe('ebs/io1-to-gp3', () => {
  it('flags an io1 volume whose IOPS fit gp3 and keeps its IOPS', () => {
    const [finding] = io1ToGp3.evaluate(slice(volume({})), context());
    expect(finding.proposed).toEqual({ volumeType: 'gp3', iops: 5000, throughputMiBps: 500 });
    // io1: 500 × 0.125 + 5000 × 0.065 = 387.5; gp3: 500 × 0.08 + 2000 × 0.005 + 375 × 0.04 = 65
    expect(finding.monthlySavingsUsd).toBeCloseTo(322.5, 2);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.automation.executor).toBeNull();
  });

  it('passes io1 volumes above gp3 IOPS limits, and other volume types', () => {
    expect(io1ToGp3.evaluate(slice(volume({ iops: 20_000 })), context())).toEqual([]);
    expect(io1ToGp3.evaluate(slice(volume({ volumeType: 'io2' })), context())).toEqual([]);
    expect(io1ToGp3.evaluate(slice(volume({ volumeType: 'gp3' })), context())).toEqual([]);
  });
});
