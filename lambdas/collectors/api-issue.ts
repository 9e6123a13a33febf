import type { CollectionIssue } from '../engine/types/snapshot.js';
import type { CollectorApiError } from './collector-api-error.js';
import { isNetworkError, networkFailure } from './network-error.js';

/**
 * The issue fields of a failed AWS call: the service and operation it was (`cloudwatch:GetMetricData` →
 * `cloudwatch`, `GetMetricData`) and the error AWS answered, or, when no answer came, `NetworkError` and the
 * endpoint that could not be reached (network-error.ts), e.g. `cloudwatch:GetMetricData could not reach …`.
 */
export function apiIssue(error: CollectorApiError, message?: string): Pick<CollectionIssue, 'service' | 'operation' | 'code' | 'message'> {
  const [service, operation] = error.api.split(':');
  const where = { service, ...(operation === undefined ? {} : { operation }) };
  // The API leads the message: the store keeps one issue per (source, account, region, code, message), and every
  // unreachable call of a collector would otherwise read the same and be kept once, hiding which services were lost.
  if (isNetworkError(error.cause)) return { ...where, code: 'NetworkError', message: `${error.api} ${networkFailure(error.cause)}` };
  return { ...where, code: error.cause.name, message: message ?? error.cause.message };
}
