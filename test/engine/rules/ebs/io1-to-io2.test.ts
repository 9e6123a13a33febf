import { describe, expect, it } from 'vitest';
import { io1ToIo2 } from '../../../../lambdas/engine/rules/ebs/io1-to-io2.js';
import { io1ToGp3 } from '../../../../lambdas/engine/rules/ebs/io1-to-gp3.js';
import { context, resource, series, slice } from '../fixtures.js';

const volume = (config: Record<string, unknown> = {}) =>
  resource('ebs:volume', 'vol-db', { volumeType: 'io1', sizeGiB: 1000, iops: 20_000, state: 'in-use', ...config });

describe('ebs/io1-to-io2', () => {
  it('proposes io2 at the same price for an io1 volume gp3 cannot serve (≤ 32,000 IOPS)', () => {
    const res = volume();
    const [finding] = io1ToIo2.evaluate(slice(res), context());
    expect(finding.proposed).toEqual({ volumeType: 'io2', iops: 20_000 });
    expect(finding.monthlySavingsUsd).toBe(0);
    expect(finding.evidence.statistics.io2DurabilityPercent).toBe(99.999);
    expect(finding).toMatchObject({ performanceRisk: 0, reversible: true, confidence: 1 });
    // The gp3 rule does not cover it: nothing would be proposed without this rule.
    expect(io1ToGp3.evaluate(slice(res), context())).toEqual([]);
  });

  it('counts io2 tier savings above 32,000 IOPS', () => {
    const [finding] = io1ToIo2.evaluate(slice(volume({ iops: 50_000 })), context());
    // io1: 50,000 × 0.065 = 3,250; io2: 32,000 × 0.065 + 18,000 × 0.0455 = 2,899
    expect(finding.monthlySavingsUsd).toBeCloseTo(351, 2);
  });

  it('passes io1 volumes gp3 can serve, and other types', () => {
    expect(io1ToIo2.evaluate(slice(volume({ iops: 16_000 })), context())).toEqual([]);
    expect(io1ToIo2.evaluate(slice(volume({ volumeType: 'io2' })), context())).toEqual([]);
    expect(io1ToIo2.evaluate(slice(volume({ iops: undefined })), context())).toEqual([]);
  });

  it('reports observed IOPS when collected, with confidence from their coverage', () => {
    const res = volume();
    const ops = (name: string) => series(res.arn, name, 'Sum', () => 9_000 * 300, { days: 7, namespace: 'AWS/EBS' });
    const [finding] = io1ToIo2.evaluate(slice(res, [ops('VolumeReadOps'), ops('VolumeWriteOps')]), context());
    expect(finding.evidence.statistics.observedP995Iops).toBeCloseTo(18_000, 0);
    // 7 of 14 days: coverage 0.5 × 8 UTC days touched / 14 (dataConfidence) ≈ 0.29
    expect(finding.confidence).toBeCloseTo(0.29, 2);
  });
});
