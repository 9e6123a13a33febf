import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, RequestRejected, toRawRequest } from '../../../lambdas/actions/interactions/function-url-event.js';

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

  it('rejects a body over 1 MB with 413, judged from the base64 length before decoding', () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 97).toString('base64');
    const attempt = () => toRawRequest({ headers: {}, body: big, isBase64Encoded: true });
    expect(attempt).toThrow(RequestRejected);
    expect(attempt).toThrow(/over the 1048576-byte limit/);
    expect(() => toRawRequest({ headers: {}, body: 'a'.repeat(MAX_BODY_BYTES + 1) })).toThrow(expect.objectContaining({ statusCode: 413 }));
  });

  it('accepts a body of exactly 1 MB', () => {
    const exact = Buffer.alloc(MAX_BODY_BYTES, 97).toString('base64');
    expect(toRawRequest({ headers: {}, body: exact, isBase64Encoded: true }).body).toHaveLength(MAX_BODY_BYTES);
  });

  it('rejects an event that is not a Function URL event, or a body that is not base64, with 400', () => {
    expect(() => toRawRequest('nonsense')).toThrow(expect.objectContaining({ statusCode: 400 }));
    expect(() => toRawRequest({ headers: { a: 1 }, body: 'x' })).toThrow(expect.objectContaining({ statusCode: 400 }));
    expect(() => toRawRequest({ headers: {}, body: 'not base64!', isBase64Encoded: true })).toThrow(/not valid base64/);
  });
});
