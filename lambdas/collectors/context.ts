import type { HeadroomStore } from '../shared/store/store.js';
import { apiIssue } from './api-issue.js';
import { CollectorApiError } from './collector-api-error.js';
import type { CollectorPorts, PortsFor } from './ports.js';
import type { ReportBuilder } from './report.js';

/** The part of the store collectors write to (MemoryStore and DynamoStore both satisfy it). */
export type CollectorStore = Pick<
  HeadroomStore,
  | 'putResources'
  | 'replaceResources'
  | 'listResources'
  | 'putSeries'
  | 'putCosts'
  | 'putCostForecast'
  | 'putCommitments'
  | 'putRecommendations'
  | 'deleteRecommendations'
  | 'putIssues'
  | 'putPrices'
  | 'getCached'
  | 'putCached'
  | 'putRunApiCalls'
>;

/** Everything a collect function needs; built once per invocation by the handler or by runCollectors. */
export interface CollectorContext {
  portsFor: PortsFor;
  store: CollectorStore;
  accounts: string[];
  regions: string[];
  /**
   * The account Cost Explorer is called through: the configured payer account, else the collector's own (home)
   * account. Only the organization's management account sees linked accounts' costs; a member account sees its own.
   * Undefined in local runs and `headroom scan`, whose first account is the caller's own.
   */
  costExplorerAccount?: string;
  /** Collection time, epoch ms: collectors never read the clock. */
  now: number;
  lookbackDays: number;
}

/**
 * Runs one (account, region) unit of work. An AWS service error from a port call (denied by an SCP, not
 * opted in, throttled beyond the SDK's retries, ...; countingPort wraps those in CollectorApiError)
 * becomes a CollectionIssue and the caller carries on with the next unit; anything else — a bug, or a
 * failing store write, though that is an SDK error too — propagates. Returns the API error that ended the
 * unit, or undefined when it completed. Throttles the SDK retried meanwhile are added to the report.
 */
export async function collectUnit(
  report: ReportBuilder,
  /** Where the unit ran, and how many resources lose data when it fails (when known). */
  where: { account?: string; region?: string; resourcesAffected?: number },
  ports: CollectorPorts,
  work: () => Promise<void>,
  /** A clearer message for errors whose meaning the caller knows (e.g. OptInRequiredException); AWS's own otherwise. */
  explain?: (error: CollectorApiError) => string | undefined,
): Promise<CollectorApiError | undefined> {
  const throttlesBefore = ports.throttles?.total() ?? 0;
  try {
    await work();
    return undefined;
  } catch (error) {
    if (!(error instanceof CollectorApiError)) throw error;
    report.addIssue({ ...where, ...apiIssue(error, explain?.(error)) });
    return error;
  } finally {
    report.addThrottles((ports.throttles?.total() ?? 0) - throttlesBefore);
  }
}
