/**
 * The demo generator's snapshot, built in memory for the benchmarks: the sample account of `headroom demo
 * --resources N --seed S` collected through the same collectors, so it holds what the demo's snapshot.json holds
 * (resources, series, costs, recommendations, issues), without dynalite or a file of several GB.
 *
 * To fit 10,000 resources × ~3 × 4,032 points in memory, the store keeps series as the collector hands them over
 * (no packing into items and decoding back), and series on the same grid share one timestamp array (a collector or
 * a compact snapshot encoding can do the same): the values alone are ≈ 1 GB of float64 at 10,000 resources.
 */
import { collectedPrices } from '../lambdas/cli/io/collected-prices.js';
import { runCollectors } from '../lambdas/collectors/run-collectors.js';
import type { MetricSeries, Snapshot } from '../lambdas/engine/types/snapshot.js';
import { createSamplePortsFor, generateSampleAccount } from '../lambdas/local/sample-account/index.js';
import { MemoryStore } from '../lambdas/shared/store/memory-store.js';

/** The demo's sample-account "now" for benchmarks: fixed, so runs are comparable. */
export const BENCH_NOW = Date.UTC(2026, 10, 29);
const LOOKBACK_DAYS = 14;

/** A MemoryStore that keeps series aside, whole, with equal timestamp arrays shared (series are read-only here). */
class SeriesKeepingStore extends MemoryStore {
  readonly series = new Map<string, MetricSeries>();
  private readonly grids = new Map<string, number[]>();

  override async putSeries(series: MetricSeries[]): Promise<void> {
    for (const s of series) {
      const key = `${s.resourceArn}|${s.namespace}|${s.metricName}|${s.stat}|${s.periodSec}`;
      this.series.set(key, { ...s, timestamps: this.shared(s.timestamps, s.periodSec) });
    }
  }

  /**
   * Copies every series' values into a fresh array, once collection is over. The collection allocates ~10 times the
   * data in short-lived pages, requests and Dates; the values kept along the way end up scattered over heap pages that
   * are otherwise garbage, which the collector cannot return to the system (at 10,000 resources: ~2.1 GB RSS for
   * ~0.9 GB of values). Copied together, they fill few pages and the rest is released at the next collection — the
   * heap `headroom analyze` has after reading a snapshot file, which is what the engine benchmark is meant to measure.
   */
  compactSeries(): void {
    // With --expose-gc, collect every few thousand series: the copies then reuse the space of the arrays they
    // replace instead of growing the heap by the whole data set (V8 is slow to give such growth back).
    const gc = (globalThis as { gc?: () => void }).gc;
    let copied = 0;
    for (const [key, s] of this.series) {
      this.series.set(key, { ...s, values: s.values.slice() });
      if (++copied % 2_000 === 0) gc?.();
    }
  }

  get gridCount(): number {
    return this.grids.size;
  }

  private shared(timestamps: number[], periodSec: number): number[] {
    const key = `${timestamps[0]}:${periodSec}:${timestamps.length}:${timestamps[timestamps.length - 1]}`;
    const known = this.grids.get(key);
    if (known !== undefined && known.every((t, i) => t === timestamps[i])) return known;
    if (known === undefined) this.grids.set(key, timestamps);
    return timestamps;
  }
}

export async function buildDemoSnapshot(resources: number, seed = 42): Promise<{ snapshot: Snapshot; grids: number }> {
  const account = generateSampleAccount({ resources, seed, now: BENCH_NOW });
  const store = new SeriesKeepingStore({ now: () => BENCH_NOW });
  await runCollectors({ portsFor: createSamplePortsFor(account), store, accounts: [account.accountId], regions: account.regions, now: BENCH_NOW, lookbackDays: LOOKBACK_DAYS });
  const listed = await store.listResources();
  const recommendations = (await Promise.all(listed.map((r) => store.getRecommendations(r.arn)))).flat();
  store.compactSeries();
  const prices = await collectedPrices(store, account.regions);
  const snapshot: Snapshot = {
    version: 1,
    collectedAt: new Date(BENCH_NOW).toISOString(),
    accounts: [account.accountId],
    regions: account.regions,
    resources: listed,
    series: [...store.series.values()],
    costs: await store.listCosts(),
    costForecast: await store.getCostForecast(),
    ...prices,
    recommendations,
    issues: await store.listIssues(),
  };
  return { snapshot, grids: store.gridCount };
}
