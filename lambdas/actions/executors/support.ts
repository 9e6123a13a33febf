import type { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import type { ExecutorContext, PrecheckOutcome } from './executor.js';

/** Helpers shared by the executors: typed input errors, AWS error codes, bounded polling, tag scope. */

/** The action does not describe the change its executor makes (wrong shape or resource ARN). */
export class InvalidExecutorAction extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidExecutorAction';
  }
}

/** An asynchronous AWS operation did not finish within the step's polling bound. */
export class OperationStillInProgress extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationStillInProgress';
  }
}

/**
 * A rollback AWS cannot do yet but will allow later (an EBS modification still `optimizing`, or the 6-hour
 * cooldown between modifications of one volume). The apply state machine retries the Rollback step on this
 * error name (lib/constructs/apply-workflow.ts ROLLBACK_NOT_YET_POSSIBLE_RETRY); a rollback that can never
 * succeed returns `refused` instead.
 */
export class RollbackNotYetPossible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackNotYetPossible';
  }
}

/**
 * KMS actions EC2 performs with the caller's permissions when it starts an instance, or creates a volume, whose EBS
 * data is encrypted with a customer-managed key (EBS user guide, "Permissions for users": CreateGrant, Decrypt,
 * DescribeKey, GenerateDataKeyWithoutPlaintext, ReEncrypt). lib/executor-permissions.ts grants them only through
 * EC2 (kms:ViaService) and CreateGrant only for AWS resources (kms:GrantIsForAWSResource). The AWS-managed key
 * aws/ebs needs none of them.
 */
export const EBS_KMS_PERMISSIONS = ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

/** The SDK v3 error name (e.g. `InvalidVolume.NotFound`), or undefined for non-AWS errors. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { name?: unknown; Code?: unknown }).name ?? (error as { Code?: unknown }).Code;
  return typeof candidate === 'string' ? candidate : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses `action.current` / `action.proposed` with the executor's schemas, or throws one clear sentence. */
export function parseChange<C extends z.ZodType, P extends z.ZodType>(
  action: Action,
  kind: string,
  currentSchema: C,
  proposedSchema: P,
): { current: z.infer<C>; proposed: z.infer<P> } {
  const current = currentSchema.safeParse(action.current);
  const proposed = proposedSchema.safeParse(action.proposed);
  if (!current.success || !proposed.success) {
    throw new InvalidExecutorAction(
      `Action ${action.id} is not a ${kind} change (current ${JSON.stringify(action.current)}, proposed ${JSON.stringify(action.proposed)}).`,
    );
  }
  return { current: current.data, proposed: proposed.data };
}

/**
 * An eligibility verdict from `check`, which returns why the action is not eligible (or undefined) and may throw
 * InvalidExecutorAction for an action of the wrong shape (its message is the reason).
 */
export function eligibilityOf(check: () => string | undefined): PrecheckOutcome {
  try {
    const reason = check();
    return reason === undefined ? { ok: true } : { ok: false, reason };
  } catch (error) {
    if (error instanceof InvalidExecutorAction) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The part of the ARN `arn` that `pattern` captures in its first group, or throws naming the expected kind. */
export function arnPart(action: Action, pattern: RegExp, kind: string): string {
  const match = pattern.exec(action.resource.arn);
  if (!match?.[1]) throw new InvalidExecutorAction(`Resource ${action.resource.arn} is not ${kind} ARN.`);
  return match[1];
}

/** True when no tag scope is configured, or `tags` carries the scope's key=value. */
export function inTagScope(tags: Record<string, string | undefined>, ctx: ExecutorContext): boolean {
  if (!ctx.tagScope) return true;
  return tags[ctx.tagScope.key] === ctx.tagScope.value;
}

export function tagScopeReason(what: string, ctx: ExecutorContext): string {
  return `${what} lacks the tag ${ctx.tagScope?.key}=${ctx.tagScope?.value} required by the tag scope`;
}

/** EC2/DynamoDB-style tag list → record. */
export function tagRecord(tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key as string, tag.Value ?? '']));
}

export interface PollOptions {
  /** How many times `read` is called at most. */
  attempts: number;
  intervalMs: number;
  /** Names the wait in the OperationStillInProgress error. */
  what: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads until `done(value)` holds, sleeping `intervalMs` between reads, at most `attempts` reads; then throws
 * OperationStillInProgress. The bound keeps a step inside its Lambda timeout (attempts × interval < timeout).
 */
export async function pollUntil<T>(ctx: ExecutorContext, read: () => Promise<T>, done: (value: T) => boolean, options: PollOptions): Promise<T> {
  const sleep = ctx.sleep ?? realSleep;
  for (let attempt = 1; ; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    if (attempt >= options.attempts) {
      throw new OperationStillInProgress(`${options.what} did not finish within ${Math.round((options.attempts * options.intervalMs) / 1000)} s.`);
    }
    await sleep(options.intervalMs);
  }
}
