import type { SlackMessage } from '../../notify/format/slack-blocks.js';
import { buildRunEmails, type OutgoingEmail } from '../../notify/email/send-email.js';
import { postDigest, type SlackPoster } from '../../notify/slack/send-slack.js';
import { parseNotifyEvent } from '../../notify/event.js';
import type { HeadroomStore } from '../../shared/store/store.js';

export const DEMO_CHANNEL = '#headroom';
export const DEMO_SENDER = 'headroom@example.com';
export const DEMO_RECIPIENTS = ['platform-team@example.com'];

/**
 * The notify tasks of the local run: the same digest code as the deployed Slack and email functions, with the
 * transport swapped for an outbox (there is no Slack workspace or SES identity on a laptop).
 */
export function createLocalNotifiers(store: HeadroomStore, enabledExecutors: string[]) {
  const slackOutbox: SlackMessage[] = [];
  const emailOutbox: OutgoingEmail[] = [];
  const slack: SlackPoster = {
    chat: {
      async postMessage(message) {
        slackOutbox.push({ channel: message.channel, text: message.text, blocks: message.blocks });
        return { ok: true, ts: `${(slackOutbox.length / 1000 + 1_700_000_000).toFixed(6)}` };
      },
    },
  };
  return {
    slackOutbox,
    emailOutbox,
    notifySlack: async (event: unknown) => {
      const { runId } = parseNotifyEvent(event);
      return postDigest({ slack, store }, runId, { channel: DEMO_CHANNEL, enabledExecutors, reportUrl: undefined });
    },
    notifyEmail: async (event: unknown) => {
      const { runId } = parseNotifyEvent(event);
      const { emails, settled } = await buildRunEmails(store, runId, { sender: DEMO_SENDER, recipients: DEMO_RECIPIENTS });
      emailOutbox.push(...emails);
      return { sent: emails.length, settled };
    },
  };
}
