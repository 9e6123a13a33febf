import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { dataConfidence } from '../support/confidence.js';
import { riskFromProjectedUtilisation } from '../support/performance-risk.js';
import { excerpt } from '../support/downsample.js';
import { roundTo } from '../support/money.js';
import { gp2Performance } from './gp2-performance.js';
import { observedIops } from './observed-iops.js';
import { withStableId } from '../../prioritise/stable-id.js';

const RULE_ID = 'ebs/gp2-to-gp3';
/** gp3's 125 MiB/s baseline counts as matching gp2's sustained 128 MiB/s (within 3 %). */
const THROUGHPUT_TOLERANCE = 1.03;

/**
 * gp2 → gp3. gp3 storage is 20 % cheaper per GB ($0.08 vs $0.10 in us-east-1) and includes 3,000 IOPS and
 * 125 MiB/s whatever the size. To lose nothing, the proposed gp3 volume gets
 *   iops       = max(3,000, gp2 peak IOPS)          (gp2 peak = max(baseline 3/GiB, burst 3,000))
 *                or, when VolumeReadOps/VolumeWriteOps are collected,
 *                max(3,000, min(gp2 peak, ⌈p99.5 observed IOPS × (1 + headroom)⌉))
 *   throughput = 125 MiB/s below 334 GiB (gp2's sustained 128 MiB/s, within 3 % — Compute Optimizer makes the same
 *                call), 250 MiB/s from 334 GiB (bytes metrics are not collected, so gp2's full rate is kept)
 * and savings = gp2 monthly cost − gp3 monthly cost (storage + IOPS above 3,000 × $0.005 + MiB/s above 125 × $0.04).
 * The change is online (ModifyVolume, no detach), no restart. Performance risk is 0 when gp3 keeps everything gp2
 * delivered; 1 when a 170–334 GiB volume loses its credit-based 250 MiB/s burst; and, when fewer IOPS than gp2's peak
 * are provisioned from observed I/O, the projected p99.5 IOPS utilisation's risk. Confidence 1 from configuration
 * alone, data coverage when I/O metrics decided the IOPS. The id names the kind of change only (`{ volumeType: 'gp3' }`):
 * the proposed IOPS follow the measured p99.5 and move between runs.
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
    const observed = observedIops(slice.series, context.now, context.lookbackDays);
    const baselineIops = context.prices.gp3.baselineIops;
    const iops = observed
      ? Math.max(baselineIops, Math.min(gp2.peakIops, Math.ceil(observed.p995Iops * (1 + context.headroomPercent / 100))))
      : Math.max(baselineIops, gp2.peakIops);
    const throughputMiBps =
      gp2.sustainedThroughputMiBps > THROUGHPUT_TOLERANCE * context.prices.gp3.baselineThroughputMiBps
        ? gp2.sustainedThroughputMiBps
        : context.prices.gp3.baselineThroughputMiBps;
    const iopsRisk = iops >= gp2.peakIops || !observed ? 0 : riskFromProjectedUtilisation((observed.p995Iops / iops) * 100);
    const throughputRisk = throughputMiBps * THROUGHPUT_TOLERANCE < gp2.burstThroughputMiBps ? 1 : 0;
    const currentUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp2', sizeGiB: config.sizeGiB });
    const proposedUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB: config.sizeGiB, iops, throughputMiBps });
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd <= 0) return [];
    const finding = buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { volumeType: 'gp2', sizeGiB: config.sizeGiB, iops: gp2.baselineIops, throughputMiBps: gp2.sustainedThroughputMiBps },
        proposed: { volumeType: 'gp3', iops, throughputMiBps },
        monthlySavingsUsd,
        performanceRisk: Math.max(iopsRisk, throughputRisk),
        confidence: observed && iops < gp2.peakIops ? dataConfidence(observed.coverage, observed.daysObserved, context.lookbackDays) : 1,
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
            gp2MonthlyUsd: Math.round(currentUsd * 100) / 100,
            gp3MonthlyUsd: Math.round(proposedUsd * 100) / 100,
            gp3ExtraIops: iops - context.prices.gp3.baselineIops,
            gp3ExtraThroughputMiBps: throughputMiBps - context.prices.gp3.baselineThroughputMiBps,
            ...(observed ? { p99_5Iops: roundTo(observed.p995Iops), daysObserved: observed.daysObserved } : { ioMetrics: false }),
          },
          quantiles: observed?.quantiles ?? {},
          series: observed ? [excerpt('VolumeReadOps+VolumeWriteOps', 'IOPS', 'Count/Second', observed.timestamps, observed.iops)] : [],
          sources: observed ? ['ebs-config', 'cloudwatch', ...context.prices.sources] : ['ebs-config', ...context.prices.sources],
        },
        automation: { executor: 'ebs-gp2-to-gp3' },
        carbonKgCo2eMonthly: 0,
      });
    return [withStableId(finding, { volumeType: 'gp3' })];
  },
};
