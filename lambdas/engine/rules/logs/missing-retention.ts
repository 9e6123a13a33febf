import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { DEFAULT_REPLICATION_FACTOR } from '../../carbon/ccf-coefficients.js';

export const MISSING_RETENTION_RULE_ID = 'logs/missing-retention';
/**
 * Proposed retention: 30 days — long enough to investigate an incident after a monthly review, short enough that a
 * never-expiring group stops growing. Groups under a longer legal or audit requirement should set that instead.
 */
export const PROPOSED_RETENTION_DAYS = 30;
const BYTES_PER_GB = 1024 ** 3;
/** Confidence when the ingestion rate is unknown (the estimate then claims nothing). */
const CONFIDENCE_WITHOUT_INGESTION = 0.3;

/**
 * CloudWatch log group without retention ("Never expire") holding data (storedBytes > 0) → retention 30 days.
 *
 * Savings are an ESTIMATE of the storage no longer kept. With the group's IncomingBytes (AWS/Logs, Sum) in the
 * lookback, daily ingestion I = Σ IncomingBytes ÷ days spanned, and after 30 days the group keeps about 30 × I:
 *
 *   kept    = min(storedBytes, 30 × I)
 *   savings = (storedBytes − kept) / 2³⁰ × $/GB-month (logs.storageGbMonthUsd)
 *
 * IncomingBytes is uncompressed while storedBytes is compressed, so `kept` is over-estimated and the saving
 * under-estimated (conservative). Without IncomingBytes the group's age is unknown (the snapshot does not carry its
 * creation time), so no saving is claimed (0, confidence 0.3) — the action still stops unbounded growth.
 * Performance risk 1: data older than 30 days is deleted for good (check compliance and audit needs first), hence
 * reversible = false. Effort low, executor 'log-retention'. Carbon: the freed GB as HDD storage, once (CCF lists no
 * replication factor for CloudWatch Logs: its default of 1), at the region's grid factor (carbon/estimate.ts).
 */
export const missingRetention: Rule = {
  id: MISSING_RETENTION_RULE_ID,
  domain: 'data',
  resourceType: 'logs:log-group',
  summary: 'Set 30-day retention on a CloudWatch log group that never expires its data.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'logs:log-group');
    if (config.retentionDays !== undefined || config.storedBytes <= 0) return [];
    const incomingSeries = findSeries(slice.series, 'IncomingBytes', ['Sum']);
    const incoming = incomingSeries && windowSeries(incomingSeries, context.now, context.lookbackDays);
    const known = incoming !== undefined && incoming.values.length > 0;

    let keptBytes = config.storedBytes;
    let dailyIngestionBytes: number | undefined;
    if (known) {
      const spanDays = Math.max(1 / 24, (context.now - incoming.timestamps[0]) / MS_PER_DAY + incoming.series.periodSec / 86_400);
      dailyIngestionBytes = incoming.values.reduce((a, b) => a + b, 0) / Math.min(spanDays, context.lookbackDays);
      keptBytes = Math.min(config.storedBytes, PROPOSED_RETENTION_DAYS * dailyIngestionBytes);
    }
    const freedGb = (config.storedBytes - keptBytes) / BYTES_PER_GB;

    return [
      buildFinding({
        ruleId: MISSING_RETENTION_RULE_ID,
        domain: 'data',
        resource: slice.resource,
        current: { retentionDays: null, storedBytes: config.storedBytes },
        proposed: { retentionDays: PROPOSED_RETENTION_DAYS },
        monthlySavingsUsd: freedGb * context.prices.logs.storageGbMonthUsd,
        performanceRisk: 1,
        confidence: known ? dataConfidence(1, incoming.daysObserved, context.lookbackDays) : CONFIDENCE_WITHOUT_INGESTION,
        effort: 'low',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: {
            storedGb: roundTo(config.storedBytes / BYTES_PER_GB),
            savingsEstimated: known,
            ...(dailyIngestionBytes === undefined ? {} : { dailyIngestionGb: roundTo(dailyIngestionBytes / BYTES_PER_GB, 4) }),
            estimatedKeptGb: roundTo(keptBytes / BYTES_PER_GB),
            estimatedFreedGb: roundTo(freedGb),
            storageGbMonthUsd: context.prices.logs.storageGbMonthUsd,
            proposedRetentionDays: PROPOSED_RETENTION_DAYS,
            compliance: 'data older than the retention is deleted permanently: confirm no audit or legal hold applies',
          },
          quantiles: {},
          series: known ? [excerpt('IncomingBytes', 'Sum', incoming.series.unit ?? 'Bytes', incoming.timestamps, incoming.values, 'mean')] : [],
          sources: ['cloudwatch-logs', ...(known ? ['cloudwatch'] : []), ...context.prices.sources],
        },
        automation: { executor: 'log-retention' },
        carbonKgCo2eMonthly: storageKgCo2ePerMonth(slice.resource.region, freedGb, 'hdd', DEFAULT_REPLICATION_FACTOR),
      }),
    ];
  },
};
