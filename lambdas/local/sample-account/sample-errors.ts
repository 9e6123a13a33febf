/**
 * Errors shaped like the SDK v3 service exceptions the real APIs raise (`name`, `$fault`,
 * `$metadata.httpStatusCode`), so collector error handling is exercised exactly as against AWS.
 */
export class SampleServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; attempts: number; totalRetryDelay: number };

  constructor(name: string, message: string, httpStatusCode = 400) {
    super(message);
    this.name = name;
    this.$fault = httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode, attempts: 1, totalRetryDelay: 0 };
  }
}

/** The `$metadata` every sample response carries, like a first-attempt SDK response. */
export function responseMetadata(): { httpStatusCode: number; attempts: number; totalRetryDelay: number } {
  return { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 };
}
