import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack request verification ("Verifying requests from Slack"): Slack sends
 * `X-Slack-Signature: v0=<hex>` where `<hex>` = HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`),
 * and `X-Slack-Request-Timestamp` in epoch seconds. A request older (or newer) than five minutes is
 * refused so a captured request cannot be replayed later.
 */

/** Slack's documented replay window. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** Base class so callers can answer every verification failure with 401 in one place. */
export class SlackVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class SignatureMissing extends SlackVerificationError {}
export class StaleRequest extends SlackVerificationError {}
export class SignatureMismatch extends SlackVerificationError {}

export interface SlackSignatureInput {
  signingSecret: string;
  /** Value of X-Slack-Request-Timestamp (epoch seconds, as sent). */
  timestamp: string | undefined;
  /** The raw request body exactly as received (after base64 decoding), before any parsing. */
  body: string;
  /** Value of X-Slack-Signature. */
  signature: string | undefined;
  nowSeconds: number;
}

/** Computes Slack's `v0=` signature for a request; exported so the local demo can sign payloads. */
export function signSlackRequest(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

/** Throws a SlackVerificationError unless the request is signed by Slack within the replay window. */
export function verifySlackSignature(input: SlackSignatureInput): void {
  const { signingSecret, timestamp, body, signature, nowSeconds } = input;
  if (signingSecret === '') throw new SignatureMissing('The Slack signing secret is empty, so no request can be verified.');
  if (!timestamp || !signature) {
    throw new SignatureMissing('The request has no X-Slack-Signature or X-Slack-Request-Timestamp header.');
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new StaleRequest('The X-Slack-Request-Timestamp header is not an epoch-seconds number.');
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) {
    throw new StaleRequest('The request timestamp is more than five minutes from now, so it may be a replay.');
  }
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, body), 'utf8');
  const received = Buffer.from(signature, 'utf8');
  // timingSafeEqual throws on different lengths; the length itself is not secret (always 67 for v0).
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    throw new SignatureMismatch('The X-Slack-Signature does not match the request body and signing secret.');
  }
}
