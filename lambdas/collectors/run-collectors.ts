import type { ApiCallCounts } from '../shared/store/store.js';
import { collectMetrics } from './cloudwatch/collect-metrics.js';
import { collectRecommendations } from './compute-optimizer/collect-recommendations.js';
import type { CollectorContext } from './context.js';
import { collectCostExplorer } from './cost-explorer/collect-cost-explorer.js';
import { collectInventory } from './inventory/collect-inventory.js';
import { collectPrices } from './pricing/collect-prices.js';
import { sumReports, type CollectionReport } from './report.js';

export type CollectorName = 'inventory' | 'cloudwatch' | 'cost-explorer' | 'compute-optimizer' | 'pricing';

/** Progress of runCollectors, for a CLI spinner or log line. */
export type CollectorProgress =
  | { collector: CollectorName; phase: 'start' }
  | { collector: CollectorName; phase: 'done'; report: CollectionReport; elapsedMs: number };

export interface RunCollectorsOptions extends CollectorContext {
  onProgress?: (progress: CollectorProgress) => void;
  /** Injected clock for elapsed times (defaults to performance.now); reports never depend on it. */
  clock?: () => number;
  /** The run the collection belongs to: its API call counts are stored with it (store.putRunApiCalls). */
  runId?: string;
  /**
   * The SDK-level counts (the AWS ports' shared ledger, CountingThrottleMeter.apiCalls): attempts and throttles per
   * operation, merged into the collectors' own call counts (mergeApiCalls).
   */
  apiCalls?: () => ApiCallCounts;
  /** Only these collectors (in the usual order); default all. */
  only?: CollectorName[];
}

export interface CollectorsResult {
  reports: Partial<Record<CollectorName, CollectionReport>>;
  total: CollectionReport;
  /** Every AWS call of the collection by `<service>:<Operation>`: the optimizer's own API usage. */
  apiCalls: ApiCallCounts;
}

const STEPS: [CollectorName, (context: CollectorContext) => Promise<CollectionReport>][] = [
  ['inventory', collectInventory],
  ['cloudwatch', collectMetrics],
  ['cost-explorer', collectCostExplorer],
  ['compute-optimizer', collectRecommendations],
  ['pricing', collectPrices],
];

/**
 * Runs every collector once, in dependency order: inventory first (CloudWatch reads the stored
 * inventory to know which metrics to ask for), then CloudWatch, Cost Explorer, Compute Optimizer and the
 * Price List. The scheduled Lambdas run them separately; the local demo and `headroom scan` call this.
 * With a runId, the collection's API call counts are stored with that run.
 */
export async function runCollectors(options: RunCollectorsOptions): Promise<CollectorsResult> {
  const clock = options.clock ?? (() => performance.now());
  const reports: Partial<Record<CollectorName, CollectionReport>> = {};
  for (const [collector, collect] of STEPS) {
    if (options.only !== undefined && !options.only.includes(collector)) continue;
    options.onProgress?.({ collector, phase: 'start' });
    const started = clock();
    const report = await collect(options);
    reports[collector] = report;
    options.onProgress?.({ collector, phase: 'done', report, elapsedMs: clock() - started });
  }
  const total = sumReports('all', Object.values(reports));
  const apiCalls = mergeApiCalls(total, options.apiCalls?.() ?? {});
  if (options.runId !== undefined) await options.store.putRunApiCalls(options.runId, apiCalls);
  return { reports, total, apiCalls };
}

/**
 * The collection's API calls: each API's calls as the collectors counted them (one per port call), with the attempts
 * and throttled attempts the SDK middleware saw for it (CountingThrottleMeter). Without a meter (sample ports, or a
 * client whose send was replaced) an API shows one attempt per call and no throttles.
 */
function mergeApiCalls(report: CollectionReport, measured: ApiCallCounts): ApiCallCounts {
  const apis = [...new Set([...Object.keys(report.calls), ...Object.keys(measured)])].sort();
  return Object.fromEntries(
    apis.map((api) => {
      const calls = report.calls[api] ?? measured[api]?.calls ?? 0;
      return [api, { calls, attempts: Math.max(calls, measured[api]?.attempts ?? 0), throttled: measured[api]?.throttled ?? 0 }];
    }),
  );
}
