import { describe, expect, it } from 'vitest';
import { isAwsServiceError, isThrottling } from '../../lambdas/collectors/aws-errors.js';

describe('AWS error classification', () => {
  it('treats SDK service exceptions as AWS errors and plain errors as bugs', () => {
    expect(isAwsServiceError(Object.assign(new Error('denied'), { name: 'AccessDenied', $fault: 'client', $metadata: {} }))).toBe(true);
    expect(isAwsServiceError(new TypeError('x is undefined'))).toBe(false);
    expect(isAwsServiceError({ name: 'AccessDenied', $fault: 'client' })).toBe(false);
  });

  it('recognises throttling by error name or by HTTP 429/503', () => {
    for (const name of ['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException']) expect(isThrottling({ name })).toBe(true);
    expect(isThrottling({ name: 'SomethingElse', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottling({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isThrottling({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } })).toBe(false);
  });
});
