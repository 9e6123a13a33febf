/**
 * How collectors tell AWS service errors (record as a CollectionIssue, carry on) from programming
 * errors (let them fail loudly). SDK v3 service exceptions carry `$fault` and `$metadata`. Denials
 * (AccessDenied, UnauthorizedOperation, OptInRequiredException, ...) and throttling that outlasted
 * the retries are all service errors: each becomes an issue for its (account, region) unit.
 */
export interface AwsServiceError {
  name: string;
  message: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

export function isAwsServiceError(error: unknown): error is AwsServiceError {
  return (
    error instanceof Error &&
    (('$fault' in error && (error as { $fault?: unknown }).$fault !== undefined) || '$metadata' in error)
  );
}

/** Error names (and HTTP statuses) that mean "slow down"; the SDK retries them, collectors count them. */
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
]);

export function isThrottling(error: { name?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  const status = error.$metadata?.httpStatusCode;
  return (error.name !== undefined && THROTTLING_CODES.has(error.name)) || status === 429 || status === 503;
}
