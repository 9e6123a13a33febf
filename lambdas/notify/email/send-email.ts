import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Action } from '../../engine/types/action.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { buildDigest } from '../format/digest.js';
import { buildEmail, type EmailContent } from '../format/email.js';
import { loadRunForNotify, type RunForNotify } from '../load-run.js';

/** SES v2 accepts at most 50 recipients per message. */
export const SES_MAX_RECIPIENTS = 50;

/** Deliberately simple: one @, no spaces, a dot in the domain. SES does the real validation. */
const EMAIL_PATTERN = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

export interface EmailDigestOptions {
  sender: string;
  /** Get the full digest. */
  recipients: string[];
  reportUrl?: string;
  /** Publishes the full report and returns its link (see report-link.ts); used when `reportUrl` is not given. */
  publishReport?: (loaded: RunForNotify) => Promise<string>;
  topN?: number;
  /** Resource tag holding an owner's email address; owners get a digest of their own actions. Default 'owner'. */
  ownerTagKey?: string;
  now?: Date;
}

export interface OutgoingEmail {
  to: string[];
  /** Set for a per-owner digest. */
  owner?: string;
  content: EmailContent;
}

export interface EmailDigestResult {
  sent: number;
  messageIds: string[];
  recipients: string[];
  settled: number;
  /** Per-owner digests SES refused; the full digest never lands here (its failure fails the task). */
  failed: { to: string; error: string }[];
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * Per-owner routing: an action whose `resource.tags[ownerTagKey]` looks like an email address is also sent
 * to that address, in a digest of that owner's actions only. Owners already on the full recipient list get no
 * second copy. Owners come out in order of their first (highest-ranked) action.
 */
export function routeByOwnerEmail(actions: Action[], ownerTagKey: string, recipients: string[]): Map<string, Action[]> {
  const already = new Set(recipients.map((address) => address.toLowerCase()));
  const byOwner = new Map<string, Action[]>();
  for (const action of actions) {
    const owner = action.resource.tags[ownerTagKey]?.trim();
    if (owner === undefined || !looksLikeEmail(owner) || already.has(owner.toLowerCase())) continue;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), action]);
  }
  return byOwner;
}

/** The emails for one run: the full digest to the configured recipients (in chunks of 50), then one per owner. */
export async function buildRunEmails(store: HeadroomStore, runId: string, options: EmailDigestOptions): Promise<{ emails: OutgoingEmail[]; settled: number }> {
  const loaded = await loadRunForNotify(store, runId, options.now);
  const { run, actions, forecasts, anomalies, realised, settled } = loaded;
  const reportUrl = options.reportUrl ?? (options.publishReport ? await options.publishReport(loaded) : undefined);
  const contentOf = (subset: Action[]) => buildEmail(buildDigest({ run, actions: subset, forecasts, anomalies, realised, reportUrl, topN: options.topN }));
  const full = contentOf(actions);
  const emails: OutgoingEmail[] = chunk(options.recipients, SES_MAX_RECIPIENTS).map((to) => ({ to, content: full }));
  for (const [owner, owned] of routeByOwnerEmail(actions, options.ownerTagKey ?? 'owner', options.recipients)) {
    emails.push({ to: [owner], owner, content: contentOf(owned) });
  }
  return { emails, settled };
}

function sendCommand(sender: string, email: OutgoingEmail): SendEmailCommand {
  return new SendEmailCommand({
    FromEmailAddress: sender,
    Destination: { ToAddresses: email.to },
    Content: {
      Simple: {
        Subject: { Data: email.content.subject, Charset: 'UTF-8' },
        Body: { Html: { Data: email.content.html, Charset: 'UTF-8' }, Text: { Data: email.content.text, Charset: 'UTF-8' } },
      },
    },
  });
}

/** Sends the run's email digest with SES v2 (Simple content, HTML and text parts). */
export async function sendDigestEmail(deps: { ses: SESv2Client; store: HeadroomStore }, runId: string, options: EmailDigestOptions): Promise<EmailDigestResult> {
  const { emails, settled } = await buildRunEmails(deps.store, runId, options);
  const result: EmailDigestResult = { sent: 0, messageIds: [], recipients: [], settled, failed: [] };
  for (const email of emails) {
    try {
      const response = await deps.ses.send(sendCommand(options.sender, email));
      result.sent += 1;
      if (response.MessageId) result.messageIds.push(response.MessageId);
      result.recipients.push(...email.to);
    } catch (error) {
      // The full digest must arrive: its failure fails the task. An owner's copy (e.g. an address SES has
      // not verified in sandbox mode) is reported in the result and logged, and the others still go out.
      if (email.owner === undefined) throw error;
      const message = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ level: 'error', message: 'owner digest not sent', to: email.owner, runId, error: message }));
      result.failed.push({ to: email.owner, error: message });
    }
  }
  return result;
}
