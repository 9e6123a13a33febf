/**
 * S3, Kinesis, SQS and Step Functions prices for us-east-1 (US East, N. Virginia), USD, from the AWS pricing pages
 * (checked 2026-12-08); the Price List collector does not fetch these yet, so every region is priced as us-east-1.
 * - S3, https://aws.amazon.com/s3/pricing/: S3 Standard $0.023 per GB-month (first 50 TB); S3 Intelligent-Tiering
 *   Frequent Access $0.023, Infrequent Access (objects not accessed for 30 days) $0.0125, Archive Instant Access (90
 *   days) $0.004 per GB-month; monitoring and automation $0.0025 per 1,000 objects a month (objects of 128 KB and
 *   more; smaller objects are never tiered and not charged); lifecycle transition requests into Intelligent-Tiering
 *   $0.01 per 1,000.
 * - Kinesis Data Streams, https://aws.amazon.com/kinesis/data-streams/pricing/ (provisioned mode): $0.015 per
 *   shard-hour, PUT payload units (25 KB) $0.014 per million. A shard takes 1 MB/s or 1,000 records/s of writes
 *   (Kinesis Data Streams quotas and limits).
 * - SQS, https://aws.amazon.com/sqs/pricing/: standard queues $0.40 and FIFO queues $0.50 per million requests (each
 *   64 KB chunk of a payload is one request; an empty ReceiveMessage response is billed as a request too).
 * - Step Functions, https://aws.amazon.com/step-functions/pricing/: Standard $0.025 per 1,000 state transitions;
 *   Express $1.00 per million requests plus $0.00001667 per GB-second (first 1,000 GB-hours a month, 64 MB minimum
 *   memory, duration rounded up to 100 ms).
 */

export const S3_STANDARD_GB_MONTH_USD = 0.023;
export const S3_INTELLIGENT_TIERING_INFREQUENT_GB_MONTH_USD = 0.0125;
export const S3_INTELLIGENT_TIERING_MONITORING_PER_1000_OBJECTS_USD = 0.0025;
export const S3_LIFECYCLE_TRANSITION_TO_IT_PER_1000_USD = 0.01;
/** Intelligent-Tiering monitors and tiers only objects of at least 128 KB. */
export const S3_INTELLIGENT_TIERING_MIN_OBJECT_BYTES = 128 * 1024;

export const KINESIS_SHARD_HOUR_USD = 0.015;
/** Per-shard write limits. */
export const KINESIS_SHARD_WRITE_BYTES_PER_SEC = 1024 * 1024;
export const KINESIS_SHARD_WRITE_RECORDS_PER_SEC = 1000;

export const SQS_STANDARD_REQUEST_USD = 0.4 / 1e6;
export const SQS_FIFO_REQUEST_USD = 0.5 / 1e6;

export const SFN_STANDARD_TRANSITION_USD = 0.025 / 1000;
export const SFN_EXPRESS_REQUEST_USD = 1 / 1e6;
export const SFN_EXPRESS_GB_SECOND_USD = 0.00001667;
/** Express bills memory in 64 MB steps (minimum 64 MB) and duration in 100 ms steps. */
export const SFN_EXPRESS_MIN_MEMORY_GB = 64 / 1024;
export const SFN_EXPRESS_DURATION_STEP_MS = 100;

/** The storage and data-pipeline prices of a price book (bundled, us-east-1). */
export const STORAGE_DATA_PRICES = {
  s3: {
    standardGbMonthUsd: S3_STANDARD_GB_MONTH_USD,
    intelligentTieringInfrequentGbMonthUsd: S3_INTELLIGENT_TIERING_INFREQUENT_GB_MONTH_USD,
    intelligentTieringMonitoringPer1000ObjectsUsd: S3_INTELLIGENT_TIERING_MONITORING_PER_1000_OBJECTS_USD,
    transitionToIntelligentTieringPer1000Usd: S3_LIFECYCLE_TRANSITION_TO_IT_PER_1000_USD,
  },
  kinesis: { shardHourUsd: KINESIS_SHARD_HOUR_USD },
  sqs: { standardRequestUsd: SQS_STANDARD_REQUEST_USD, fifoRequestUsd: SQS_FIFO_REQUEST_USD },
  stepFunctions: {
    standardTransitionUsd: SFN_STANDARD_TRANSITION_USD,
    expressRequestUsd: SFN_EXPRESS_REQUEST_USD,
    expressGbSecondUsd: SFN_EXPRESS_GB_SECOND_USD,
  },
} as const;
export type StorageDataPrices = typeof STORAGE_DATA_PRICES;
