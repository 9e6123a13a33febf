import { z } from 'zod';
import { parseEnv } from '../../shared/env.js';
import { NotifyConfigError } from '../errors.js';
import { commaList } from '../env-list.js';
import { ReportEnvSchema, reportConfigOf, type ReportConfig } from '../report-env.js';
import { looksLikeEmail } from './send-email.js';

/**
 * Environment of the email notify function.
 * - TABLE_NAME, SENDER_EMAIL (an SES-verified identity), RECIPIENT_EMAILS (comma list): required, except that
 *   both empty means email is disabled (see isEmailDisabled).
 * - REPORT_URL: optional link to the full report; `{runId}` in it is replaced by the run id.
 * - OWNER_EMAIL_TAG: optional resource tag holding an owner's email for per-owner digests; default "owner".
 * - DIGEST_TOP_N: optional number of actions listed; default 10.
 * - REPORT_BUCKET, REPORT_LINK_TTL_SECONDS: see report-env.ts.
 */
const EmailEnvSchema = ReportEnvSchema.extend({
  TABLE_NAME: z.string().min(1),
  SENDER_EMAIL: z.string().refine(looksLikeEmail, 'must be an email address'),
  RECIPIENT_EMAILS: z.string().min(1),
  REPORT_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OWNER_EMAIL_TAG: z.string().min(1).optional(),
  DIGEST_TOP_N: z.coerce.number().int().min(1).max(200).optional(),
});

export interface EmailNotifyConfig extends ReportConfig {
  tableName: string;
  sender: string;
  recipients: string[];
  reportUrlTemplate?: string;
  ownerTagKey: string;
  topN?: number;
}

/**
 * Email is optional: the stack sets SENDER_EMAIL and RECIPIENT_EMAILS to empty strings when it is not
 * configured, and the handler then reports delivery as disabled instead of failing. One set without the other
 * is a configuration error (readEmailConfig names it).
 */
export function isEmailDisabled(env: Record<string, string | undefined> = process.env): boolean {
  return (env.SENDER_EMAIL ?? '').trim() === '' && (env.RECIPIENT_EMAILS ?? '').trim() === '';
}

/** Reads and validates the email notify environment, naming the first bad variable. */
export function readEmailConfig(env: Record<string, string | undefined> = process.env): EmailNotifyConfig {
  const parsed = parseEnv(EmailEnvSchema, env, (message) => new NotifyConfigError(message));
  const recipients = commaList(parsed.RECIPIENT_EMAILS);
  const bad = recipients.find((address) => !looksLikeEmail(address));
  if (bad !== undefined) throw new NotifyConfigError(`environment variable RECIPIENT_EMAILS has an entry that is not an email address: ${bad}`);
  if (recipients.length === 0) throw new NotifyConfigError('environment variable RECIPIENT_EMAILS must list at least one address');
  return {
    tableName: parsed.TABLE_NAME,
    sender: parsed.SENDER_EMAIL,
    recipients,
    reportUrlTemplate: parsed.REPORT_URL,
    ownerTagKey: parsed.OWNER_EMAIL_TAG ?? 'owner',
    topN: parsed.DIGEST_TOP_N,
    ...reportConfigOf(parsed),
  };
}
