import type { WebClient } from '@slack/web-api';

/** Posts an apply outcome to Slack; a port so tests and the local demo use a fake. */
export interface OutcomeNotifier {
  /** Posts `text` to `channel`, in the thread of `threadTs` when given; returns the new message's ts. */
  post(message: { channel: string; threadTs?: string; text: string }): Promise<{ ts?: string }>;
}

/** The real notifier: chat.postMessage through @slack/web-api (which retries rate limits itself). */
export function createSlackOutcomeNotifier(client: Pick<WebClient, 'chat'>): OutcomeNotifier {
  return {
    async post({ channel, threadTs, text }) {
      const response = await client.chat.postMessage({ channel, thread_ts: threadTs, text, unfurl_links: false });
      return { ts: response.ts };
    },
  };
}
