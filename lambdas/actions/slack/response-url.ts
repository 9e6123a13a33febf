/**
 * Posting to an interaction's `response_url` (valid 30 minutes, up to 5 posts). Headroom acknowledges
 * the click with HTTP 200 and an empty body — Slack ignores message bodies in block_actions responses —
 * and tells the user what happened through the response_url instead.
 */

export interface ResponseMessage {
  text: string;
  /** 'ephemeral' shows the message only to the clicking user (refusals); 'in_channel' to everyone. */
  responseType: 'ephemeral' | 'in_channel';
  /** When given, the original message is replaced by these blocks (`text` becomes its notification fallback). */
  replaceBlocks?: unknown[];
}

/** `timeoutMs`: how long this post may take (what is left of the 3-second budget); the poster's default otherwise. */
export type RespondToSlack = (responseUrl: string, message: ResponseMessage, options?: { timeoutMs?: number }) => Promise<void>;

/** Slack's response_urls all live under this origin; anything else is refused so a forged URL cannot make us call out. */
const SLACK_HOOKS_ORIGIN = 'https://hooks.slack.com';

/** The real poster: JSON POST with a short timeout so the 3-second acknowledgement budget holds. */
export function createResponseUrlPoster(defaultTimeoutMs = 1500): RespondToSlack {
  return async (responseUrl, message, options = {}) => {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    if (new URL(responseUrl).origin !== SLACK_HOOKS_ORIGIN) {
      throw new Error(`Refusing to post to ${new URL(responseUrl).origin}: response_url must be on ${SLACK_HOOKS_ORIGIN}.`);
    }
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        message.replaceBlocks === undefined
          ? { text: message.text, response_type: message.responseType, replace_original: false }
          : { text: message.text, blocks: message.replaceBlocks, replace_original: true },
      ),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`Slack's response_url answered HTTP ${response.status}.`);
  };
}
