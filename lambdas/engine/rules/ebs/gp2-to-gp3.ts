import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { excerpt } from '../support/downsample.js';
import { roundTo } from '../support/money.js';
import { gp2Performance } from './gp2-performance.js';
import { gp3ThroughputFor } from './gp3-limits.js';
import { observedIops } from './observed-iops.js';
import { withStableId } from '../../prioritise/stable-id.js';

const RULE_ID = 'ebs/gp2-to-gp3';

/**
 * gp2 → gp3. gp3 storage is 20 % cheaper per GB ($0.08 vs $0.10 in us-east-1) and includes 3,000 IOPS and
 * 125 MiB/s whatever the size. The proposed gp3 volume keeps everything the gp2 volume delivers, burst included
 * (gp2-performance.ts; Amazon EBS User Guide, "General Purpose SSD volumes",
 * https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html):
 *
 *   iops       = max(3,000, gp2 peak IOPS)                 gp2 peak = max(3 × GiB clamped to 100–16,000, burst 3,000)
 *   throughput = max(125, gp2 peak throughput)             128 MiB/s up to 170 GiB, 250 MiB/s above
 *                (never above gp3's 0.25 MiB/s per IOPS: 3,000 IOPS carry 750 MiB/s, so 250 always fits)
 *   savings    = gp2 monthly − gp3 monthly, gp3 = storage + (iops − 3,000) × $0.005 + (MiB/s − 125) × $0.04
 *
 * so a ≤ 170 GiB volume pays 3 MiB/s extra ($0.12) to keep gp2's 128 MiB/s, and a 171–333 GiB volume 125 MiB/s
 * ($5) to keep the 250 MiB/s it bursts to: below 251 GiB that costs more than the storage saves, and no finding is
 * made (gp3 would be slower or dearer). No finding when the savings are ≤ 0. The change is online (ModifyVolume, no
 * detach), no restart; performance risk 0 and confidence 1 from the configuration alone. When VolumeReadOps/
 * VolumeWriteOps are collected, their p99.5 and the proposal's utilisation are evidence only: the IOPS never drop
 * below what gp2 delivered. Carbon: CCF counts gp2 and gp3 alike (SSD storage of the same size), so the change saves
 * none. The id names the kind of change only
 * (`{ volumeType: 'gp3' }`).
 */
export const gp2ToGp3: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Convert a gp2 volume to gp3 with at least the same IOPS and throughput (20 % cheaper storage).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:volume');
    if (config.volumeType !== 'gp2' || config.state === 'deleting' || config.state === 'deleted' || config.state === 'error') return [];
    const gp2 = gp2Performance(config.sizeGiB);
    const gp3 = context.prices.gp3;
    const iops = Math.max(gp3.baselineIops, gp2.peakIops);
    const throughputMiBps = gp3ThroughputFor(iops, gp2.burstThroughputMiBps, gp3.baselineThroughputMiBps);
    const currentUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp2', sizeGiB: config.sizeGiB });
    const proposedUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB: config.sizeGiB, iops, throughputMiBps });
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd <= 0) return [];
    const observed = observedIops(slice.series, context.now, context.lookbackDays);
    const finding = buildFinding({
      ruleId: RULE_ID,
      domain: 'storage',
      resource: slice.resource,
      current: { volumeType: 'gp2', sizeGiB: config.sizeGiB, iops: gp2.baselineIops, throughputMiBps: gp2.sustainedThroughputMiBps },
      proposed: { volumeType: 'gp3', iops, throughputMiBps },
      monthlySavingsUsd,
      performanceRisk: 0,
      confidence: 1,
      effort: 'low',
      restartRequired: false,
      reversible: true,
      evidence: {
        statistics: {
          sizeGiB: config.sizeGiB,
          gp2BaselineIops: gp2.baselineIops,
          gp2PeakIops: gp2.peakIops,
          gp2SustainedThroughputMiBps: gp2.sustainedThroughputMiBps,
          gp2BurstThroughputMiBps: gp2.burstThroughputMiBps,
          gp2MonthlyUsd: roundTo(currentUsd, 2),
          gp3MonthlyUsd: roundTo(proposedUsd, 2),
          gp3ExtraIops: iops - gp3.baselineIops,
          gp3ExtraThroughputMiBps: throughputMiBps - gp3.baselineThroughputMiBps,
          ...(observed
            ? { p99_5Iops: roundTo(observed.p995Iops), p99_5IopsUtilisationPercent: roundTo((observed.p995Iops / iops) * 100, 1), daysObserved: observed.daysObserved }
            : { ioMetrics: false }),
        },
        quantiles: observed?.quantiles ?? {},
        series: observed ? [excerpt('VolumeReadOps+VolumeWriteOps', 'IOPS', 'Count/Second', observed.timestamps, observed.iops)] : [],
        sources: observed ? ['ebs-config', 'cloudwatch', ...context.prices.sources] : ['ebs-config', ...context.prices.sources],
      },
      automation: { executor: 'ebs-gp2-to-gp3' },
      // Same size on the same medium: CCF's storage footprint is identical before and after (docs/carbon.md).
      carbonKgCo2eMonthly: 0,
    });
    return [withStableId(finding, { volumeType: 'gp3' })];
  },
};
