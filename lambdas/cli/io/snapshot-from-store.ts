import { SnapshotSchema, type Snapshot } from '../../engine/types/snapshot.js';
import { mapLimited } from '../../shared/map-limited.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { collectedPrices } from './collected-prices.js';

/** Resource reads in flight: thousands at once would queue behind the SDK's socket pool and time out. */
const READ_CONCURRENCY = 16;

/**
 * The collected snapshot read back from the store (what the engine sees), validated against the published schema.
 * Prices are included as `prices` when exactly one region was collected, as `regionPrices` when several were.
 */
export async function snapshotFromStore(store: HeadroomStore, scope: { accounts: string[]; regions: string[]; collectedAt: number }): Promise<Snapshot> {
  const resources = await store.listResources();
  const perResource = await mapLimited(resources, READ_CONCURRENCY, (resource) => store.getResourceData(resource.arn));
  const { prices, regionPrices } = await collectedPrices(store, scope.regions);
  return SnapshotSchema.parse({
    version: 1,
    collectedAt: new Date(scope.collectedAt).toISOString(),
    accounts: scope.accounts,
    regions: scope.regions,
    resources,
    series: perResource.flatMap((data) => data.series),
    costs: await store.listCosts(),
    costForecast: await store.getCostForecast(),
    ...(prices === undefined ? {} : { prices }),
    ...(regionPrices === undefined ? {} : { regionPrices }),
    recommendations: perResource.flatMap((data) => data.recommendations),
    issues: await store.listIssues(),
    commitments: await store.listCommitments(),
  });
}
