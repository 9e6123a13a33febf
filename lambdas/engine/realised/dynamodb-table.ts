import { HOURS_PER_MONTH, type PriceBook } from '../pricing/price-book.js';
import { findSeries } from '../rules/support/series-window.js';
import { DynamoDbConfigSchema } from '../types/snapshot.js';
import type { CostComparison, CostModel } from './realised-savings.js';
import { pointsBetween, sum } from './usage-windows.js';

const MS_PER_HOUR = 3_600_000;

interface BillingMode {
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readCapacityUnits: number;
  writeCapacityUnits: number;
}

/** Monthly cost of consumed read/write units (per month) under one billing mode. */
function monthlyCost(mode: BillingMode, readUnits: number, writeUnits: number, prices: PriceBook['dynamoDb']): number {
  if (mode.billingMode === 'PAY_PER_REQUEST') return readUnits * prices.readRequestUnitUsd + writeUnits * prices.writeRequestUnitUsd;
  return (mode.readCapacityUnits * prices.rcuHourUsd + mode.writeCapacityUnits * prices.wcuHourUsd) * HOURS_PER_MONTH;
}

function recordedMode(current: Record<string, unknown>): BillingMode | undefined {
  const mode = current.billingMode;
  if (mode === 'PAY_PER_REQUEST') return { billingMode: mode, readCapacityUnits: 0, writeCapacityUnits: 0 };
  if (mode !== 'PROVISIONED') return undefined;
  const rcu = current.readCapacityUnits;
  const wcu = current.writeCapacityUnits;
  if (typeof rcu !== 'number' || typeof wcu !== 'number') return undefined;
  return { billingMode: mode, readCapacityUnits: rcu, writeCapacityUnits: wcu };
}

/**
 * A billing-mode switch changes the price of the same traffic, so both sides are priced on the traffic observed
 * AFTER the change (a traffic change is not counted as savings). With R, W = consumed read/write units in the after
 * window (AWS/DynamoDB ConsumedRead/WriteCapacityUnits, Sum) scaled to a 730-hour month:
 *   on demand   = R × $/read request unit + W × $/write request unit
 *   provisioned = (RCU × $/RCU-hour + WCU × $/WCU-hour) × 730
 * before = the mode (and units) recorded in the action's `current`, after = the mode and units the inventory reports.
 * DynamoDB emits no datapoint for a period without traffic, so a missing point counts as zero units. Provisioned
 * units under auto scaling move with the load; the inventoried units are a snapshot of them (see basis).
 */
export const realisedDynamoDbTable: CostModel = (input, windows, prices): CostComparison | string => {
  const before = recordedMode(input.action.current);
  if (!before) return 'the action does not record the billing mode (and provisioned units) it started from';
  if (!input.resource) return 'the table no longer exists';
  const config = DynamoDbConfigSchema.safeParse(input.resource.config);
  if (!config.success) return 'the inventory has no valid configuration for the table';
  const after: BillingMode = {
    billingMode: config.data.billingMode,
    readCapacityUnits: config.data.readCapacityUnits ?? 0,
    writeCapacityUnits: config.data.writeCapacityUnits ?? 0,
  };
  const reads = findSeries(input.series, 'ConsumedReadCapacityUnits', ['Sum']);
  const writes = findSeries(input.series, 'ConsumedWriteCapacityUnits', ['Sum']);
  if (!reads && !writes) return 'no ConsumedReadCapacityUnits or ConsumedWriteCapacityUnits (Sum) series';
  const { from, to } = windows.after;
  const toMonthly = (units: number) => (units * HOURS_PER_MONTH) / ((to - from) / MS_PER_HOUR);
  const readUnits = toMonthly(sum(pointsBetween(reads, from, to).values));
  const writeUnits = toMonthly(sum(pointsBetween(writes, from, to).values));
  return {
    beforeMonthlyUsd: monthlyCost(before, readUnits, writeUnits, prices.dynamoDb),
    afterMonthlyUsd: monthlyCost(after, readUnits, writeUnits, prices.dynamoDb),
    method: 'consumed capacity after the change priced under the old and the new billing mode',
    basis: {
      billingModeBefore: before.billingMode,
      billingModeAfter: after.billingMode,
      readUnitsPerMonth: Math.round(readUnits),
      writeUnitsPerMonth: Math.round(writeUnits),
      ...(before.billingMode === 'PROVISIONED' ? { rcuBefore: before.readCapacityUnits, wcuBefore: before.writeCapacityUnits } : {}),
      ...(after.billingMode === 'PROVISIONED' ? { rcuAfter: after.readCapacityUnits, wcuAfter: after.writeCapacityUnits } : {}),
    },
  };
};
