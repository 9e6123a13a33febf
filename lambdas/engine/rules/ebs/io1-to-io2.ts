import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';
import { GP3_MAX_IOPS } from './io1-to-gp3.js';
import { observedIops } from './observed-iops.js';

const RULE_ID = 'ebs/io1-to-io2';

/**
 * io1 → io2 when gp3 cannot serve the volume: provisioned IOPS above gp3's 16,000 (ebs/io1-to-gp3 handles the rest;
 * io1's own ceiling is 64,000 IOPS and 1,000 MiB/s, gp3's throughput ceiling is also 1,000 MiB/s, so IOPS decide).
 * io2 (Block Express) keeps size and IOPS and costs the same per GB ($0.125) and per IOPS up to 32,000 ($0.065), then
 * less: $0.0455 from 32,001 to 64,000 (EBS pricing page, pricing/ebs-prices.ts), with 99.999 % durability against
 * io1's 99.8–99.9 % (an annual failure rate of 0.001 % instead of 0.1–0.2 %: 100× more durable) and sub-millisecond
 * latency.
 *
 *   savings = io1 monthly − io2 monthly = 0 up to 32,000 IOPS; (IOPS − 32,000) × (0.065 − 0.0455) above
 *
 * A zero-savings finding is kept on purpose: it is a durability and latency improvement at no cost (SPEC §5 allows 0).
 * Risk 0 (io2 matches or exceeds io1 on every dimension; ModifyVolume is online), effort low, reversible (io2 → io1
 * after the 6-hour modification cooldown). Observed IOPS (VolumeReadOps + VolumeWriteOps), when collected, are
 * evidence only and set confidence (data coverage); without them confidence is 1 (a pure configuration change).
 * No executor yet. Carbon 0: same size on the same SSD medium.
 */
export const io1ToIo2: Rule = {
  id: RULE_ID,
  domain: 'storage',
  resourceType: 'ebs:volume',
  summary: 'Convert an io1 volume above gp3 limits (> 16,000 IOPS) to io2: same or lower price, 100× durability.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ebs:volume');
    if (config.volumeType !== 'io1' || config.iops === undefined || config.iops <= GP3_MAX_IOPS) return [];
    if (config.state === 'deleting' || config.state === 'deleted' || config.state === 'error') return [];
    const currentUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops });
    const proposedUsd = context.prices.ebsVolumeMonthlyUsd({ volumeType: 'io2', sizeGiB: config.sizeGiB, iops: config.iops });
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd < 0) return [];
    const observed = observedIops(slice.series, context.now, context.lookbackDays);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { volumeType: 'io1', sizeGiB: config.sizeGiB, iops: config.iops },
        proposed: { volumeType: 'io2', iops: config.iops },
        monthlySavingsUsd,
        performanceRisk: 0,
        confidence: observed ? dataConfidence(observed.coverage, observed.daysObserved, context.lookbackDays) : 1,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            sizeGiB: config.sizeGiB,
            provisionedIops: config.iops,
            gp3MaxIops: GP3_MAX_IOPS,
            io1MonthlyUsd: roundTo(currentUsd, 2),
            io2MonthlyUsd: roundTo(proposedUsd, 2),
            io1DurabilityPercent: 99.9,
            io2DurabilityPercent: 99.999,
            ...(observed ? { observedP995Iops: roundTo(observed.p995Iops, 1), daysObserved: observed.daysObserved } : { iopsCollected: false }),
          },
          quantiles: observed?.quantiles ?? {},
          series: [],
          sources: ['ebs-config', ...(observed ? ['cloudwatch'] : []), ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
