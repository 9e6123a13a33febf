import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { buildReportHtml } from './format/report-html.js';
import type { RunForNotify } from './load-run.js';

/**
 * The full report of a run, stored in the private report bucket and linked with a presigned GET URL.
 *
 * The bucket blocks public access, so the presigned URL is the only way in: whoever holds the link can read the
 * report until it expires, nobody else. A presigned URL is valid for min(expiresIn, the remaining life of the
 * credentials that signed it); the notify functions sign with their role's temporary credentials, so a link can
 * stop working before `expiresIn` (SigV4 caps `expiresIn` itself at 7 days).
 */

/** SigV4's upper bound on a presigned URL's lifetime. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Object key of a run's report; run ids are sanitised so a key never has a `/` or `..` of its own. */
export function reportKey(runId: string): string {
  return `reports/${runId.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

export interface ReportLinkOptions {
  bucket: string;
  /** Lifetime of the link in seconds, 1 … MAX_PRESIGN_SECONDS. */
  expiresInSeconds: number;
  /** When the report was generated (ISO 8601); injectable for tests. */
  now?: () => Date;
}

/**
 * Renders the run's report, puts it in the bucket and returns a presigned GET URL. The Slack and email functions
 * run in parallel and both call this: the key is per run, so the second put overwrites the first with the same
 * content and both links read the same object.
 */
export async function publishReport(s3: S3Client, loaded: RunForNotify, options: ReportLinkOptions): Promise<string> {
  if (!Number.isInteger(options.expiresInSeconds) || options.expiresInSeconds < 1 || options.expiresInSeconds > MAX_PRESIGN_SECONDS) {
    throw new RangeError(`report link lifetime must be 1–${MAX_PRESIGN_SECONDS} seconds, got ${options.expiresInSeconds}`);
  }
  const generatedAt = (options.now ?? (() => new Date()))().toISOString();
  const html = buildReportHtml({ run: loaded.run, actions: loaded.actions, forecasts: loaded.forecasts, anomalies: loaded.anomalies, realised: loaded.realised, generatedAt });
  const key = reportKey(loaded.run.runId);
  await s3.send(
    new PutObjectCommand({
      Bucket: options.bucket,
      Key: key,
      Body: html,
      ContentType: 'text/html; charset=utf-8',
      // The link is a bearer credential: keep shared caches and proxies from storing the page.
      CacheControl: 'private, no-store',
    }),
  );
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: options.bucket, Key: key }), { expiresIn: options.expiresInSeconds });
}
