import type { Finding } from '../../types/action.js';
import type { Resource } from '../../types/snapshot.js';
import { findingId } from './finding-id.js';
import { roundUsd } from './money.js';
import { roundKg } from '../../carbon/estimate.js';

/** Everything of a Finding except what is derived: id (hashed), resource ref (from the resource), rounding. */
export type FindingDraft = Omit<Finding, 'id' | 'resource'> & { resource: Resource };

/** Completes a draft: deterministic id, resource reference without config, savings in cents, carbon in grams. */
export function buildFinding(draft: FindingDraft): Finding {
  const { resource, ...rest } = draft;
  const { config: _config, ...ref } = resource;
  return {
    ...rest,
    id: findingId(draft.ruleId, resource.arn, draft.proposed),
    resource: ref,
    monthlySavingsUsd: roundUsd(draft.monthlySavingsUsd),
    carbonKgCo2eMonthly: roundKg(draft.carbonKgCo2eMonthly),
  };
}
