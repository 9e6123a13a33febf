import { LogGroupConfigSchema } from '../types/snapshot.js';
import type { Action } from '../types/action.js';
import type { CostComparison, CostModel } from './realised-savings.js';

/** CloudWatch Logs bills stored bytes (compressed) per GiB-month, as the missing-retention rule prices them. */
const BYTES_PER_GB = 1024 ** 3;

/** Stored bytes when the action was made: `current.storedBytes`, else the evidence's `storedGb` statistic. */
function storedBytesBefore(action: Action): number | undefined {
  const recorded = action.current.storedBytes;
  if (typeof recorded === 'number' && recorded >= 0) return recorded;
  const storedGb = action.evidence.statistics.storedGb;
  return typeof storedGb === 'number' && storedGb >= 0 ? storedGb * BYTES_PER_GB : undefined;
}

/**
 * A retention setting frees stored bytes, and storage is what the log group bills month after month:
 *   monthly cost = storedBytes ÷ 2³⁰ × $/GB-month (logs.storageGbMonthUsd)
 * before = the bytes recorded with the action, after = the bytes the latest inventory reports (DescribeLogGroups'
 * storedBytes, which lags deletions by up to a few days). Ingestion is the same either side and is left out. A log
 * group that no longer exists stores nothing.
 */
export const realisedLogGroup: CostModel = (input, _windows, prices): CostComparison | string => {
  const bytesBefore = storedBytesBefore(input.action);
  if (bytesBefore === undefined) return 'the action does not record the stored bytes it started from';
  let bytesAfter = 0;
  if (input.resource) {
    const config = LogGroupConfigSchema.safeParse(input.resource.config);
    if (!config.success) return 'the inventory has no valid configuration for the log group';
    bytesAfter = config.data.storedBytes;
  }
  const monthly = (bytes: number) => (bytes / BYTES_PER_GB) * prices.logs.storageGbMonthUsd;
  return {
    beforeMonthlyUsd: monthly(bytesBefore),
    afterMonthlyUsd: monthly(bytesAfter),
    method: input.resource ? 'stored bytes priced: before as recorded, after as inventoried' : 'stored bytes priced: log group deleted',
    basis: { storedGbBefore: round3(bytesBefore / BYTES_PER_GB), storedGbAfter: round3(bytesAfter / BYTES_PER_GB) },
  };
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;
