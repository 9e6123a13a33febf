import type { Prices } from '../../engine/types/snapshot.js';
import type { HeadroomStore } from '../../shared/store/store.js';

/**
 * The prices a snapshot of `regions` carries: `prices` when one region was collected, `regionPrices` (the regions the
 * pricing collector priced, in the order given) when several were; absent when none were priced.
 */
export async function collectedPrices(store: HeadroomStore, regions: readonly string[]): Promise<{ prices?: Prices; regionPrices?: Prices[] }> {
  const found = (await Promise.all(regions.map((region) => store.getPrices(region)))).filter((p): p is Prices => p !== undefined);
  if (regions.length === 1) return found.length === 1 ? { prices: found[0] } : {};
  return found.length > 0 ? { regionPrices: found } : {};
}
