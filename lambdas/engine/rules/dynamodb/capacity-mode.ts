import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries, type WindowedSeries } from '../support/series-window.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { withStableId } from '../../prioritise/stable-id.js';

export const CAPACITY_MODE_RULE_ID = 'dynamodb/capacity-mode';
/** A switch is proposed only when it saves ≥ 5 % and ≥ $1/month (the floor of the other rules). */
const MIN_SAVINGS_SHARE = 0.05;
const MIN_MONTHLY_SAVINGS_USD = 1;
/** Target utilisation of provisioned capacity: DynamoDB auto scaling's default (70 %). */
const TARGET_UTILISATION = 0.7;
/** Switching to provisioned needs a week of traffic: a shorter window has not seen a weekly peak. */
const MIN_DAYS_FOR_PROVISIONED = 7;
/** Provisioned → on-demand is limited by AWS; on-demand → provisioned is not. Quoted in the evidence. */
const SWITCH_LIMIT =
  'provisioned → on-demand at most 4 times per rolling 24 h; on-demand → provisioned at any time ' +
  '(https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-switching-capacity-modes.html)';

/** Monthly consumed units and the peak rate: Sum per period → units; Sum ÷ periodSec → mean units/s in that period. */
function consumption(window: WindowedSeries | undefined, now: number): { perMonth: number; peakPerSecond: number; spanHours: number } {
  if (!window || window.values.length === 0) return { perMonth: 0, peakPerSecond: 0, spanHours: 0 };
  const total = window.values.reduce((a, b) => a + b, 0);
  const spanHours = Math.max(1, (now - window.timestamps[0]) / 3_600_000 + window.series.periodSec / 3600);
  const peak = window.values.reduce((a, b) => Math.max(a, b), 0) / window.series.periodSec;
  return { perMonth: (total * HOURS_PER_MONTH) / spanHours, peakPerSecond: peak, spanHours };
}

/**
 * DynamoDB capacity mode from consumed capacity (AWS/DynamoDB ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits,
 * Sum per period). One consumed unit is one request unit on demand, so with R, W = consumed units a month (the
 * window's sums scaled to 730 h) and prices from the price book (on-demand per request unit after the Nov-2024 cut):
 *
 *   onDemand    = R × $/RRU + W × $/WRU
 *   provisioned = (RCU × $/RCU-h + WCU × $/WCU-h) × 730
 *
 * - PROVISIONED table (RCU, WCU from its config): when onDemand < provisioned → PAY_PER_REQUEST. Low average
 *   utilisation is what makes it cheaper (break-even ≈ 29 % average utilisation of the provisioned units).
 *   Performance risk 0: on demand serves up to double the previous peak at once. With auto scaling the configured
 *   units move with the load, so the comparison uses today's units and confidence × 0.7.
 * - PAY_PER_REQUEST table with ≥ 7 days observed: units = ⌈peak units/s ÷ 0.7⌉ (the peak of the per-period means,
 *   sized to auto scaling's default 70 % target), priced flat for the month (conservative: auto scaling would lower
 *   it); when that is below onDemand → PROVISIONED with auto scaling at 70 %. Only steady, high traffic passes
 *   (average ≳ 40 % of the peak). Performance risk 2: bursts shorter than the period are invisible in the sums and
 *   can throttle.
 * Both need savings ≥ 5 % and ≥ $1/month, and both consumed series (read and write) collected: a missing series is
 * unknown consumption, never zero (a series without points in the window is zero: DynamoDB omits idle periods). Confidence = coverage × min(1, days / lookback) of the sparser series
 * (DynamoDB reports no datapoint for a period without traffic, so coverage counts as 1 when any day has data).
 * AWS's switch limit is in the evidence. Executor 'dynamodb-billing-mode'. The id names the target mode only.
 */
export const capacityMode: Rule = {
  id: CAPACITY_MODE_RULE_ID,
  domain: 'database',
  resourceType: 'dynamodb:table',
  summary: 'Switch a DynamoDB table between provisioned and on-demand capacity when the consumed capacity costs less in the other mode.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'dynamodb:table');
    const prices = context.prices.dynamoDb;
    const readSeries = findSeries(slice.series, 'ConsumedReadCapacityUnits', ['Sum']);
    const writeSeries = findSeries(slice.series, 'ConsumedWriteCapacityUnits', ['Sum']);
    // Both directions are needed either way: a missing series is unknown consumption, not zero (zero would make
    // on-demand look free, or size the other direction's provisioned units at 1).
    if (!readSeries || !writeSeries) return [];
    const readWindow = windowSeries(readSeries, context.now, context.lookbackDays);
    const writeWindow = windowSeries(writeSeries, context.now, context.lookbackDays);
    const read = consumption(readWindow, context.now);
    const write = consumption(writeWindow, context.now);
    const daysObserved = Math.max(readWindow.daysObserved, writeWindow.daysObserved);
    if (daysObserved === 0) return [];
    const onDemand = read.perMonth * prices.readRequestUnitUsd + write.perMonth * prices.writeRequestUnitUsd;
    const provisionedCost = (rcu: number, wcu: number) => (rcu * prices.rcuHourUsd + wcu * prices.wcuHourUsd) * HOURS_PER_MONTH;

    let proposed: Record<string, unknown>;
    let current: Record<string, unknown>;
    let currentCost: number;
    let proposedCost: number;
    let performanceRisk: number;
    let confidenceFactor = 1;
    if (config.billingMode === 'PROVISIONED') {
      const rcu = config.readCapacityUnits ?? 0;
      const wcu = config.writeCapacityUnits ?? 0;
      current = { billingMode: 'PROVISIONED', readCapacityUnits: rcu, writeCapacityUnits: wcu, autoScaling: config.autoScaling };
      proposed = { billingMode: 'PAY_PER_REQUEST' };
      currentCost = provisionedCost(rcu, wcu);
      proposedCost = onDemand;
      performanceRisk = 0;
      if (config.autoScaling) confidenceFactor = 0.7;
    } else {
      if (daysObserved < MIN_DAYS_FOR_PROVISIONED) return [];
      const rcu = Math.max(1, Math.ceil(read.peakPerSecond / TARGET_UTILISATION));
      const wcu = Math.max(1, Math.ceil(write.peakPerSecond / TARGET_UTILISATION));
      current = { billingMode: 'PAY_PER_REQUEST' };
      proposed = { billingMode: 'PROVISIONED', readCapacityUnits: rcu, writeCapacityUnits: wcu, autoScalingTargetPercent: TARGET_UTILISATION * 100 };
      currentCost = onDemand;
      proposedCost = provisionedCost(rcu, wcu);
      performanceRisk = 2;
    }
    const savings = currentCost - proposedCost;
    if (savings < Math.max(MIN_MONTHLY_SAVINGS_USD, currentCost * MIN_SAVINGS_SHARE)) return [];

    // The costlier direction with data (daysObserved > 0 above guarantees one has points).
    const readDecides = readWindow.values.length > 0 && (writeWindow.values.length === 0 || read.perMonth * prices.readRequestUnitUsd >= write.perMonth * prices.writeRequestUnitUsd);
    const deciding = readDecides ? readWindow : writeWindow;
    const { quantiles } = evidenceQuantiles(deciding.values.map((v) => v / deciding.series.periodSec));
    const series = [readWindow, writeWindow]
      .filter((w): w is WindowedSeries => w !== undefined && w.values.length > 0)
      .map((w) => excerpt(w.series.metricName, w.series.stat, w.series.unit ?? 'Count', w.timestamps, w.values));

    const finding = buildFinding({
      ruleId: CAPACITY_MODE_RULE_ID,
      domain: 'database',
      resource: slice.resource,
      current,
      proposed,
      monthlySavingsUsd: savings,
      performanceRisk,
      confidence: roundTo(dataConfidence(1, daysObserved, context.lookbackDays) * confidenceFactor, 2),
      effort: 'low',
      restartRequired: false,
      reversible: true,
      evidence: {
        statistics: {
          consumedReadUnitsPerMonth: Math.round(read.perMonth),
          consumedWriteUnitsPerMonth: Math.round(write.perMonth),
          peakReadUnitsPerSecond: roundTo(read.peakPerSecond),
          peakWriteUnitsPerSecond: roundTo(write.peakPerSecond),
          onDemandMonthlyUsd: roundTo(onDemand, 2),
          currentMonthlyUsd: roundTo(currentCost, 2),
          proposedMonthlyUsd: roundTo(proposedCost, 2),
          targetUtilisationPercent: TARGET_UTILISATION * 100,
          daysObserved,
          switchLimit: SWITCH_LIMIT,
        },
        quantiles,
        series,
        sources: ['cloudwatch', ...context.prices.sources],
      },
      automation: { executor: 'dynamodb-billing-mode' },
      carbonKgCo2eMonthly: 0,
    });
    return [withStableId(finding, { billingMode: proposed.billingMode })];
  },
};
