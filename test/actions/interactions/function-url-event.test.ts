import { describe, expect, it } from 'vitest';
import { toRawRequest } from '../../../lambdas/actions/interactions/function-url-event.js';

describe('toRawRequest', () => {
  it('decodes a base64 body byte for byte and lower-cases header names', () => {
    const body = 'payload=%7B%22a%22%3A%22%C3%A9%22%7D';
    const request = toRawRequest({
      headers: { 'X-Slack-Signature': 'v0=abc', 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(body, 'utf8').toString('base64'),
      isBase64Encoded: true,
    });
    expect(request.body).toBe(body);
    expect(request.headers['x-slack-signature']).toBe('v0=abc');
  });

  it('passes a plain body through and treats a missing body as empty', () => {
    expect(toRawRequest({ headers: {}, body: 'a=b', isBase64Encoded: false }).body).toBe('a=b');
    expect(toRawRequest({ headers: {} }).body).toBe('');
  });
});
