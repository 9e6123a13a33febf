import { SESv2Client } from '@aws-sdk/client-sesv2';
import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { parseNotifyEvent } from '../event.js';
import { reportLinkOptions, sharedS3Client } from '../report-publisher.js';
import { isEmailDisabled, readEmailConfig, type EmailNotifyConfig } from './config.js';
import { sendDigestEmail, type EmailDigestResult } from './send-email.js';

/** Built on first invocation (not at import, so tests can import the module) and reused while the environment lives. */
let context: { config: EmailNotifyConfig; store: DynamoStore; ses: SESv2Client } | undefined;

export interface EmailDisabled {
  disabled: true;
  reason: string;
}

/**
 * NotifyEmail task: event `{ runId }` → sends the SES digest(s) → `{ sent, messageIds, recipients, settled, failed }`,
 * or `{ disabled: true, reason }` when the deployment configures no email.
 */
export const handler = async (event: unknown): Promise<EmailDigestResult | EmailDisabled> => {
  const { runId } = parseNotifyEvent(event);
  if (isEmailDisabled()) return { disabled: true, reason: 'SENDER_EMAIL and RECIPIENT_EMAILS are empty: email delivery is not configured' };
  if (context === undefined) {
    const config = readEmailConfig();
    context = { config, store: new DynamoStore(getDocumentClient(), config.tableName), ses: new SESv2Client({}) };
  }
  const { config, store, ses } = context;
  return sendDigestEmail({ ses, store }, runId, {
    sender: config.sender,
    recipients: config.recipients,
    ...reportLinkOptions(config, runId, sharedS3Client),
    topN: config.topN,
    ownerTagKey: config.ownerTagKey,
  });
};
