/**
 * Amazon DynamoDB prices for us-east-1 (US East, N. Virginia), USD, Standard table class, as published on
 * https://aws.amazon.com/dynamodb/pricing/ (checked 2026-11-29):
 * - provisioned capacity: $0.00065 per WCU-hour, $0.00013 per RCU-hour;
 * - on-demand: $0.625 per million write request units and $0.125 per million read request units, after the 50 % cut
 *   effective 2024-11-01 (AWS What's New "Amazon DynamoDB reduces prices for on-demand throughput and global tables",
 *   2024-11-14; previously $1.25 / $0.25);
 * - storage: $0.25 per GB-month beyond the first 25 GB free per account and region (the free tier is not deducted
 *   here: it is per account, not per table).
 */

export const DYNAMODB_WCU_HOUR_USD = 0.00065;
export const DYNAMODB_RCU_HOUR_USD = 0.00013;
export const DYNAMODB_WRITE_REQUEST_UNIT_USD = 0.625 / 1_000_000;
export const DYNAMODB_READ_REQUEST_UNIT_USD = 0.125 / 1_000_000;
export const DYNAMODB_STORAGE_GB_MONTH_USD = 0.25;
