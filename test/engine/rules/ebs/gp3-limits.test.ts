import { describe, expect, it } from 'vitest';
import { gp3SizeForIops, gp3ThroughputFor } from '../../../../lambdas/engine/rules/ebs/gp3-limits.js';
import { io1MaxThroughputMiBps } from '../../../../lambdas/engine/rules/ebs/io1-performance.js';

describe('gp3 limits', () => {
  it('keeps the size while the IOPS fit 500 per GiB or the free 3,000, and grows it otherwise', () => {
    expect(gp3SizeForIops(3000, 1, 3000)).toBe(1);
    expect(gp3SizeForIops(50_000, 100, 3000)).toBe(100);
    expect(gp3SizeForIops(4000, 5, 3000)).toBe(8);
  });

  it('has no size for IOPS above 80,000', () => {
    expect(gp3SizeForIops(80_000, 200, 3000)).toBe(200);
    expect(gp3SizeForIops(80_001, 1000, 3000)).toBeUndefined();
  });

  it('caps throughput at 0.25 MiB/s per IOPS and 2,000 MiB/s, never below the 125 baseline', () => {
    expect(gp3ThroughputFor(3000, 1000, 125)).toBe(750);
    expect(gp3ThroughputFor(80_000, 5000, 125)).toBe(2000);
    expect(gp3ThroughputFor(100, 10, 125)).toBe(125);
  });
});

describe('io1 throughput', () => {
  it('reaches 500 MiB/s at 2,000 IOPS, then grows 16 KiB per IOPS above 32,000 to 1,000 MiB/s', () => {
    expect(io1MaxThroughputMiBps(1000)).toBe(250);
    expect(io1MaxThroughputMiBps(32_000)).toBe(500);
    expect(io1MaxThroughputMiBps(48_000)).toBe(750);
    expect(io1MaxThroughputMiBps(64_000)).toBe(1000);
  });
});
