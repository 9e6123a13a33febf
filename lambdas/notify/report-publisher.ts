import { S3Client } from '@aws-sdk/client-s3';
import type { RunForNotify } from './load-run.js';
import { reportUrlFor } from './load-run.js';
import type { ReportConfig } from './report-env.js';
import { publishReport } from './report-link.js';

/**
 * How a notify function links the full report: a REPORT_URL template when configured, otherwise the report
 * stored in REPORT_BUCKET behind a presigned URL, otherwise no link.
 */
export function reportLinkOptions(
  config: ReportConfig & { reportUrlTemplate?: string },
  runId: string,
  s3: () => S3Client,
): { reportUrl?: string; publishReport?: (loaded: RunForNotify) => Promise<string> } {
  const reportUrl = reportUrlFor(config.reportUrlTemplate, runId);
  if (reportUrl !== undefined) return { reportUrl };
  const bucket = config.reportBucket;
  if (bucket === undefined) return {};
  return { publishReport: (loaded) => publishReport(s3(), loaded, { bucket, expiresInSeconds: config.reportLinkTtlSeconds }) };
}

let client: S3Client | undefined;

/** One S3 client per container, created on first use. */
export function sharedS3Client(): S3Client {
  client ??= new S3Client({});
  return client;
}
