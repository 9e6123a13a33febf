import type { Rule } from '../rule.js';
import { storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { EBS_SNAPSHOT_REPLICATION_FACTOR } from '../../carbon/ccf-coefficients.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { MS_PER_DAY } from '../support/series-window.js';
import { roundTo } from '../support/money.js';

const RULE_ID = 'ebs/old-snapshot';
/**
 * Age after which an orphaned snapshot is proposed for deletion. 90 days is the common retention default (AWS Backup
 * plans' and Data Lifecycle Manager examples keep daily snapshots well under it) and the archive tier's minimum.
 */
export const OLD_SNAPSHOT_AGE_DAYS = 90;
/** Orphaned old snapshots are often deliberate long-term backups: a person must confirm, so never certain. */
const CONFIDENCE = 0.7;
/** AWS Backup names its snapshots this way; their lifecycle is the backup plan's, not ours to second-guess. */
const AWS_BACKUP_DESCRIPTION = /created by the aws backup service/i;

/**
 * Old orphaned EBS snapshot: started more than 90 days ago, its source volume no longer exists
 * (`sourceVolumeExists: false`), and no AMI is registered from it (`amiIds` empty: deleting it would break them).
 * Snapshots made by AWS Backup are left to their backup plan. Proposes deleting it.
 *
 *   savings ≤ sizeGiB × $0.05/GB-month (standard tier; $0.0125 archive)
 *
 * An upper bound: snapshots are incremental, so one shares blocks with its neighbours and is billed only for blocks
 * no other snapshot references; the real figure needs its own block count (EBS direct APIs ListSnapshotBlocks /
 * ListChangedBlocks). The evidence says so. Risk 0 (nothing reads it), confidence 0.7, not reversible (unless a
 * Recycle Bin retention rule catches it). No executor (ebs-snapshot-delete snapshots and deletes volumes, not this).
 * Carbon: CCF storage estimate for HDD with its 3 snapshot replicas (EC2_EBS_SNAPSHOT) in the snapshot's region, also an
 * upper bound.
 */
export const oldSnapshot: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:snapshot',
  summary: `Delete an EBS snapshot older than ${OLD_SNAPSHOT_AGE_DAYS} days whose volume is gone and that backs no AMI.`,
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:snapshot');
    if (config.sourceVolumeExists !== false || config.amiIds.length > 0) return [];
    if (config.description !== undefined && AWS_BACKUP_DESCRIPTION.test(config.description)) return [];
    const ageDays = (context.now - Date.parse(config.startTime)) / MS_PER_DAY;
    if (ageDays <= OLD_SNAPSHOT_AGE_DAYS) return [];
    const pricePerGb = config.storageTier === 'archive' ? context.prices.ebsSnapshotArchiveGbMonthUsd : context.prices.ebsSnapshotGbMonthUsd;
    const monthlySavingsUsd = config.sizeGiB * pricePerGb;
    if (monthlySavingsUsd <= 0) return [];
    const carbon = storageKgCo2ePerMonth(slice.resource.region, config.sizeGiB, 'hdd', EBS_SNAPSHOT_REPLICATION_FACTOR);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { sizeGiB: config.sizeGiB, storageTier: config.storageTier, ...(config.volumeId ? { volumeId: config.volumeId } : {}) },
        proposed: { state: 'deleted' },
        monthlySavingsUsd,
        performanceRisk: 0,
        confidence: CONFIDENCE,
        effort: 'low',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: {
            ageDays: roundTo(ageDays, 1),
            thresholdAgeDays: OLD_SNAPSHOT_AGE_DAYS,
            sizeGiB: config.sizeGiB,
            sourceVolumeExists: false,
            amiCount: 0,
            savingsIsUpperBound: true,
            savingsNote: 'snapshots are incremental: the saving is at most sizeGiB × price; the real figure needs the blocks only this snapshot holds',
          },
          quantiles: {},
          series: [],
          sources: ['ebs-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
