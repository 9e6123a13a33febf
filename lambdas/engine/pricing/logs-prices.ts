/**
 * Amazon CloudWatch Logs prices for us-east-1 (US East, N. Virginia), USD, Standard log class, as published on
 * https://aws.amazon.com/cloudwatch/pricing/ ("Logs" tab, checked 2026-11-29): $0.50 per GB ingested and $0.03 per
 * GB-month archived (stored, compressed as CloudWatch reports `storedBytes`). The first 5 GB a month of the free tier
 * are account-wide and not deducted here.
 */

export const LOGS_INGESTION_GB_USD = 0.5;
export const LOGS_STORAGE_GB_MONTH_USD = 0.03;
