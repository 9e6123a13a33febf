import type { Finding } from '../types/action.js';
import { findingId } from '../rules/support/finding-id.js';

/**
 * A finding whose id hashes `identity` instead of its whole `proposed` configuration. buildFinding hashes `proposed`,
 * which is right when the proposal is a discrete choice (an instance type, a memory size). When the proposal carries
 * a number derived from the series (a timeout from p99.9, provisioned units from a peak, an hourly commitment from a
 * quantile of spend), that number moves a little every run and the id with it, so approvals and run-to-run comparison
 * would break. Such rules name the change instead: `{ billingMode: 'PROVISIONED' }`, `{ change: 'timeout' }` —
 * the id then depends only on rule + resource + kind of change, never on run time or series values.
 */
export function withStableId(finding: Finding, identity: Record<string, unknown>): Finding {
  return { ...finding, id: findingId(finding.ruleId, finding.resource.arn, identity) };
}
