import { HOURS_PER_MONTH } from '../pricing/price-book.js';
import { findSeries } from '../rules/support/series-window.js';
import { Ec2ConfigSchema } from '../types/snapshot.js';
import type { CostComparison, CostModel } from './realised-savings.js';
import { coverage, pointsBetween } from './usage-windows.js';

/**
 * EC2 bills running hours at the instance type's hourly price. Running share of a window = CPUUtilization points
 * present ÷ points expected (CloudWatch emits the metric only while the instance runs), so
 *   monthly cost = running share × $/hour(type) × 730
 * with the type recorded in the action before the change and the inventoried type after it. A stopped instance
 * shows as a running share near 0 after; a terminated one (gone from the inventory) costs nothing after.
 */
export const realisedEc2Instance: CostModel = (input, windows, prices): CostComparison | string => {
  const typeBefore = input.action.current.instanceType;
  if (typeof typeBefore !== 'string') return 'the action does not record the instance type it started from';
  const priceBefore = prices.ec2HourlyUsd(typeBefore);
  if (priceBefore === undefined) return `no price for ${typeBefore}`;
  const cpu = findSeries(input.series, 'CPUUtilization', ['Average', 'Maximum']);
  if (!cpu) return 'no CPUUtilization series to count running hours from';
  const beforePoints = pointsBetween(cpu, windows.before.from, windows.before.to);
  const shareBefore = coverage(beforePoints, cpu.periodSec, windows.before.from, windows.before.to);
  if (shareBefore === 0) return 'no CPUUtilization data before the change';
  const beforeMonthlyUsd = shareBefore * priceBefore * HOURS_PER_MONTH;
  if (!input.resource) {
    return { beforeMonthlyUsd, afterMonthlyUsd: 0, method: 'running hours × hourly price: instance terminated', basis: { runningShareBefore: round3(shareBefore) } };
  }
  const config = Ec2ConfigSchema.safeParse(input.resource.config);
  if (!config.success) return 'the inventory has no valid configuration for the instance';
  const priceAfter = prices.ec2HourlyUsd(config.data.instanceType);
  if (priceAfter === undefined) return `no price for ${config.data.instanceType}`;
  const shareAfter = coverage(pointsBetween(cpu, windows.after.from, windows.after.to), cpu.periodSec, windows.after.from, windows.after.to);
  return {
    beforeMonthlyUsd,
    afterMonthlyUsd: shareAfter * priceAfter * HOURS_PER_MONTH,
    method: 'running hours × hourly price',
    basis: { instanceTypeBefore: typeBefore, instanceTypeAfter: config.data.instanceType, runningShareBefore: round3(shareBefore), runningShareAfter: round3(shareAfter) },
  };
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;
