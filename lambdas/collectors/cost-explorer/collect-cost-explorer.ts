import type { CollectorContext } from '../context.js';
import { sumReports, type CollectionReport } from '../report.js';
import { collectCommitments } from './collect-commitments.js';
import { collectCosts } from './collect-costs.js';

/** Everything the Cost Explorer collector reads: daily costs and forecast, then existing commitments; one report. */
export async function collectCostExplorer(context: CollectorContext): Promise<CollectionReport> {
  const costs = await collectCosts(context);
  const commitments = await collectCommitments(context);
  return sumReports('cost-explorer', [costs, commitments]);
}
