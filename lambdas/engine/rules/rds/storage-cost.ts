import type { PriceBook } from '../../pricing/price-book.js';
import type { RdsConfig } from '../../types/snapshot.js';

/**
 * Monthly USD of one copy of an instance's storage (Multi-AZ keeps two: × 2 at the caller):
 *   io1:   GiB × $0.125 + IOPS × $0.10
 *   other: GiB × the General Purpose rate ($0.115; gp3 IOPS above the baseline are not known here and left out)
 */
export function storageMonthlyUsdPerCopy(prices: PriceBook, config: Pick<RdsConfig, 'storageType' | 'storageGiB' | 'iops'>): number {
  if (config.storageType === 'io1') return config.storageGiB * prices.rdsStorage.io1GbMonthUsd + (config.iops ?? 0) * prices.rdsStorage.io1IopsMonthUsd;
  return config.storageGiB * prices.rdsStorageGbMonthUsd;
}
