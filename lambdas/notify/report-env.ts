import { z } from 'zod';
import { MAX_PRESIGN_SECONDS } from './report-link.js';

/**
 * Environment shared by the Slack and email notify functions for the full report:
 * - REPORT_BUCKET: optional private bucket the report is stored in; the message links a presigned URL to it.
 *   Ignored when REPORT_URL is set (that link wins).
 * - REPORT_LINK_TTL_SECONDS: optional lifetime of that link, 1–604800 (7 days, SigV4's maximum); default 604800.
 */
export const ReportEnvSchema = z.object({
  REPORT_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  REPORT_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(MAX_PRESIGN_SECONDS).optional(),
});

export interface ReportConfig {
  reportBucket?: string;
  reportLinkTtlSeconds: number;
}

export function reportConfigOf(parsed: z.infer<typeof ReportEnvSchema>): ReportConfig {
  return { reportBucket: parsed.REPORT_BUCKET, reportLinkTtlSeconds: parsed.REPORT_LINK_TTL_SECONDS ?? MAX_PRESIGN_SECONDS };
}
