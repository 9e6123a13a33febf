import { describe, expect, it } from 'vitest';
import { overprovisionedShards } from '../../../../lambdas/engine/rules/kinesis/overprovisioned-shards.js';
import { context, resource, series, slice } from '../fixtures.js';

const MIB = 1024 * 1024;
const stream = (openShardCount: number, extra: Record<string, unknown> = {}) =>
  resource('kinesis:stream', 'clicks', { streamMode: 'PROVISIONED', openShardCount, status: 'ACTIVE', ...extra });
/** Writes at `mibPerSec` in every 5-minute period (Sum = rate × 300), records of 2 KiB. */
const writes = (arn: string, mibPerSec: number, days = 14) => [
  series(arn, 'IncomingBytes', 'Sum', () => mibPerSec * MIB * 300, { days, namespace: 'AWS/Kinesis' }),
  series(arn, 'IncomingRecords', 'Sum', () => (mibPerSec * 1024 * 300) / 2, { days, namespace: 'AWS/Kinesis' }),
];

describe('kinesis/overprovisioned-shards', () => {
  it('sizes the stream on its peak write rate plus 20 % headroom: 3 MiB/s on 8 shards → 4 shards, $0.015 × 730 × 4 saved', () => {
    const s = stream(8);
    const [finding] = overprovisionedShards.evaluate(slice(s, writes(s.arn, 3)), context());
    expect(finding.proposed).toEqual({ openShardCount: 4, scalingType: 'UNIFORM_SCALING' });
    expect(finding.monthlySavingsUsd).toBeCloseTo(4 * 0.015 * 730, 2);
    expect(finding.evidence.statistics.shardsNeeded).toBeCloseTo(3.6, 2);
  });

  it('never proposes below half the current count (UpdateShardCount rejects a larger cut) and says so', () => {
    const s = stream(16);
    const [finding] = overprovisionedShards.evaluate(slice(s, writes(s.arn, 0.5)), context());
    expect(finding.proposed.openShardCount).toBe(8);
    expect(finding.evidence.statistics.limitedByHalving).toBe(true);
  });

  it('counts records against 1,000 per second per shard', () => {
    const s = stream(8);
    // 1 MiB/s in 100-byte records = 10,486 records/s → 12.6 shards needed.
    const [bytes] = writes(s.arn, 1);
    const records = series(s.arn, 'IncomingRecords', 'Sum', () => (MIB / 100) * 300, { namespace: 'AWS/Kinesis' });
    expect(overprovisionedShards.evaluate(slice(s, [bytes, records]), context())).toEqual([]);
  });

  it('passes at the boundary: 3.4 MiB/s × 1.2 = 4.08 needs 5 shards of 5', () => {
    const s = stream(5);
    expect(overprovisionedShards.evaluate(slice(s, writes(s.arn, 3.4)), context())).toEqual([]);
  });

  it('passes a stream with throttled writes, an on-demand stream, one shard, and under 7 days of data', () => {
    const s = stream(8);
    const throttled = series(s.arn, 'WriteProvisionedThroughputExceeded', 'Sum', (i) => (i === 10 ? 3 : 0), { namespace: 'AWS/Kinesis' });
    expect(overprovisionedShards.evaluate(slice(s, [...writes(s.arn, 0.5), throttled]), context())).toEqual([]);
    expect(overprovisionedShards.evaluate(slice(stream(8, { streamMode: 'ON_DEMAND' }), writes(s.arn, 0.5)), context())).toEqual([]);
    expect(overprovisionedShards.evaluate(slice(stream(1), writes(s.arn, 0.1)), context())).toEqual([]);
    expect(overprovisionedShards.evaluate(slice(s, writes(s.arn, 0.5, 6)), context())).toEqual([]);
  });
});
