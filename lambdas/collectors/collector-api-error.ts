import type { AwsServiceError } from './aws-errors.js';

/**
 * An AWS service error raised by a port call (an AWS API the collector asked), wrapped by countingPort so
 * collectUnit can tell it from errors of the collector's own store writes: those are SDK errors too
 * (DynamoDB's carry `$metadata`), but a failing table is a failed collection, not a collection issue.
 */
export class CollectorApiError extends Error {
  override readonly name = 'CollectorApiError';

  constructor(
    readonly api: string,
    override readonly cause: AwsServiceError,
  ) {
    super(`${api} failed: ${cause.name}: ${cause.message}`, { cause });
  }
}
