import type { HeadroomStore } from '../shared/store/store.js';
import { isAwsServiceError } from './aws-errors.js';
import type { CollectorPorts, PortsFor } from './ports.js';
import type { ReportBuilder } from './report.js';

/** The part of the store collectors write to (MemoryStore and DynamoStore both satisfy it). */
export type CollectorStore = Pick<
  HeadroomStore,
  'putResources' | 'listResources' | 'putSeries' | 'putCosts' | 'putCostForecast' | 'putRecommendations' | 'putIssues'
>;

/** Everything a collect function needs; built once per invocation by the handler or by runCollectors. */
export interface CollectorContext {
  portsFor: PortsFor;
  store: CollectorStore;
  accounts: string[];
  regions: string[];
  /** Collection time, epoch ms: collectors never read the clock. */
  now: number;
  lookbackDays: number;
}

/**
 * Runs one (account, region) unit of work. An AWS service error (denied by an SCP, not opted in,
 * throttled beyond the SDK's retries, ...) becomes a CollectionIssue and the caller carries on with
 * the next unit; anything else is a bug and propagates. Throttles the SDK retried meanwhile are added
 * to the report.
 */
export async function collectUnit(
  report: ReportBuilder,
  where: { account?: string; region?: string },
  ports: CollectorPorts,
  work: () => Promise<void>,
): Promise<void> {
  const throttlesBefore = ports.throttles?.total() ?? 0;
  try {
    await work();
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    report.addIssue({ ...where, code: error.name, message: error.message });
  } finally {
    report.addThrottles((ports.throttles?.total() ?? 0) - throttlesBefore);
  }
}
