import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

const RULE_ID = 'ebs/io1-to-gp3';
/** gp3 limits (Amazon EBS User Guide): 16,000 IOPS and 1,000 MiB/s per volume, at most 0.25 MiB/s per IOPS. */
export const GP3_MAX_IOPS = 16_000;
const GP3_MAX_THROUGHPUT_MIBPS = 1000;
const GP3_MIBPS_PER_IOPS = 0.25;
/** io1 delivers up to 500 MiB/s below 32,000 IOPS (256 KiB I/O). */
const IO1_MAX_THROUGHPUT_MIBPS = 500;

/**
 * io1 → gp3 when the provisioned IOPS fit gp3 (≤ 16,000). io1 bills $0.125/GB-month + $0.065 per IOPS-month; gp3 bills
 * $0.08/GB-month and only IOPS above 3,000 at $0.005. The proposed gp3 volume keeps the IOPS and gets
 *   throughput = max(125, min(io1's 500 MiB/s, IOPS × 0.25, 1,000))
 * (io1's throughput at 256 KiB I/O, within gp3's per-IOPS ratio). Savings = io1 monthly − gp3 monthly.
 * Risk 1 (low): io1 promises single-digit-millisecond latency more consistently than gp3. io2 is left alone (its
 * 99.999 % durability is usually the reason it was chosen); io1 above 16,000 IOPS gets io2 from ebs/io1-to-io2.
 * No executor yet: applied by a person (ModifyVolume, online).
 */
export const io1ToGp3: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Convert an io1 volume whose provisioned IOPS fit gp3 (≤ 16,000) to gp3 with the same IOPS.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:volume');
    if (config.volumeType !== 'io1' || config.iops === undefined || config.iops > GP3_MAX_IOPS) return [];
    if (config.state === 'deleting' || config.state === 'deleted' || config.state === 'error') return [];
    const iops = Math.max(context.prices.gp3.baselineIops, config.iops);
    const throughputMiBps = Math.max(
      context.prices.gp3.baselineThroughputMiBps,
      Math.min(IO1_MAX_THROUGHPUT_MIBPS, iops * GP3_MIBPS_PER_IOPS, GP3_MAX_THROUGHPUT_MIBPS),
    );
    const currentUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops });
    const proposedUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'gp3', sizeGiB: config.sizeGiB, iops, throughputMiBps });
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd <= 0) return [];
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops },
        proposed: { volumeType: 'gp3', iops, throughputMiBps },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: 1,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            sizeGiB: config.sizeGiB,
            provisionedIops: config.iops,
            io1MonthlyUsd: roundTo(currentUsd, 2),
            gp3MonthlyUsd: roundTo(proposedUsd, 2),
          },
          quantiles: {},
          series: [],
          sources: ['ebs-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
