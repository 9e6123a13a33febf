import { SampleServiceError } from './sample-errors.js';

/**
 * Opaque pagination tokens for the sample ports: base64url of `{ o: offset, k: requestKey }`. The key
 * is a hash of the request without its token, so a token replayed with a different request is
 * rejected the way AWS rejects it (InvalidNextToken / InvalidNextTokenException).
 */
export function encodeToken(offset: number, requestKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: requestKey })).toString('base64url');
}

export function decodeToken(token: string | undefined, requestKey: string, errorName: string): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; k?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.k === requestKey) return parsed.o;
  } catch {
    // Falls through to the error below: a token we cannot parse is as invalid as a mismatched one.
  }
  throw new SampleServiceError(errorName, 'The pagination token is invalid or does not belong to this request.');
}

/** A stable key of a request: JSON of it without the named token field (Dates as ISO strings). */
export function requestKey(request: object, tokenField: string): string {
  const copy: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  delete copy[tokenField];
  const json = JSON.stringify(copy);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Validates a page-size parameter against the API's documented range; absent means `fallback`. With
 * `capAtMax`, a larger value is accepted and served as `max` (what ListFunctions and DescribeVolumes do:
 * they return at most their maximum rather than reject the request).
 */
export function pageSize(
  value: number | undefined,
  min: number,
  max: number,
  fallback: number,
  api: string,
  field: string,
  errorName: string,
  capAtMax = false,
): number {
  if (value === undefined) return fallback;
  if (capAtMax && Number.isInteger(value) && value > max) return max;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SampleServiceError(errorName, `${api}: ${field} must be between ${min} and ${max}; got ${value}.`);
  }
  return value;
}
