import { describe, expect, it } from 'vitest';
import {
  SignatureMismatch,
  SignatureMissing,
  signSlackRequest,
  StaleRequest,
  verifySlackSignature,
} from '../../../lambdas/actions/slack/verify-signature.js';

// Slack's worked example ("Verifying requests from Slack", api.slack.com / docs.slack.dev).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const NOW = Number(TIMESTAMP) + 10;

describe('verifySlackSignature', () => {
  it("reproduces Slack's documented example signature", () => {
    expect(signSlackRequest(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: SIGNATURE, nowSeconds: NOW })).not.toThrow();
  });

  it('accepts a request exactly five minutes old and refuses one a second older', () => {
    const base = { signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: SIGNATURE };
    expect(() => verifySlackSignature({ ...base, nowSeconds: Number(TIMESTAMP) + 300 })).not.toThrow();
    expect(() => verifySlackSignature({ ...base, nowSeconds: Number(TIMESTAMP) + 301 })).toThrow(StaleRequest);
  });

  it('refuses a timestamp from the future beyond the window', () => {
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: SIGNATURE, nowSeconds: Number(TIMESTAMP) - 301 })).toThrow(StaleRequest);
  });

  it('refuses a tampered body', () => {
    const tampered = BODY.replace('user_id=U2CERLKJA', 'user_id=U0ATTACKER');
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: tampered, signature: SIGNATURE, nowSeconds: NOW })).toThrow(SignatureMismatch);
  });

  it('refuses a signature made with another secret or truncated', () => {
    const other = signSlackRequest('another-secret', TIMESTAMP, BODY);
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: other, nowSeconds: NOW })).toThrow(SignatureMismatch);
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: SIGNATURE.slice(0, 20), nowSeconds: NOW })).toThrow(SignatureMismatch);
  });

  it('refuses a request without signature or timestamp headers', () => {
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: undefined, nowSeconds: NOW })).toThrow(SignatureMissing);
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: undefined, body: BODY, signature: SIGNATURE, nowSeconds: NOW })).toThrow(SignatureMissing);
  });

  it('refuses a timestamp that is not a number', () => {
    expect(() => verifySlackSignature({ signingSecret: SECRET, timestamp: 'yesterday', body: BODY, signature: SIGNATURE, nowSeconds: NOW })).toThrow(StaleRequest);
  });
});
