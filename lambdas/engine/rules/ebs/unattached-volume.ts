import type { Rule } from '../rule.js';
import { storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { MS_PER_DAY } from '../support/series-window.js';
import { roundTo } from '../support/money.js';
import { volumeIdleDays } from './volume-idle-days.js';

const RULE_ID = 'ebs/unattached-volume';
/** Days without I/O that prove the volume is abandoned rather than between two attachments. */
export const MIN_IDLE_DAYS = 7;
/**
 * Confidence by evidence: I/O metrics show ≥ 7 idle days → 1; no I/O metrics, created before the lookback → 0.6 (the
 * creation time is not the detach time: a year-old volume may have been detached yesterday); no metrics and no
 * creation time → 0.5; I/O metrics show reads or writes in the last 7 days (detached recently) → 0.3.
 */
const CONFIDENCE = { idle: 1, oldNoMetrics: 0.6, unknownAgeNoMetrics: 0.5, recentlyActive: 0.3 } as const;

/**
 * Unattached EBS volume: state 'available' (attached to nothing) and not created inside the lookback window. Proposes a
 * snapshot, then deletion.
 *
 *   savings = volume monthly cost − snapshot storage (sizeGiB × $0.05/GB-month, an upper bound: snapshots store only
 *             written blocks)
 *
 * No finding when the snapshot would cost as much as the volume (e.g. sc1). Performance risk 0 (nothing reads it);
 * confidence from how long it is known to have been unused (CONFIDENCE above; volume-idle-days.ts reads the I/O metrics
 * when they were collected). Reversible by restoring the snapshot.
 */
export const unattachedVolume: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Snapshot and delete an unattached EBS volume (confident when its I/O metrics show ≥ 7 days without reads or writes).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:volume');
    if (config.state !== 'available' || config.attachedInstanceId) return [];
    const created = config.createTime === undefined ? undefined : Date.parse(config.createTime);
    const lookbackStart = context.now - context.lookbackDays * MS_PER_DAY;
    if (created !== undefined && created > lookbackStart) return [];

    const volumeUsd = context.prices.ebsVolumeMonthlyUsd({
      volumeType: config.volumeType,
      sizeGiB: config.sizeGiB,
      iops: config.iops,
      throughputMiBps: config.throughputMiBps,
    });
    const snapshotUsd = config.sizeGiB * context.prices.ebsSnapshotGbMonthUsd;
    const monthlySavingsUsd = volumeUsd - snapshotUsd;
    if (monthlySavingsUsd <= 0) return [];
    const idleDays = volumeIdleDays(slice.series, context.now, context.lookbackDays);
    const confidence =
      idleDays === undefined
        ? created === undefined
          ? CONFIDENCE.unknownAgeNoMetrics
          : CONFIDENCE.oldNoMetrics
        : idleDays >= MIN_IDLE_DAYS
          ? CONFIDENCE.idle
          : CONFIDENCE.recentlyActive;
    const medium = ['st1', 'sc1', 'standard'].includes(config.volumeType) ? 'hdd' : 'ssd';

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { state: 'available', volumeType: config.volumeType, sizeGiB: config.sizeGiB },
        proposed: { state: 'deleted', snapshotFirst: true },
        monthlySavingsUsd,
        performanceRisk: 0,
        confidence,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            sizeGiB: config.sizeGiB,
            volumeMonthlyUsd: roundTo(volumeUsd, 2),
            snapshotMonthlyUsd: roundTo(snapshotUsd, 2),
            ...(created === undefined ? { createTimeKnown: false } : { daysSinceCreated: roundTo((context.now - created) / MS_PER_DAY, 1) }),
            lookbackDays: context.lookbackDays,
            ...(idleDays === undefined ? { ioMetrics: false } : { daysWithoutIo: roundTo(idleDays, 1) }),
          },
          quantiles: {},
          series: [],
          sources: ['ebs-config', ...(idleDays === undefined ? [] : ['cloudwatch']), ...context.prices.sources],
        },
        automation: { executor: 'ebs-snapshot-delete' },
        carbonKgCo2eMonthly: storageKgCo2ePerMonth(slice.resource.region, config.sizeGiB, medium),
      }),
    ];
  },
};
