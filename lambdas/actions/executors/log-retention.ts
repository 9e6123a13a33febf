import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { alarmCheck } from '../validation/checks.js';
import type { Executor, ExecutorContext, LogsPort, PrecheckOutcome, RollbackOutcome, ValidationMetric, ValidationPlan } from './executor.js';
import { arnPart, eligibilityOf, inTagScope, InvalidExecutorAction, parseChange, tagScopeReason } from './support.js';

/**
 * Log-group retention (PutRetentionPolicy). Precheck: the group still has the recorded retention (`null` =
 * never expire) and is in the tag scope. Rollback: PutRetentionPolicy with the previous value, or
 * DeleteRetentionPolicy when it never expired. Caveat a rollback cannot undo: once the shorter retention is in
 * force CloudWatch Logs deletes older events (within about 72 h), and those are gone. Validation: ingestion unchanged —
 * IncomingLogEvents and IncomingBytes (AWS/Logs, per log group) must not drop by ≥ 50 % nor vanish (presence test), so a
 * change that broke whatever writes the group is caught; the group's CloudWatch alarms must not go into ALARM.
 */

export const LOG_RETENTION = 'log-retention';

/** The values PutRetentionPolicy accepts, in days. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const RetentionSchema = z.number().refine((days) => (RETENTION_DAYS as readonly number[]).includes(days), 'not a CloudWatch Logs retention value');
const CurrentSchema = z.object({ retentionDays: RetentionSchema.nullable() });
const ProposedSchema = z.object({ retentionDays: RetentionSchema });
const BeforeSchema = z.object({ logGroupName: z.string(), logGroupArn: z.string(), retentionDays: z.number().nullable() });

const parse = (action: Action) => parseChange(action, 'log-retention', CurrentSchema, ProposedSchema);
const logGroupNameOf = (action: Action) => arnPart(action, /:log-group:([^:]+)(?::\*)?$/, 'a CloudWatch Logs log group');

async function findLogGroup(logs: LogsPort, name: string): Promise<LogGroup | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await logs.describeLogGroups({ logGroupNamePrefix: name, nextToken });
    const found = (page.logGroups ?? []).find((group) => group.logGroupName === name);
    if (found) return found;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

/** The ARN ListTagsForResource takes: without the `:*` DescribeLogGroups puts on `arn`. */
function taggableArn(group: LogGroup, fallback: string): string {
  return group.logGroupArn ?? (group.arn ?? fallback).replace(/:\*$/, '');
}

const describeRetention = (days: number | null) => (days === null ? 'never expire' : `${days} days`);

/** A retention change of a log group ARN to a value CloudWatch Logs accepts. */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    const { current, proposed } = parse(action);
    logGroupNameOf(action);
    return current.retentionDays === proposed.retentionDays ? `the log group already keeps events ${proposed.retentionDays} days` : undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current, proposed } = parse(action);
  const name = logGroupNameOf(action);
  const logs = ctx.logs(action.resource.region);
  const group = await findLogGroup(logs, name);
  if (!group) return { ok: false, reason: `log group ${name} no longer exists` };
  const retention = group.retentionInDays ?? null;
  if (retention !== current.retentionDays) {
    return { ok: false, reason: `log group ${name} now keeps events ${describeRetention(retention)}, not ${describeRetention(current.retentionDays)}` };
  }
  if (retention === proposed.retentionDays) return { ok: false, reason: `log group ${name} already keeps events ${proposed.retentionDays} days` };
  const { tags = {} } = await logs.listTagsForResource({ resourceArn: taggableArn(group, action.resource.arn) });
  if (!inTagScope(tags, ctx)) return { ok: false, reason: tagScopeReason(`log group ${name}`, ctx) };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const name = logGroupNameOf(action);
  const group = await findLogGroup(ctx.logs(action.resource.region), name);
  if (!group) throw new InvalidExecutorAction(`Log group ${name} disappeared before its rollback point was recorded.`);
  return { logGroupName: name, logGroupArn: taggableArn(group, action.resource.arn), retentionDays: group.retentionInDays ?? null };
}

/** PutRetentionPolicy is idempotent by nature. */
async function apply(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const { proposed } = parse(action);
  const before = BeforeSchema.parse(beforeRecord);
  await ctx.logs(action.resource.region).putRetentionPolicy({ logGroupName: before.logGroupName, retentionInDays: proposed.retentionDays });
  return { logGroupName: before.logGroupName, retentionDays: proposed.retentionDays };
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const logs = ctx.logs(action.resource.region);
  const group = await findLogGroup(logs, before.logGroupName);
  if (!group) return { status: 'refused', reason: `log group ${before.logGroupName} no longer exists` };
  if ((group.retentionInDays ?? null) === before.retentionDays) {
    return { status: 'not-needed', reason: `log group ${before.logGroupName} still keeps events ${describeRetention(before.retentionDays)}` };
  }
  if (before.retentionDays === null) await logs.deleteRetentionPolicy({ logGroupName: before.logGroupName });
  else await logs.putRetentionPolicy({ logGroupName: before.logGroupName, retentionInDays: before.retentionDays });
  return { status: 'rolled-back', restored: before };
}

/** Ingestion unchanged: see the file comment. */
function validation(action: Action): ValidationPlan {
  const name = logGroupNameOf(action);
  const dimensions = [{ name: 'LogGroupName', value: name }];
  const ingestion = (metricName: string, unit: string): ValidationMetric => ({
    kind: 'level',
    name: metricName.charAt(0).toLowerCase() + metricName.slice(1),
    unit,
    inputs: { value: { namespace: 'AWS/Logs', metricName, dimensions, stat: 'Sum' } },
    combine: ({ value }) => value,
    worseWhen: 'lower',
    minRelativeEffect: 0.5,
    minAbsoluteEffect: 0,
  });
  return { metrics: [ingestion('IncomingLogEvents', 'events'), ingestion('IncomingBytes', 'bytes')], checks: [alarmCheck({ name: 'LogGroupName', value: name })] };
}

export const logRetention: Executor = {
  id: LOG_RETENTION,
  permissions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
