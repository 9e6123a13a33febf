import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { KINESIS_SHARD_WRITE_BYTES_PER_SEC, KINESIS_SHARD_WRITE_RECORDS_PER_SEC } from '../../pricing/storage-data-prices.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { spanDays } from '../support/span-days.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

export const OVERPROVISIONED_SHARDS_RULE_ID = 'kinesis/overprovisioned-shards';
/** A week of data at least, so the weekly peak is seen. */
const MIN_DAYS_OBSERVED = 7;

/**
 * Provisioned Kinesis data stream with more shards than its writes need → UpdateShardCount (UNIFORM_SCALING) down.
 * A shard takes 1 MiB/s or 1,000 records/s of writes (Kinesis Data Streams quotas); the stream is sized on its
 * busiest 5-minute period of the lookback (AWS/Kinesis IncomingBytes and IncomingRecords, Sum ÷ period), plus the
 * deployment's headroom (default 20 %) for bursts inside those 5 minutes:
 *
 *   needed   = max(peak bytes/s ÷ 1 MiB, peak records/s ÷ 1,000) × (1 + headroom)
 *   proposed = max(1, ⌈needed⌉, ⌈current ÷ 2⌉)       — UpdateShardCount never goes below half the current count
 *   savings  = (current − proposed) × $0.015 × 730
 *
 * so a stream far above its need is brought down in steps a run apart (AWS rejects a larger cut). Skipped when any
 * write was throttled (WriteProvisionedThroughputExceeded > 0), with under 7 days of data, or when nothing would
 * change. Confidence = data confidence of IncomingBytes. Risk 2: fewer shards also means less shared read
 * throughput (2 MB/s per shard across classic consumers) — check consumers' GetRecords lag first; effort low, no
 * restart, reversible (scale back up), no executor.
 */
export const overprovisionedShards: Rule = {
  id: OVERPROVISIONED_SHARDS_RULE_ID,
  domain: 'data',
  resourceType: 'kinesis:stream',
  summary: 'Reduce the shards of a provisioned Kinesis stream to its peak write throughput plus headroom (at most halving per step).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'kinesis:stream');
    if (config.streamMode !== 'PROVISIONED' || config.status !== 'ACTIVE' || config.openShardCount <= 1) return [];
    const bytesSeries = findSeries(slice.series, 'IncomingBytes', ['Sum']);
    if (bytesSeries === undefined) return [];
    const bytes = windowSeries(bytesSeries, context.now, context.lookbackDays);
    const days = spanDays(bytes, context.now, context.lookbackDays);
    if (days < MIN_DAYS_OBSERVED) return [];
    const throttledSeries = findSeries(slice.series, 'WriteProvisionedThroughputExceeded', ['Sum']);
    const throttled = throttledSeries ? windowSeries(throttledSeries, context.now, context.lookbackDays).values.reduce((a, b) => a + b, 0) : 0;
    if (throttled > 0) return [];
    const recordsSeries = findSeries(slice.series, 'IncomingRecords', ['Sum']);
    const records = recordsSeries && windowSeries(recordsSeries, context.now, context.lookbackDays);

    const peakBytesPerSec = max(bytes.values) / bytes.series.periodSec;
    const peakRecordsPerSec = records && records.values.length > 0 ? max(records.values) / records.series.periodSec : 0;
    const needed = Math.max(peakBytesPerSec / KINESIS_SHARD_WRITE_BYTES_PER_SEC, peakRecordsPerSec / KINESIS_SHARD_WRITE_RECORDS_PER_SEC) * (1 + context.headroomPercent / 100);
    const current = config.openShardCount;
    const proposed = Math.max(1, Math.ceil(needed), Math.ceil(current / 2));
    if (proposed >= current) return [];
    const savings = (current - proposed) * context.prices.storageData.kinesis.shardHourUsd * HOURS_PER_MONTH;

    return [
      buildFinding({
        ruleId: OVERPROVISIONED_SHARDS_RULE_ID,
        domain: 'data',
        resource: slice.resource,
        current: { openShardCount: current },
        proposed: { openShardCount: proposed, scalingType: 'UNIFORM_SCALING' },
        monthlySavingsUsd: savings,
        performanceRisk: 2,
        confidence: dataConfidence(bytes.coverage, bytes.daysObserved, context.lookbackDays),
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            peakWriteMiBPerSec: roundTo(peakBytesPerSec / KINESIS_SHARD_WRITE_BYTES_PER_SEC, 3),
            peakRecordsPerSec: Math.round(peakRecordsPerSec),
            shardsNeeded: roundTo(needed, 2),
            headroomPercent: context.headroomPercent,
            limitedByHalving: proposed > Math.max(1, Math.ceil(needed)),
            throttledWrites: 0,
            daysSpanned: roundTo(days, 1),
          },
          quantiles: {},
          series: [excerpt('IncomingBytes', 'Sum', bytes.series.unit ?? 'Bytes', bytes.timestamps, bytes.values)],
          sources: ['cloudwatch', 'kinesis-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};

function max(values: readonly number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
