import type { Rule } from '../rule.js';
import { storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { MS_PER_DAY } from '../support/series-window.js';
import { roundTo } from '../support/money.js';

const RULE_ID = 'ebs/unattached-volume';
/** When the creation time is unknown we cannot tell how long the volume has been detached. */
const CONFIDENCE_UNKNOWN_AGE = 0.6;

/**
 * Unattached EBS volume: state 'available' (attached to nothing) and created before the lookback window, so it has
 * been unused for at least the lookback. Proposes a snapshot, then deletion.
 *
 *   savings = volume monthly cost − snapshot storage (sizeGiB × $0.05/GB-month, an upper bound: snapshots store only
 *             written blocks)
 *
 * No finding when the snapshot would cost as much as the volume (e.g. sc1). Performance risk 0 (nothing reads it);
 * confidence 1 when the creation time proves its age, 0.6 when unknown. Reversible by restoring the snapshot.
 */
export const unattachedVolume: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Snapshot and delete an EBS volume that has been attached to nothing for the whole lookback.',
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
        confidence: created === undefined ? CONFIDENCE_UNKNOWN_AGE : 1,
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
          },
          quantiles: {},
          series: [],
          sources: ['ebs-config', ...context.prices.sources],
        },
        automation: { executor: 'ebs-snapshot-delete' },
        carbonKgCo2eMonthly: storageKgCo2ePerMonth(config.sizeGiB, medium),
      }),
    ];
  },
};
