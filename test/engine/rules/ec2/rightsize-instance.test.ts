import { describe, expect, it } from 'vitest';
import { rightsizeInstance } from '../../../../lambdas/engine/rules/ec2/rightsize-instance.js';
import { FindingSchema } from '../../../../lambdas/engine/types/action.js';
import { context, noise, resource, series, slice } from '../fixtures.js';

function instance(config: Record<string, unknown> = {}) {
  return resource('ec2:instance', 'i-0abc', { instanceType: 'm5.2xlarge', state: 'running', platform: 'linux', ...config });
}

/** CPU around `level` % with ±2 % noise and one daily 30-minute peak at `peak` %. */
function cpu(arn: string, level: number, peak: number, days = 14) {
  const rand = noise(7);
  return series(arn, 'CPUUtilization', 'Average', (i) => (i % 288 < 6 ? peak : level + (rand() - 0.5) * 4), { unit: 'Percent', days });
}

describe('ec2/rightsize-instance', () => {
  it('flags an over-provisioned instance and proposes the cheapest type that fits p99.5 plus headroom', () => {
    const res = instance();
    const [finding] = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20)]), context());
    expect(FindingSchema.parse(finding)).toBeTruthy();
    // p99.5 ≈ 20 % of 8 vCPU × 1.2 = 1.92 vCPU → a 2-vCPU type with ≥ 32 GiB (memory kept): r-family or Graviton.
    const proposed = finding.proposed as { instanceType: string; vcpu: number; memoryGiB: number };
    expect(proposed.vcpu).toBeGreaterThanOrEqual(2);
    expect(proposed.memoryGiB).toBeGreaterThanOrEqual(32);
    const book = context().prices;
    const expected = ((book.ec2HourlyUsd('m5.2xlarge') ?? 0) - (book.ec2HourlyUsd(proposed.instanceType) ?? 0)) * 730;
    expect(finding.monthlySavingsUsd).toBeCloseTo(expected, 1);
    expect(finding.monthlySavingsUsd).toBeGreaterThan(0);
    // Automatable only when the move keeps the architecture (else it is a migration, see below).
    expect(finding.automation.executor).toBe(finding.proposed.architecture === finding.current.architecture ? 'ec2-instance-type' : null);
    expect(finding.restartRequired).toBe(true);
    expect(finding.confidence).toBeGreaterThan(0.95);
    expect(finding.evidence.quantiles['p99.5']).toBeGreaterThanOrEqual(19);
    expect(finding.evidence.series[0].values.length).toBeLessThanOrEqual(96);
    expect(finding.evidence.statistics.p99_5CpuPercent).toBeCloseTo(20, 0);
  });

  it('passes a busy instance: nothing cheaper fits', () => {
    const res = instance();
    expect(rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 70, 95)]), context())).toEqual([]);
  });

  it('keeps Windows instances on x86 and makes a Linux move to Graviton a migration: effort high, more risk, no executor', () => {
    const win = instance({ platform: 'windows' });
    const [onWindows] = rightsizeInstance.evaluate(slice(win, [cpu(win.arn, 8, 20)]), context());
    expect(onWindows.proposed.architecture).toBe('x86_64');

    const linux = instance();
    const [onLinux] = rightsizeInstance.evaluate(slice(linux, [cpu(linux.arn, 8, 20)]), context());
    // The cheapest fit for a Linux m5.2xlarge at 20 % peak is a Graviton type.
    expect(onLinux.proposed.architecture).toBe('arm64');
    expect(onLinux.effort).toBe('high');
    expect(onLinux.automation.executor).toBeNull();
    expect(onLinux.performanceRisk).toBeGreaterThanOrEqual(1);
    expect(onWindows.effort).toBe('low');
    expect(onWindows.automation.executor).toBe('ec2-instance-type');
  });

  it('reads the architecture from the inventory (the AMI): an arm64 instance moving to x86 is a migration too', () => {
    const res = instance({ architecture: 'arm64' });
    const [finding] = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20)]), context());
    expect(finding.current.architecture).toBe('arm64');
    if (finding.proposed.architecture === 'arm64') expect(finding.automation.executor).toBe('ec2-instance-type');
    else expect(finding.automation.executor).toBeNull();
  });

  it('lets a low memory metric shrink memory too, and a high one block it', () => {
    const res = instance();
    const lowMem = series(res.arn, 'mem_used_percent', 'Average', () => 10, { namespace: 'CWAgent', unit: 'Percent' });
    const [withLowMem] = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20), lowMem]), context());
    expect(withLowMem.proposed.memoryGiB as number).toBeLessThan(32);
    const highMem = series(res.arn, 'mem_used_percent', 'Average', () => 90, { namespace: 'CWAgent', unit: 'Percent' });
    // 90 % of 32 GiB × 1.2 = 34.6 GiB needed, more than the m5.2xlarge has: no cheaper type fits.
    expect(rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20), highMem]), context())).toEqual([]);
    const fairMem = series(res.arn, 'mem_used_percent', 'Average', () => 60, { namespace: 'CWAgent', unit: 'Percent' });
    const [withFairMem] = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20), fairMem]), context());
    // 60 % × 32 GiB × 1.2 = 23.04 GiB needed: the proposal keeps at least that much.
    expect(withFairMem.proposed.memoryGiB as number).toBeGreaterThanOrEqual(23.04);
  });

  it('keeps accelerated and storage-optimized instances in their own family', () => {
    const inf = instance({ instanceType: 'inf2.xlarge' });
    // inf2.xlarge is the smallest inf2: no GPU type (g6f.xlarge is cheaper) may replace its Inferentia chip.
    expect(rightsizeInstance.evaluate(slice(inf, [cpu(inf.arn, 2, 5)]), context())).toEqual([]);
    const dense = instance({ instanceType: 'd3.2xlarge' });
    const mem = series(dense.arn, 'mem_used_percent', 'Average', () => 10, { namespace: 'CWAgent', unit: 'Percent' });
    // Without the family constraint a cheaper storage-optimized type of another family (NVMe SSD, not HDD) would win.
    const [d3] = rightsizeInstance.evaluate(slice(dense, [cpu(dense.arn, 2, 5), mem]), context());
    expect(d3.proposed.instanceType).toBe('d3.xlarge');
  });

  it('returns nothing without CPU data, with under 30 hours of it, when stopped, or in an Auto Scaling group', () => {
    const res = instance();
    expect(rightsizeInstance.evaluate(slice(res, []), context())).toEqual([]);
    expect(rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20, 1)]), context())).toEqual([]);
    const stopped = instance({ state: 'stopped' });
    expect(rightsizeInstance.evaluate(slice(stopped, [cpu(stopped.arn, 8, 20)]), context())).toEqual([]);
    const asg = instance({ autoScalingGroup: 'web' });
    expect(rightsizeInstance.evaluate(slice(asg, [cpu(asg.arn, 8, 20)]), context())).toEqual([]);
  });

  it('lowers confidence when data has gaps and only a few days', () => {
    const res = instance();
    const gappy = series(res.arn, 'CPUUtilization', 'Average', (i) => (i % 2 === 0 ? Number.NaN : 8), { days: 7 });
    const [finding] = rightsizeInstance.evaluate(slice(res, [gappy]), context());
    // coverage = (7 days / 14) / 2 = 0.25; the points touch 8 UTC days (the last one is at 00:00) → 0.25 × 8/14
    expect(finding.evidence.statistics.daysObserved).toBe(8);
    expect(finding.confidence).toBeCloseTo(0.14, 2);
  });

  it('gives the same id for the same proposal on every run', () => {
    const res = instance();
    const a = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20)]), context());
    const b = rightsizeInstance.evaluate(slice(res, [cpu(res.arn, 8, 20)]), context());
    expect(a[0].id).toBe(b[0].id);
  });
});
