import { z } from 'zod';

/** The parts of a Lambda Function URL (payload format 2.0) event the interactions endpoint reads. */
export const FunctionUrlEventSchema = z.object({
  headers: z.record(z.string(), z.string().optional()).default({}),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
});
export type FunctionUrlEvent = z.input<typeof FunctionUrlEventSchema>;

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

/** Normalises a Function URL event; the body must stay byte-exact because the signature covers it. */
export function toRawRequest(event: unknown): RawRequest {
  const parsed = FunctionUrlEventSchema.parse(event);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(parsed.headers)) headers[name.toLowerCase()] = value;
  const body = parsed.body === undefined ? '' : parsed.isBase64Encoded ? Buffer.from(parsed.body, 'base64').toString('utf8') : parsed.body;
  return { headers, body };
}
