import { z } from 'zod';

/** The parts of a Lambda Function URL (payload format 2.0) event the interactions endpoint reads. */
export const FunctionUrlEventSchema = z.object({
  headers: z.record(z.string(), z.string().optional()).default({}),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
});
export type FunctionUrlEvent = z.input<typeof FunctionUrlEventSchema>;

/** Largest body accepted: Slack's interaction payloads are a few KB; anything this big is not from Slack. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A transport-neutral HTTP request: lower-cased header names, body decoded to the exact bytes Slack signed. */
export interface RawRequest {
  headers: Record<string, string | undefined>;
  body: string;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The event cannot become a request: answered with `statusCode` (400 malformed, 413 too large), never a 5xx. */
export class RequestRejected extends Error {
  override readonly name = 'RequestRejected';
  constructor(
    readonly statusCode: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Normalises a Function URL event; the body must stay byte-exact because the signature covers it. Function URLs
 * base64-encode bodies whose content type they do not treat as text (Slack's form posts usually arrive encoded):
 * the size limit applies to the decoded bytes, checked from the encoded length before decoding anything.
 */
export function toRawRequest(event: unknown): RawRequest {
  const parsed = FunctionUrlEventSchema.safeParse(event);
  if (!parsed.success) throw new RequestRejected(400, 'The request is not a Lambda Function URL event with headers and a string body.');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(parsed.data.headers)) headers[name.toLowerCase()] = value;
  const raw = parsed.data.body ?? '';
  if (!parsed.data.isBase64Encoded) {
    if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new RequestRejected(413, `The request body is over the ${MAX_BODY_BYTES}-byte limit for Slack interactions.`);
    return { headers, body: raw };
  }
  // Decoded size = ¾ of the encoded length, less padding.
  if (Math.floor((raw.length * 3) / 4) - (raw.endsWith('==') ? 2 : raw.endsWith('=') ? 1 : 0) > MAX_BODY_BYTES) {
    throw new RequestRejected(413, `The request body is over the ${MAX_BODY_BYTES}-byte limit for Slack interactions.`);
  }
  if (raw.length % 4 !== 0 || !BASE64.test(raw)) throw new RequestRejected(400, 'The request body is marked base64-encoded but is not valid base64.');
  return { headers, body: Buffer.from(raw, 'base64').toString('utf8') };
}
