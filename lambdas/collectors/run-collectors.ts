import { collectMetrics } from './cloudwatch/collect-metrics.js';
import { collectRecommendations } from './compute-optimizer/collect-recommendations.js';
import type { CollectorContext } from './context.js';
import { collectCosts } from './cost-explorer/collect-costs.js';
import { collectInventory } from './inventory/collect-inventory.js';
import { sumReports, type CollectionReport } from './report.js';

export type CollectorName = 'inventory' | 'cloudwatch' | 'cost-explorer' | 'compute-optimizer';

/** Progress of runCollectors, for a CLI spinner or log line. */
export type CollectorProgress =
  | { collector: CollectorName; phase: 'start' }
  | { collector: CollectorName; phase: 'done'; report: CollectionReport; elapsedMs: number };

export interface RunCollectorsOptions extends CollectorContext {
  onProgress?: (progress: CollectorProgress) => void;
  /** Injected clock for elapsed times (defaults to performance.now); reports never depend on it. */
  clock?: () => number;
}

export interface CollectorsResult {
  reports: Record<CollectorName, CollectionReport>;
  total: CollectionReport;
}

/**
 * Runs every collector once, in dependency order: inventory first (CloudWatch reads the stored
 * inventory to know which metrics to ask for), then CloudWatch, Cost Explorer and Compute Optimizer.
 * The scheduled Lambdas run them separately; the local demo and `headroom scan` call this.
 */
export async function runCollectors(options: RunCollectorsOptions): Promise<CollectorsResult> {
  const clock = options.clock ?? (() => performance.now());
  const steps: [CollectorName, (context: CollectorContext) => Promise<CollectionReport>][] = [
    ['inventory', collectInventory],
    ['cloudwatch', collectMetrics],
    ['cost-explorer', collectCosts],
    ['compute-optimizer', collectRecommendations],
  ];
  const reports = {} as Record<CollectorName, CollectionReport>;
  for (const [collector, collect] of steps) {
    options.onProgress?.({ collector, phase: 'start' });
    const started = clock();
    const report = await collect(options);
    reports[collector] = report;
    options.onProgress?.({ collector, phase: 'done', report, elapsedMs: clock() - started });
  }
  return { reports, total: sumReports('all', Object.values(reports)) };
}
