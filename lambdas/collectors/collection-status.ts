import type { CollectionIssue } from '../engine/types/snapshot.js';

/**
 * Whether a collection can be trusted (docs/scan-status.md):
 * - `complete`: nothing was lost. Issues that lose no data may still be listed: Compute Optimizer not opted in (there
 *   are no recommendations to read), no Price List prices for a region (bundled prices are used) and what snapshot
 *   validation dropped as tolerable (missing points, repeats).
 * - `partial`: some API call failed (denied, throttled past the retries, unreachable, invalid data) and resources
 *   are missing, or lost metrics, costs, recommendations or prices: findings may be missing or understated.
 * - `failed`: calls failed and not one resource was collected: there is nothing to analyse.
 */
export type CollectionStatus = 'complete' | 'partial' | 'failed';

/**
 * Issue codes that lose no data: Compute Optimizer not opted in (no recommendations exist to read), and a region
 * the Price List has no prices for (the bundled list prices are used, and the issue says so).
 */
const NO_DATA_LOST_CODES: ReadonlySet<string> = new Set(['OptInRequiredException', 'NoListPrices']);
/** Issue sources whose issues are tolerable defects already dealt with (snapshot-checks.ts). */
const NO_DATA_LOST_SOURCES: ReadonlySet<string> = new Set(['snapshot']);

export function losesData(issue: CollectionIssue): boolean {
  return !NO_DATA_LOST_CODES.has(issue.code) && !NO_DATA_LOST_SOURCES.has(issue.source);
}

export function collectionStatus(issues: readonly CollectionIssue[], resources: number): CollectionStatus {
  if (!issues.some(losesData)) return 'complete';
  return resources === 0 ? 'failed' : 'partial';
}
