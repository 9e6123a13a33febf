import { describe, expect, it } from 'vitest';
import { hourlyComputeSpend } from '../../../lambdas/engine/insights/hourly-compute-spend.js';
import { context, NOW, resource, series, slice } from '../rules/fixtures.js';

const HOUR = 3_600_000;

describe('hourlyComputeSpend', () => {
  it('charges an on-demand instance its hourly price in every hour it reported CPU, and skips Spot', () => {
    const web = resource('ec2:instance', 'i-web', { instanceType: 'm5.large', state: 'running' });
    const spot = resource('ec2:instance', 'i-spot', { instanceType: 'm5.large', state: 'running', lifecycle: 'spot' });
    // 5-minute points for the last 3 hours only (NaN elsewhere = no point = not running).
    const recent = (arn: string) => series(arn, 'CPUUtilization', 'Average', (_, t) => (t > NOW - 3 * HOUR ? 20 : Number.NaN), { days: 1 });
    const rows = hourlyComputeSpend([slice(web, [recent(web.arn)]), slice(spot, [recent(spot.arn)])], context());
    // (NOW − 3 h, NOW]: points in the hours starting NOW−3h, NOW−2h, NOW−1h and NOW itself.
    expect(rows.map((r) => r.hourStart)).toEqual([NOW - 3 * HOUR, NOW - 2 * HOUR, NOW - HOUR, NOW]);
    for (const r of rows) expect(r.usd).toBeCloseTo(0.096, 6);
    expect(rows.every((r) => r.account === '123456789012')).toBe(true);
  });

  it('charges a Lambda function duration × invocations × GB × $/GB-s of its architecture, per hour', () => {
    const fn = resource('lambda:function', 'api', { memoryMb: 2048, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs22.x' });
    const opts = { days: 1, namespace: 'AWS/Lambda' };
    const rows = hourlyComputeSpend(
      [slice(fn, [series(fn.arn, 'Duration', 'Average', () => 100, opts), series(fn.arn, 'Invocations', 'Sum', () => 600, opts)])],
      context(),
    );
    // 12 periods an hour × 600 invocations × 0.1 s × 2 GB × arm64 $0.0000133334 = $0.0192
    const full = rows.find((r) => r.hourStart === NOW - 5 * HOUR)!;
    expect(full.usd).toBeCloseTo(12 * 600 * 0.1 * 2 * 0.0000133334, 6);
  });

  it('has no row for an hour in which nothing ran', () => {
    const web = resource('ec2:instance', 'i-web', { instanceType: 'm5.large', state: 'running' });
    expect(hourlyComputeSpend([slice(web, [])], context())).toEqual([]);
  });
});
