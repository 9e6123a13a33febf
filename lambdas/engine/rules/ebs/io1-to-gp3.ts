import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { gp3SizeForIops, gp3ThroughputFor } from './gp3-limits.js';
import { io1MaxThroughputMiBps } from './io1-performance.js';

const RULE_ID = 'ebs/io1-to-gp3';

/**
 * io1 → gp3. io1 bills $0.125/GB-month + $0.065 per IOPS-month; gp3 bills $0.08/GB-month and only IOPS above 3,000
 * at $0.005 and MiB/s above 125 at $0.04. gp3 now serves 80,000 IOPS and 2,000 MiB/s (gp3-limits.ts), more than io1's
 * own ceiling of 64,000 IOPS and 1,000 MiB/s, so every io1 volume fits by IOPS; the proposed gp3 volume keeps the IOPS
 * and gets
 *   throughput = max(125, min(io1's throughput at those IOPS, 0.25 × IOPS, 2,000))    (io1-performance.ts)
 *   size       = the current size, or ⌈IOPS ÷ 500⌉ when the IOPS exceed gp3's 500 IOPS per GiB
 * Savings = io1 monthly − gp3 monthly at the proposed size; no finding when that is ≤ 0 or gp3 cannot carry the IOPS.
 * (io1's own 50 IOPS per GiB limit keeps real volumes inside gp3's ratio; the size increase guards snapshots that
 * say otherwise.) Risk 1 (low): io1 promises single-digit-millisecond latency more consistently than gp3. io2 is left
 * alone (its 99.999 % durability is usually the reason it was chosen). Reversible unless the size grows (EBS volumes
 * cannot shrink). No executor yet: applied by a person (ModifyVolume, online). Carbon: CCF counts io1 and gp3 alike (SSD),
 * so the change saves the footprint of the size difference: 0, or a negative figure when gp3 needs a larger volume.
 */
export const io1ToGp3: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Convert an io1 volume to gp3 with the same IOPS and throughput (gp3 serves up to 80,000 IOPS and 2,000 MiB/s).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:volume');
    if (config.volumeType !== 'io1' || config.iops === undefined) return [];
    if (config.state === 'deleting' || config.state === 'deleted' || config.state === 'error') return [];
    const iops = Math.max(context.prices.gp3.baselineIops, config.iops);
    const sizeGiB = gp3SizeForIops(iops, config.sizeGiB, context.prices.gp3.baselineIops);
    if (sizeGiB === undefined) return [];
    const throughputMiBps = gp3ThroughputFor(iops, io1MaxThroughputMiBps(config.iops), context.prices.gp3.baselineThroughputMiBps);
    const currentUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops });
    const proposedUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB, iops, throughputMiBps });
    const grows = sizeGiB > config.sizeGiB;
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd <= 0) return [];
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops },
        proposed: { volumeType: 'gp3', iops, throughputMiBps, ...(grows ? { sizeGiB } : {}) },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: 1,
        effort: 'low',
        restartRequired: false,
        reversible: !grows,
        evidence: {
          statistics: {
            sizeGiB: config.sizeGiB,
            provisionedIops: config.iops,
            io1MaxThroughputMiBps: io1MaxThroughputMiBps(config.iops),
            ...(grows ? { gp3SizeGiB: sizeGiB } : {}),
            io1MonthlyUsd: roundTo(currentUsd, 2),
            gp3MonthlyUsd: roundTo(proposedUsd, 2),
          },
          quantiles: {},
          series: [],
          sources: ['ebs-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly:
          storageKgCo2ePerMonth(slice.resource.region, config.sizeGiB, 'ssd') - storageKgCo2ePerMonth(slice.resource.region, sizeGiB, 'ssd'),
      }),
    ];
  },
};
