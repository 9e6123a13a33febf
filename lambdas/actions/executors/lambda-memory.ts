import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { alarmCheck } from '../validation/checks.js';
import type { Executor, ExecutorContext, LambdaPort, PrecheckOutcome, RollbackOutcome, ValidationPlan } from './executor.js';
import { eligibilityOf, errorCode, inTagScope, InvalidExecutorAction, parseChange, pollUntil, tagScopeReason } from './support.js';

/**
 * Lambda memory size (UpdateFunctionConfiguration MemorySize). Alias-aware:
 * - An unqualified function ARN (or an alias pointing at $LATEST) changes $LATEST; callers of $LATEST see it.
 * - An alias ARN (`function:name:alias`) whose alias points at a published version: versions are immutable, so
 *   apply changes $LATEST, publishes a version from it and moves the alias to that version; rollback moves the
 *   alias back (instant) and restores $LATEST's memory. Precheck refuses when $LATEST's code differs from the
 *   aliased version's (publishing would ship unreleased code), when the alias splits traffic (RoutingConfig), and
 *   for a version-qualified ARN.
 * - Always: $LATEST must still have the recorded memory (never change a function whose configuration moved).
 * Waiting for LastUpdateStatus Successful is done in the Lambda, polling every 2 s at most 60 times (2 minutes,
 * inside the step's timeout): a memory update usually completes in seconds, and the state machine's Apply must
 * not be retried blindly. Still InProgress after that → OperationStillInProgress, which the workflow treats as a
 * failed apply and rolls back.
 */

export const LAMBDA_MEMORY = 'lambda-memory';

const CurrentSchema = z.object({ memoryMb: z.number().int().positive() });
/** Strict: the executor changes memory only, so an action proposing anything else (runtime, role, timeout...) is refused. */
const ProposedSchema = z.strictObject({ memoryMb: z.number().int().min(128).max(10240) });
const BeforeSchema = z.object({
  functionName: z.string(),
  memoryMb: z.number(),
  alias: z.string().optional(),
  aliasVersion: z.string().optional(),
});
type Before = z.infer<typeof BeforeSchema>;

const parse = (action: Action) => parseChange(action, 'Lambda memory', CurrentSchema, ProposedSchema);
const UPDATE_POLL = { attempts: 60, intervalMs: 2_000 };

interface Target {
  /** The function's unqualified ARN (what ListTags and UpdateFunctionConfiguration take). */
  functionArn: string;
  functionName: string;
  qualifier?: string;
}

function targetOf(action: Action): Target {
  const match = /^(arn:[^:]+:lambda:[^:]+:\d{12}:function:([A-Za-z0-9_-]+))(?::([A-Za-z0-9_$-]+))?$/.exec(action.resource.arn);
  if (!match) throw new InvalidExecutorAction(`Resource ${action.resource.arn} is not a Lambda function ARN.`);
  return { functionArn: match[1], functionName: match[2], qualifier: match[3] === '$LATEST' ? undefined : match[3] };
}

async function latest(lambda: LambdaPort, functionName: string): Promise<FunctionConfiguration | undefined> {
  try {
    return await lambda.getFunctionConfiguration({ FunctionName: functionName });
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** The version an alias points at, with its routing; undefined when the alias does not exist. */
async function aliasOf(lambda: LambdaPort, functionName: string, alias: string) {
  try {
    const found = await lambda.getAlias({ FunctionName: functionName, Name: alias });
    return { version: found.FunctionVersion ?? '$LATEST', weighted: Object.keys(found.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0 };
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** A memory-only change of a function or an alias (a published version is immutable). */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    parse(action);
    const target = targetOf(action);
    if (target.qualifier && /^\d+$/.test(target.qualifier)) {
      return `${action.resource.arn} names published version ${target.qualifier}, which is immutable; name the function or an alias`;
    }
    return undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current } = parse(action);
  const target = targetOf(action);
  const lambda = ctx.lambda(action.resource.region);
  const config = await latest(lambda, target.functionName);
  if (!config) return { ok: false, reason: `function ${target.functionName} no longer exists` };
  if (config.MemorySize !== current.memoryMb) {
    return { ok: false, reason: `function ${target.functionName} now has ${config.MemorySize} MB, not the ${current.memoryMb} MB the action was computed for` };
  }
  if (config.LastUpdateStatus === 'InProgress') return { ok: false, reason: `function ${target.functionName} has an update in progress` };
  const { Tags = {} } = await lambda.listTags({ Resource: target.functionArn });
  if (!inTagScope(Tags, ctx)) return { ok: false, reason: tagScopeReason(`function ${target.functionName}`, ctx) };
  if (target.qualifier) {
    const alias = await aliasOf(lambda, target.functionName, target.qualifier);
    if (!alias) return { ok: false, reason: `alias ${target.qualifier} of function ${target.functionName} no longer exists` };
    if (alias.weighted) return { ok: false, reason: `alias ${target.qualifier} splits traffic between versions; change it by hand` };
    if (alias.version !== '$LATEST') {
      const version = await lambda.getFunctionConfiguration({ FunctionName: target.functionName, Qualifier: alias.version });
      if (version.MemorySize !== current.memoryMb) {
        return { ok: false, reason: `version ${alias.version} behind alias ${target.qualifier} has ${version.MemorySize} MB, not ${current.memoryMb} MB` };
      }
      const differing = unpublishedSettings(config, version);
      if (differing.length > 0) {
        return {
          ok: false,
          reason: `$LATEST of ${target.functionName} differs from version ${alias.version} behind alias ${target.qualifier} in ${differing.join(', ')}; publishing it would ship that too`,
        };
      }
    }
  }
  return { ok: true };
}

/**
 * The settings PublishVersion copies from $LATEST into the new version (code and configuration, everything
 * but MemorySize, which is the change) that differ between $LATEST and the aliased version.
 */
const PUBLISHED_SETTINGS = [
  'CodeSha256',
  'Runtime',
  'Handler',
  'Role',
  'Timeout',
  'Environment',
  'Layers',
  'VpcConfig',
  'DeadLetterConfig',
  'TracingConfig',
  'KMSKeyArn',
  'FileSystemConfigs',
  'ImageConfigResponse',
  'Architectures',
  'EphemeralStorage',
  'SnapStart',
  'LoggingConfig',
  'PackageType',
  'RuntimeVersionConfig',
] as const satisfies readonly (keyof FunctionConfiguration)[];

export function unpublishedSettings(latestConfig: FunctionConfiguration, version: FunctionConfiguration): string[] {
  const comparable = (value: unknown) => JSON.stringify(value ?? null, (_key, inner: unknown) => normalised(inner));
  return PUBLISHED_SETTINGS.filter((key) => comparable(latestConfig[key]) !== comparable(version[key]));
}

/** Object keys sorted, and layers compared by ARN only, so ordering and size metadata do not count as a difference. */
function normalised(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.Arn === 'string' && 'CodeSize' in record) return record.Arn;
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const target = targetOf(action);
  const lambda = ctx.lambda(action.resource.region);
  const config = await latest(lambda, target.functionName);
  if (!config?.MemorySize) throw new InvalidExecutorAction(`Function ${target.functionName} disappeared before its rollback point was recorded.`);
  const before: Before = { functionName: target.functionName, memoryMb: config.MemorySize };
  if (target.qualifier) {
    const alias = await aliasOf(lambda, target.functionName, target.qualifier);
    if (!alias) throw new InvalidExecutorAction(`Alias ${target.qualifier} of ${target.functionName} disappeared before its rollback point was recorded.`);
    Object.assign(before, { alias: target.qualifier, aliasVersion: alias.version });
  }
  return before;
}

/** Sets $LATEST's memory (skipped when it already has it) and waits until the update is Successful. */
async function setMemory(ctx: ExecutorContext, lambda: LambdaPort, functionName: string, memoryMb: number): Promise<FunctionConfiguration> {
  const isSettled = (c: FunctionConfiguration | undefined) => c?.LastUpdateStatus !== 'InProgress';
  const what = `The configuration update of function ${functionName}`;
  let config = await pollUntil(ctx, () => latest(lambda, functionName), isSettled, { ...UPDATE_POLL, what });
  if (!config) throw new InvalidExecutorAction(`Function ${functionName} no longer exists.`);
  if (config.MemorySize !== memoryMb) {
    await lambda.updateFunctionConfiguration({ FunctionName: functionName, MemorySize: memoryMb, RevisionId: config.RevisionId });
    config = await pollUntil(ctx, () => latest(lambda, functionName), isSettled, { ...UPDATE_POLL, what });
    if (!config) throw new InvalidExecutorAction(`Function ${functionName} disappeared during its update.`);
  }
  if (config.LastUpdateStatus === 'Failed') {
    throw new Error(`Lambda could not apply ${memoryMb} MB to ${functionName}: ${config.LastUpdateStatusReasonCode ?? ''} ${config.LastUpdateStatusReason ?? ''}`.trim());
  }
  return config;
}

async function apply(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const { proposed } = parse(action);
  const before = BeforeSchema.parse(beforeRecord);
  const lambda = ctx.lambda(action.resource.region);
  const config = await setMemory(ctx, lambda, before.functionName, proposed.memoryMb);
  const after: Record<string, unknown> = { functionName: before.functionName, memoryMb: config.MemorySize };
  if (before.alias && before.aliasVersion && before.aliasVersion !== '$LATEST') {
    const alias = await aliasOf(lambda, before.functionName, before.alias);
    let version = alias?.version;
    // Idempotent: an alias already moved by an earlier attempt stays where it is.
    if (version === before.aliasVersion) {
      const published = await lambda.publishVersion({
        FunctionName: before.functionName,
        CodeSha256: config.CodeSha256,
        Description: `headroom: memory ${before.memoryMb} → ${proposed.memoryMb} MB`,
      });
      version = published.Version;
      await lambda.updateAlias({ FunctionName: before.functionName, Name: before.alias, FunctionVersion: version });
    }
    Object.assign(after, { alias: before.alias, aliasVersion: version });
  }
  return after;
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const lambda = ctx.lambda(action.resource.region);
  const config = await latest(lambda, before.functionName);
  if (!config) return { status: 'refused', reason: `function ${before.functionName} no longer exists, so it cannot be restored` };
  let changed = false;
  if (before.alias && before.aliasVersion) {
    // Moving the alias back first restores what callers run at once; $LATEST follows.
    const alias = await aliasOf(lambda, before.functionName, before.alias);
    if (alias && alias.version !== before.aliasVersion) {
      await lambda.updateAlias({ FunctionName: before.functionName, Name: before.alias, FunctionVersion: before.aliasVersion });
      changed = true;
    }
  }
  if (config.MemorySize !== before.memoryMb || config.LastUpdateStatus === 'InProgress') {
    await setMemory(ctx, lambda, before.functionName, before.memoryMb);
    changed = true;
  }
  if (!changed) return { status: 'not-needed', reason: `function ${before.functionName} still has ${before.memoryMb} MB` };
  return { status: 'rolled-back', restored: before };
}

/**
 * Duration p95 per minute (a level, block test) must not rise by ≥ 10 ms and ≥ 20 % (less memory means less CPU).
 * Errors per invocation (Errors / Invocations, quasi-binomial) must not rise by ≥ 1 percentage point and ≥ 50 %;
 * throttled share of invocation attempts (Throttles / (Invocations + Throttles); a throttled call is not an
 * invocation) likewise. Invocations vanishing after the change is a regression (presence test). With an alias, its
 * own metrics (Resource dimension `name:alias`) are compared. The function's CloudWatch alarms must not go into ALARM.
 */
function validation(action: Action): ValidationPlan {
  const target = targetOf(action);
  const dimensions = [{ name: 'FunctionName', value: target.functionName }];
  if (target.qualifier) dimensions.push({ name: 'Resource', value: `${target.functionName}:${target.qualifier}` });
  const input = (metricName: string, stat: string) => ({ namespace: 'AWS/Lambda', metricName, dimensions, stat });
  return {
    metrics: [
      { kind: 'level', name: 'durationP95', unit: 'ms', inputs: { value: input('Duration', 'p95') }, combine: ({ value }) => value, worseWhen: 'higher', minRelativeEffect: 0.2, minAbsoluteEffect: 10 },
      {
        kind: 'rate',
        name: 'errorRate',
        unit: 'errors per invocation',
        events: input('Errors', 'Sum'),
        exposure: { inputs: { invocations: input('Invocations', 'Sum') }, combine: ({ invocations }) => invocations },
        worseWhen: 'higher',
        minRelativeEffect: 0.5,
        minAbsoluteEffect: 0.01,
      },
      {
        kind: 'rate',
        name: 'throttleRate',
        unit: 'throttles per invocation attempt',
        events: input('Throttles', 'Sum'),
        exposure: { inputs: { invocations: input('Invocations', 'Sum'), throttles: input('Throttles', 'Sum') }, combine: ({ invocations, throttles }) => (invocations ?? 0) + (throttles ?? 0) || undefined },
        worseWhen: 'higher',
        minRelativeEffect: 0.5,
        minAbsoluteEffect: 0.01,
      },
    ],
    checks: [alarmCheck({ name: 'FunctionName', value: target.functionName })],
  };
}

export const lambdaMemory: Executor = {
  id: LAMBDA_MEMORY,
  permissions: [
    'lambda:GetFunctionConfiguration',
    'lambda:ListTags',
    'lambda:GetAlias',
    'lambda:UpdateFunctionConfiguration',
    'lambda:PublishVersion',
    'lambda:UpdateAlias',
  ],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
