import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { bucketStorage, BYTES_PER_GB, wholeBucketRules } from './bucket-storage.js';

export const NONCURRENT_VERSIONS_RULE_ID = 's3/noncurrent-versions';
/**
 * Noncurrent versions are kept 30 days: a month to notice and undo an overwrite or a delete, the window the S3 User
 * Guide's lifecycle examples use for noncurrent versions. Buckets under a longer retention requirement should set it.
 */
export const NONCURRENT_DAYS = 30;
/** The noncurrent share of the bucket is not measurable from CloudWatch: the finding is a strong hint, not a measurement. */
const CONFIDENCE = 0.5;

/**
 * Versioned S3 bucket (versioning Enabled or Suspended) whose lifecycle configuration neither expires nor transitions
 * noncurrent versions → expire them 30 days after they become noncurrent. Every overwrite and delete of a versioned
 * bucket keeps the old version, billed like a current object, forever; AWS Trusted Advisor and the S3 cost
 * optimization guidance name a missing NoncurrentVersionExpiration as a top source of unexpected S3 growth.
 *
 * Fires when versioning and the lifecycle configuration were read, no enabled whole-bucket rule sets
 * NoncurrentVersionExpiration or a NoncurrentVersionTransition, and the bucket holds data (BucketSizeBytes > 0).
 *
 * Savings: BucketSizeBytes counts current and noncurrent versions together (the S3 metrics reference), so the noncurrent
 * share — and so the saving — is not known without S3 Storage Lens: none is claimed (0), confidence 0.5. Risk 1: old
 * versions past 30 days can no longer be restored, hence not reversible; effort low.
 */
export const noncurrentVersions: Rule = {
  id: NONCURRENT_VERSIONS_RULE_ID,
  domain: 'storage',
  resourceType: 's3:bucket',
  summary: 'Expire noncurrent object versions after 30 days in a versioned S3 bucket that keeps them forever.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 's3:bucket');
    if (config.lifecycleRules === undefined || (config.versioning !== 'Enabled' && config.versioning !== 'Suspended')) return [];
    if (wholeBucketRules(config).some((rule) => rule.noncurrentVersionExpirationDays !== undefined || rule.noncurrentVersionTransition)) return [];
    const storage = bucketStorage(slice, context.now, context.lookbackDays);
    if (storage === undefined || storage.latestStandardBytes <= 0) return [];

    return [
      buildFinding({
        ruleId: NONCURRENT_VERSIONS_RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { versioning: config.versioning, noncurrentVersionExpiration: null },
        proposed: { noncurrentVersionExpiration: { ruleId: 'headroom-expire-noncurrent-versions', noncurrentDays: NONCURRENT_DAYS } },
        monthlySavingsUsd: 0,
        performanceRisk: 1,
        confidence: CONFIDENCE,
        effort: 'low',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: {
            versioning: config.versioning,
            standardStorageGb: roundTo(storage.latestStandardBytes / BYTES_PER_GB),
            ...(storage.latestObjects === undefined ? {} : { objectsAndVersions: Math.round(storage.latestObjects) }),
            noncurrentDays: NONCURRENT_DAYS,
            savingsEstimated: false,
            recovery: 'versions noncurrent for more than 30 days are deleted permanently: confirm no retention requirement applies',
          },
          quantiles: {},
          series: [excerpt('BucketSizeBytes', 'Average', 'Bytes', storage.size.timestamps, storage.size.values)],
          sources: ['s3-config', 'cloudwatch'],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
