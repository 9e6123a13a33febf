import type { TableDescription, UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { alarmCheck } from '../validation/checks.js';
import type { DynamoDbPort, Executor, ExecutorContext, PrecheckOutcome, RollbackOutcome, ValidationMetric, ValidationPlan } from './executor.js';
import { arnPart, eligibilityOf, errorCode, errorMessage, inTagScope, InvalidExecutorAction, parseChange, pollUntil, tagRecord, tagScopeReason } from './support.js';

/**
 * DynamoDB table billing mode (UpdateTable BillingMode). AWS's switch limits (DynamoDB developer guide,
 * "Considerations when switching capacity modes"): a table may switch from provisioned to on-demand at most
 * four times in a rolling 24 h; on-demand to provisioned at any time. DescribeTable only shows the LATEST switch
 * to on-demand (BillingModeSummary.LastUpdateToPayPerRequestDateTime), not the count, so:
 * - when the ROLLBACK would be a switch to on-demand (the action goes on-demand → provisioned) and the table
 *   already switched to on-demand within 24 h, precheck refuses: the rollback could be refused by AWS, and a
 *   change must not be made unless it can be undone;
 * - a rollback that AWS refuses anyway (LimitExceededException) is reported `refused` with when to retry.
 * Switching to PROVISIONED takes the action's proposed read/write capacity units, for the table and for each
 * global secondary index (`proposed.indexes`; precheck refuses when an index has none). The rollback point
 * records the table's and indexes' capacity, so rolling back to provisioned restores them.
 */

export const DYNAMODB_BILLING_MODE = 'dynamodb-billing-mode';

const BillingModeSchema = z.enum(['PROVISIONED', 'PAY_PER_REQUEST']);
const CapacitySchema = z.object({ readCapacityUnits: z.number().int().positive(), writeCapacityUnits: z.number().int().positive() });
const CurrentSchema = z.object({
  billingMode: BillingModeSchema,
  readCapacityUnits: z.number().optional(),
  writeCapacityUnits: z.number().optional(),
});
const ProposedSchema = z.union([
  z.object({ billingMode: z.literal('PAY_PER_REQUEST') }),
  CapacitySchema.extend({ billingMode: z.literal('PROVISIONED'), indexes: z.record(z.string(), CapacitySchema).default({}) }),
]);
const BeforeSchema = z.object({
  tableName: z.string(),
  billingMode: BillingModeSchema,
  readCapacityUnits: z.number().optional(),
  writeCapacityUnits: z.number().optional(),
  indexes: z.record(z.string(), z.object({ readCapacityUnits: z.number().optional(), writeCapacityUnits: z.number().optional() })),
  lastUpdateToPayPerRequest: z.string().optional(),
});
type Before = z.infer<typeof BeforeSchema>;

const parse = (action: Action) => parseChange(action, 'DynamoDB billing-mode', CurrentSchema, ProposedSchema);
const tableNameOf = (action: Action) => arnPart(action, /:table\/([A-Za-z0-9_.-]{3,255})$/, 'a DynamoDB table');
const SWITCH_WINDOW_MS = 24 * 3_600_000;
const ACTIVE_POLL = { attempts: 30, intervalMs: 10_000 };

/** A table without BillingModeSummary has never switched: it is provisioned. */
function billingModeOf(table: TableDescription): 'PROVISIONED' | 'PAY_PER_REQUEST' {
  return table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}

async function describeTable(dynamodb: DynamoDbPort, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamodb.describeTable({ TableName: tableName })).Table;
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** When a switch to on-demand made at `last` stops counting against the 24 h limit. */
function switchFreeAt(last: Date | undefined, now: Date): Date | undefined {
  if (!last) return undefined;
  const free = new Date(last.getTime() + SWITCH_WINDOW_MS);
  return free > now ? free : undefined;
}

/** A billing-mode switch of a DynamoDB table ARN (to provisioned only with the capacity to provision). */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    const { current, proposed } = parse(action);
    tableNameOf(action);
    return current.billingMode === proposed.billingMode ? `the table is already ${current.billingMode}` : undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current, proposed } = parse(action);
  const tableName = tableNameOf(action);
  const dynamodb = ctx.dynamodb(action.resource.region);
  const table = await describeTable(dynamodb, tableName);
  if (!table) return { ok: false, reason: `table ${tableName} no longer exists` };
  if (table.TableStatus !== 'ACTIVE') return { ok: false, reason: `table ${tableName} is ${table.TableStatus}, not ACTIVE` };
  const mode = billingModeOf(table);
  if (mode !== current.billingMode) return { ok: false, reason: `table ${tableName} is now ${mode}, not ${current.billingMode}` };
  if (mode === proposed.billingMode) return { ok: false, reason: `table ${tableName} is already ${mode}` };
  const throughput = table.ProvisionedThroughput;
  if (mode === 'PROVISIONED' && current.readCapacityUnits !== undefined && throughput?.ReadCapacityUnits !== current.readCapacityUnits) {
    return { ok: false, reason: `table ${tableName} now provisions ${throughput?.ReadCapacityUnits} RCU, not ${current.readCapacityUnits}` };
  }
  if (mode === 'PROVISIONED' && current.writeCapacityUnits !== undefined && throughput?.WriteCapacityUnits !== current.writeCapacityUnits) {
    return { ok: false, reason: `table ${tableName} now provisions ${throughput?.WriteCapacityUnits} WCU, not ${current.writeCapacityUnits}` };
  }
  if (proposed.billingMode === 'PROVISIONED') {
    const missing = (table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '').filter((name) => !(name in proposed.indexes));
    if (missing.length > 0) return { ok: false, reason: `the action proposes no provisioned capacity for index ${missing.join(', ')} of table ${tableName}` };
    // The rollback would switch back to on-demand, which AWS limits: see the file comment.
    const free = switchFreeAt(table.BillingModeSummary?.LastUpdateToPayPerRequestDateTime, ctx.now());
    if (free) {
      return {
        ok: false,
        reason: `table ${tableName} switched to on-demand at ${table.BillingModeSummary?.LastUpdateToPayPerRequestDateTime?.toISOString()}; AWS limits switches to on-demand to 4 per rolling 24 h, so a rollback might be refused — approve again after ${free.toISOString()}`,
      };
    }
  }
  const { Tags } = await dynamodb.listTagsOfResource({ ResourceArn: table.TableArn });
  if (!inTagScope(tagRecord(Tags), ctx)) return { ok: false, reason: tagScopeReason(`table ${tableName}`, ctx) };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const tableName = tableNameOf(action);
  const table = await describeTable(ctx.dynamodb(action.resource.region), tableName);
  if (!table) throw new InvalidExecutorAction(`Table ${tableName} disappeared before its rollback point was recorded.`);
  const before: Before = {
    tableName,
    billingMode: billingModeOf(table),
    readCapacityUnits: table.ProvisionedThroughput?.ReadCapacityUnits,
    writeCapacityUnits: table.ProvisionedThroughput?.WriteCapacityUnits,
    indexes: Object.fromEntries(
      (table.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName ?? '',
        { readCapacityUnits: index.ProvisionedThroughput?.ReadCapacityUnits, writeCapacityUnits: index.ProvisionedThroughput?.WriteCapacityUnits },
      ]),
    ),
    lastUpdateToPayPerRequest: table.BillingModeSummary?.LastUpdateToPayPerRequestDateTime?.toISOString(),
  };
  return before;
}

type Capacity = { readCapacityUnits?: number; writeCapacityUnits?: number };

/** The UpdateTable request switching to `mode`; provisioned capacity for the table and each index. */
function updateRequest(tableName: string, mode: 'PROVISIONED' | 'PAY_PER_REQUEST', table: Capacity, indexes: Record<string, Capacity>): UpdateTableCommandInput {
  if (mode === 'PAY_PER_REQUEST') return { TableName: tableName, BillingMode: mode };
  const units = (c: Capacity, what: string) => {
    if (!c.readCapacityUnits || !c.writeCapacityUnits) throw new InvalidExecutorAction(`No provisioned capacity is known for ${what} of table ${tableName}.`);
    return { ReadCapacityUnits: c.readCapacityUnits, WriteCapacityUnits: c.writeCapacityUnits };
  };
  const gsi = Object.entries(indexes).map(([IndexName, c]) => ({ Update: { IndexName, ProvisionedThroughput: units(c, `index ${IndexName}`) } }));
  return {
    TableName: tableName,
    BillingMode: mode,
    ProvisionedThroughput: units(table, 'the table'),
    ...(gsi.length > 0 ? { GlobalSecondaryIndexUpdates: gsi } : {}),
  };
}

/** Idempotent: a table already in the proposed mode is left alone. Returns without waiting for ACTIVE (the bake follows). */
async function apply(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const { proposed } = parse(action);
  const before = BeforeSchema.parse(beforeRecord);
  const dynamodb = ctx.dynamodb(action.resource.region);
  const table = await describeTable(dynamodb, before.tableName);
  if (!table) throw new InvalidExecutorAction(`Table ${before.tableName} no longer exists.`);
  if (billingModeOf(table) === proposed.billingMode) return { tableName: before.tableName, billingMode: proposed.billingMode, tableStatus: table.TableStatus };
  const request = proposed.billingMode === 'PROVISIONED' ? updateRequest(before.tableName, 'PROVISIONED', proposed, proposed.indexes) : updateRequest(before.tableName, 'PAY_PER_REQUEST', {}, {});
  const { TableDescription: updated } = await dynamodb.updateTable(request);
  return {
    tableName: before.tableName,
    billingMode: proposed.billingMode,
    ...(proposed.billingMode === 'PROVISIONED' ? { readCapacityUnits: proposed.readCapacityUnits, writeCapacityUnits: proposed.writeCapacityUnits } : {}),
    tableStatus: updated?.TableStatus,
  };
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const dynamodb = ctx.dynamodb(action.resource.region);
  let table = await describeTable(dynamodb, before.tableName);
  if (!table) return { status: 'refused', reason: `table ${before.tableName} no longer exists, so it cannot be restored` };
  if (billingModeOf(table) === before.billingMode) return { status: 'not-needed', reason: `table ${before.tableName} is still ${before.billingMode}` };
  // UpdateTable is refused while the table is UPDATING (the switch itself takes minutes).
  table = await pollUntil(ctx, () => describeTable(dynamodb, before.tableName), (t) => t?.TableStatus !== 'UPDATING', {
    ...ACTIVE_POLL,
    what: `Waiting for table ${before.tableName} to finish updating`,
  });
  try {
    await dynamodb.updateTable(updateRequest(before.tableName, before.billingMode, before, before.indexes));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'LimitExceededException') {
      const last = table?.BillingModeSummary?.LastUpdateToPayPerRequestDateTime;
      const retry = last ? ` (latest switch to on-demand at ${last.toISOString()}; retry after ${new Date(last.getTime() + SWITCH_WINDOW_MS).toISOString()})` : '';
      return {
        status: 'refused',
        reason: `AWS refused to switch table ${before.tableName} back to ${before.billingMode}: the 24-hour capacity-mode switch limit is reached${retry}: ${errorMessage(error)}`,
      };
    }
    if (code === 'ResourceInUseException') return { status: 'refused', reason: `table ${before.tableName} is busy (${errorMessage(error)}); switch it back to ${before.billingMode} by hand` };
    throw error;
  }
  return { status: 'rolled-back', restored: before };
}

/**
 * Throttling: ReadThrottleEvents and WriteThrottleEvents (Sum per minute; DynamoDB publishes them only when a request
 * is throttled, so a minute without a datapoint counts 0) compared as rates in time (quasi-Poisson): they must not
 * rise by ≥ 1 per minute and ≥ 50 %. Latency: SuccessfulRequestLatency Average of the main operations (per minute; DynamoDB
 * documents no percentiles for it) must not rise by ≥ 5 ms and ≥ 25 %; an operation the table does not serve has no
 * data and so cannot regress. Traffic: ConsumedRead/WriteCapacityUnits vanishing is a regression (the presence test).
 * The table's CloudWatch alarms must not go into ALARM.
 */
function validation(action: Action): ValidationPlan {
  const tableName = tableNameOf(action);
  const table = [{ name: 'TableName', value: tableName }];
  const throttles = (metricName: string): ValidationMetric => ({
    kind: 'rate',
    name: metricName.charAt(0).toLowerCase() + metricName.slice(1),
    unit: 'per minute',
    events: { namespace: 'AWS/DynamoDB', metricName, dimensions: table, stat: 'Sum' },
    worseWhen: 'higher',
    minRelativeEffect: 0.5,
    minAbsoluteEffect: 1,
  });
  const level = (name: string, metricName: string, stat: string, dimensions: { name: string; value: string }[], unit: string, worseWhen: 'higher' | 'lower', rel: number, abs: number): ValidationMetric => ({
    kind: 'level',
    name,
    unit,
    inputs: { value: { namespace: 'AWS/DynamoDB', metricName, dimensions, stat } },
    combine: ({ value }) => value,
    worseWhen,
    minRelativeEffect: rel,
    minAbsoluteEffect: abs,
  });
  const latency = (operation: string) => level(`latencyAverage${operation}`, 'SuccessfulRequestLatency', 'Average', [...table, { name: 'Operation', value: operation }], 'ms', 'higher', 0.25, 5);
  return {
    metrics: [
      throttles('ReadThrottleEvents'),
      throttles('WriteThrottleEvents'),
      ...['GetItem', 'Query', 'PutItem', 'UpdateItem'].map(latency),
      // Consumed capacity follows the workload, not the billing mode: only its vanishing matters (a 90 % drop).
      level('consumedReadCapacity', 'ConsumedReadCapacityUnits', 'Sum', table, 'units', 'lower', 0.9, 0),
      level('consumedWriteCapacity', 'ConsumedWriteCapacityUnits', 'Sum', table, 'units', 'lower', 0.9, 0),
    ],
    checks: [alarmCheck({ name: 'TableName', value: tableName })],
  };
}

export const dynamodbBillingMode: Executor = {
  id: DYNAMODB_BILLING_MODE,
  permissions: ['dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource', 'dynamodb:UpdateTable'],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
