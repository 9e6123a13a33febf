import { buildDigest } from '../../notify/format/digest.js';
import { buildEmail, type EmailContent } from '../../notify/format/email.js';
import { buildSlackMessage, type SlackMessage } from '../../notify/format/slack-blocks.js';
import type { RunOutputs } from './write-run-outputs.js';

/** The Slack channel named in a scan's slack.json (the scan posts nothing; the file shows what would be sent). */
export const SCAN_SLACK_CHANNEL = '#headroom';

/**
 * The Slack Block Kit message and the email digest of a run, from the same digest and formatters the deployed
 * notify functions use, for writing as slack.json, email.html and email.txt. `enabledExecutors` is empty for a
 * scan: nothing is deployed, so no action gets an Approve button.
 */
export function runDigests(
  outputs: Pick<RunOutputs, 'run' | 'actions' | 'forecasts' | 'anomalies' | 'realised' | 'collection'>,
  options: { enabledExecutors: string[]; homeAccount?: string; channel?: string },
): { slack: SlackMessage; email: Pick<EmailContent, 'html' | 'text'> } {
  const digest = buildDigest({ run: outputs.run, actions: outputs.actions, forecasts: outputs.forecasts, anomalies: outputs.anomalies, realised: outputs.realised, collection: outputs.collection });
  const slack = buildSlackMessage(digest, { channel: options.channel ?? SCAN_SLACK_CHANNEL, enabledExecutors: options.enabledExecutors, homeAccount: options.homeAccount });
  const { html, text } = buildEmail(digest);
  return { slack, email: { html, text } };
}
