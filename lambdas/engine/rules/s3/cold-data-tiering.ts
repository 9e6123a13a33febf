import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { S3_INTELLIGENT_TIERING_MIN_OBJECT_BYTES } from '../../pricing/storage-data-prices.js';
import { bucketStorage, BYTES_PER_GB } from './bucket-storage.js';

export const COLD_DATA_TIERING_RULE_ID = 's3/cold-data-tiering';
/** Intelligent-Tiering moves an object to Infrequent Access after 30 days without access. */
const COLD_AFTER_DAYS = 30;
/** Below 100 GB in S3 Standard the best case (100 × $0.0105) is about $1 a month: not worth a review. */
const MIN_STANDARD_GB = 100;
/** Findings below $1 a month after the monitoring fee are noise. */
const MIN_MONTHLY_SAVINGS_USD = 1;
/** Without request metrics the cold share is inferred from growth alone: a heuristic, flagged by lower confidence. */
const CONFIDENCE_AGE_HEURISTIC = 0.4;
/** Daily storage metrics: a week of them at least to measure growth. */
const MIN_DAYS_OBSERVED = 7;

/**
 * S3 bucket holding ≥ 100 GB in S3 Standard with no lifecycle transition → transition current objects to S3
 * Intelligent-Tiering (lifecycle Transition, Days 0), which moves objects not read for 30 days to its Infrequent
 * Access tier (and back on access, with no retrieval fee). Skipped when any enabled lifecycle rule already
 * transitions current versions (the owner manages tiering), when the average object (BucketSizeBytes ÷
 * NumberOfObjects) is under 128 KB (Intelligent-Tiering never tiers such objects), or when the bucket is younger than
 * 30 days.
 *
 * Cold share c — the part of the Standard bytes not read in 30 days:
 * - with request metrics on the whole bucket (a metrics configuration without filter: AWS/S3 BytesDownloaded, Sum):
 *   c = 1 − min(1, downloaded bytes in the lookback × 30 / lookback days ÷ Standard bytes). Reads of the same object
 *   count more than once, so c is under-estimated (conservative). Confidence = data confidence of BytesDownloaded;
 * - otherwise, an age heuristic from the daily BucketSizeBytes: growth g = (last − first) ÷ days between them (≥ 0);
 *   c = max(0, S − 30 × g) ÷ S — everything written more than 30 days ago is assumed cold, as in an append-mostly
 *   bucket (logs, exports, backups). Confidence 0.4 × data confidence: a heuristic, not a measurement.
 *
 *   savings = c × S_GB × ($0.023 − $0.0125) − objects ÷ 1,000 × $0.0025 (Intelligent-Tiering monitoring)
 *
 * with objects = NumberOfObjects (all versions: the monitoring fee is over-estimated, conservative). The one-off
 * transition requests (objects ÷ 1,000 × $0.01) are reported with their payback. Fires above $1 a month. Risk 1 (a
 * later read is served from the Infrequent tier at the same latency; archive tiers stay off), effort low, reversible
 * (remove the rule; objects in the Frequent tier cost what Standard does).
 */
export const coldDataTiering: Rule = {
  id: COLD_DATA_TIERING_RULE_ID,
  domain: 'storage',
  resourceType: 's3:bucket',
  summary: 'Transition an S3 bucket with ≥ 100 GB of mostly cold Standard data to Intelligent-Tiering (request metrics, else an age heuristic).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 's3:bucket');
    if (config.lifecycleRules === undefined) return [];
    if (config.lifecycleRules.some((rule) => rule.enabled && rule.transitions.length > 0)) return [];
    if (config.creationDate !== undefined && Date.parse(config.creationDate) > context.now - COLD_AFTER_DAYS * MS_PER_DAY) return [];
    const storage = bucketStorage(slice, context.now, context.lookbackDays);
    if (storage === undefined || storage.latestObjects === undefined || storage.latestObjects <= 0) return [];
    const standardBytes = storage.latestStandardBytes;
    const standardGb = standardBytes / BYTES_PER_GB;
    if (standardGb < MIN_STANDARD_GB) return [];
    const averageObjectBytes = standardBytes / storage.latestObjects;
    if (averageObjectBytes < S3_INTELLIGENT_TIERING_MIN_OBJECT_BYTES) return [];

    const downloadedSeries = findSeries(slice.series, 'BytesDownloaded', ['Sum']);
    const downloaded = downloadedSeries && windowSeries(downloadedSeries, context.now, context.lookbackDays);
    let coldShare: number;
    let confidence: number;
    let method: 'request-metrics' | 'age-heuristic';
    let statistics: Record<string, number>;
    if (downloaded !== undefined && downloaded.daysObserved >= MIN_DAYS_OBSERVED) {
      const downloadedBytes = downloaded.values.reduce((a, b) => a + b, 0);
      const monthlyRead = (downloadedBytes * COLD_AFTER_DAYS) / context.lookbackDays;
      coldShare = 1 - Math.min(1, monthlyRead / standardBytes);
      confidence = dataConfidence(downloaded.coverage, downloaded.daysObserved, context.lookbackDays);
      method = 'request-metrics';
      statistics = { downloadedGbPer30Days: roundTo(monthlyRead / BYTES_PER_GB) };
    } else {
      const { timestamps, values } = storage.size;
      if (storage.size.daysObserved < MIN_DAYS_OBSERVED) return [];
      const spanDays = (timestamps[timestamps.length - 1] - timestamps[0]) / MS_PER_DAY;
      const growthPerDay = Math.max(0, (values[values.length - 1] - values[0]) / spanDays);
      coldShare = Math.max(0, standardBytes - COLD_AFTER_DAYS * growthPerDay) / standardBytes;
      // Daily metrics: coverage is days seen over days in the lookback.
      confidence = CONFIDENCE_AGE_HEURISTIC * Math.min(1, storage.size.daysObserved / context.lookbackDays);
      method = 'age-heuristic';
      statistics = { growthGbPerDay: roundTo(growthPerDay / BYTES_PER_GB, 3) };
    }

    const prices = context.prices.storageData.s3;
    const coldGb = coldShare * standardGb;
    const monitoringUsd = (storage.latestObjects / 1000) * prices.intelligentTieringMonitoringPer1000ObjectsUsd;
    const savings = coldGb * (prices.standardGbMonthUsd - prices.intelligentTieringInfrequentGbMonthUsd) - monitoringUsd;
    if (savings < MIN_MONTHLY_SAVINGS_USD) return [];
    const transitionUsd = (storage.latestObjects / 1000) * prices.transitionToIntelligentTieringPer1000Usd;

    return [
      buildFinding({
        ruleId: COLD_DATA_TIERING_RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { storageClass: 'STANDARD', lifecycleTransitions: 0 },
        proposed: { transition: { ruleId: 'headroom-intelligent-tiering', days: 0, storageClass: 'INTELLIGENT_TIERING' } },
        monthlySavingsUsd: savings,
        performanceRisk: 1,
        confidence: roundTo(confidence, 2),
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            method,
            standardStorageGb: roundTo(standardGb),
            objects: Math.round(storage.latestObjects),
            averageObjectKb: roundTo(averageObjectBytes / 1024),
            coldShare: roundTo(coldShare, 3),
            coldGb: roundTo(coldGb),
            ...statistics,
            monitoringMonthlyUsd: roundTo(monitoringUsd, 2),
            oneOffTransitionUsd: roundTo(transitionUsd, 2),
            paybackMonths: roundTo(transitionUsd / savings, 2),
          },
          quantiles: {},
          series: [
            excerpt('BucketSizeBytes', 'Average', 'Bytes', storage.size.timestamps, storage.size.values),
            ...(downloaded && method === 'request-metrics' ? [excerpt('BytesDownloaded', 'Sum', 'Bytes', downloaded.timestamps, downloaded.values, 'mean')] : []),
          ],
          sources: ['s3-config', 'cloudwatch', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
