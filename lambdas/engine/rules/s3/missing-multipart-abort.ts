import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { bucketStorage, BYTES_PER_GB, wholeBucketRules } from './bucket-storage.js';

export const MISSING_MULTIPART_ABORT_RULE_ID = 's3/missing-multipart-abort';
/**
 * Days after initiation before S3 aborts an upload: 7, the value of the S3 User Guide's own example ("Configuring a
 * bucket lifecycle configuration to delete incomplete multipart uploads") and of AWS Trusted Advisor's check "Amazon
 * S3 Incomplete Multipart Upload Abort Configuration". An upload that legitimately runs longer is very rare.
 */
export const ABORT_AFTER_DAYS = 7;
/** Confidence that the rule frees storage: stale uploads seen = waste exists now; none seen = preventive only. */
const CONFIDENCE_STALE_SEEN = 0.9;
const CONFIDENCE_PREVENTIVE = 0.5;

/**
 * S3 bucket without a lifecycle rule that aborts incomplete multipart uploads → add one (AbortIncompleteMultipartUpload,
 * DaysAfterInitiation 7, whole bucket). The parts of an upload that was never completed or aborted are stored and
 * billed at the bucket's storage class indefinitely, yet are invisible in object listings. Trusted Advisor's check of
 * the same name flags exactly this configuration gap.
 *
 * Fires when the lifecycle configuration was read and no enabled rule covering the whole bucket (empty prefix, no tag
 * or size filter — S3 rejects AbortIncompleteMultipartUpload with tag filters anyway) sets AbortIncompleteMultipartUpload,
 * and the bucket holds data (BucketSizeBytes > 0) or has incomplete uploads older than 7 days (ListMultipartUploads).
 *
 * Savings: the bytes of incomplete uploads are inside BucketSizeBytes but not separable from it without S3 Storage
 * Lens, so no saving is claimed (0); the count of stale uploads is the evidence, and raises confidence to 0.9 (0.5
 * when none is seen: the rule is then preventive). Risk 0 (only uploads older than 7 days), effort low, reversible
 * (the rule can be removed; aborted parts are not recoverable, but no reader can use them).
 */
export const missingMultipartAbort: Rule = {
  id: MISSING_MULTIPART_ABORT_RULE_ID,
  domain: 'storage',
  resourceType: 's3:bucket',
  summary: 'Add a lifecycle rule that aborts incomplete multipart uploads after 7 days to an S3 bucket without one.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 's3:bucket');
    if (config.lifecycleRules === undefined) return [];
    if (wholeBucketRules(config).some((rule) => rule.abortIncompleteMultipartUploadDays !== undefined)) return [];
    const storage = bucketStorage(slice, context.now, context.lookbackDays);
    const stale = config.staleMultipartUploads ?? 0;
    if ((storage?.latestStandardBytes ?? 0) <= 0 && stale === 0) return [];

    return [
      buildFinding({
        ruleId: MISSING_MULTIPART_ABORT_RULE_ID,
        domain: 'storage',
        resource: slice.resource,
        current: { abortIncompleteMultipartUpload: null, lifecycleRules: config.lifecycleRules.length },
        proposed: { abortIncompleteMultipartUpload: { ruleId: 'headroom-abort-incomplete-multipart-uploads', daysAfterInitiation: ABORT_AFTER_DAYS } },
        monthlySavingsUsd: 0,
        performanceRisk: 0,
        confidence: stale > 0 ? CONFIDENCE_STALE_SEEN : CONFIDENCE_PREVENTIVE,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            ...(config.staleMultipartUploads === undefined ? { staleUploadsRead: false } : { staleMultipartUploads: stale }),
            ...(storage ? { standardStorageGb: roundTo(storage.latestStandardBytes / BYTES_PER_GB) } : {}),
            abortAfterDays: ABORT_AFTER_DAYS,
            savingsEstimated: false,
          },
          quantiles: {},
          series: storage ? [excerpt('BucketSizeBytes', 'Average', 'Bytes', storage.size.timestamps, storage.size.values)] : [],
          sources: ['s3-config', ...(storage ? ['cloudwatch'] : [])],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
