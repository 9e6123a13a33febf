import { z } from 'zod';

/**
 * The apply state machine's state object (docs: /work/notes/contracts.md "Apply state machine").
 * Execution input is `{ runId, actionId, approvedBy, slack? }`; each step's result is added at its
 * ResultPath ($.precheck, $.rollbackPoint, $.apply, $.validation, $.rollback, $.outcome) and every
 * step handler receives the whole object.
 */

export const SlackThreadSchema = z.object({ channelId: z.string().min(1), messageTs: z.string().min(1) });

export const ApplyExecutionInputSchema = z.object({
  runId: z.string().min(1),
  actionId: z.string().min(1),
  approvedBy: z.string().min(1),
  /** Where the approval was clicked; the outcome is posted in that message's thread. */
  slack: SlackThreadSchema.optional(),
});
export type ApplyExecutionInput = z.infer<typeof ApplyExecutionInputSchema>;

export const PrecheckResultSchema = z.object({ ok: z.boolean(), reason: z.string().optional() });
export type PrecheckResult = z.infer<typeof PrecheckResultSchema>;

export const RollbackPointSchema = z.object({ recordedAt: z.iso.datetime(), before: z.record(z.string(), z.unknown()) });
export type RollbackPoint = z.infer<typeof RollbackPointSchema>;

export const ApplyResultSchema = z.object({ appliedAt: z.iso.datetime(), after: z.record(z.string(), z.unknown()) });
export type ApplyResult = z.infer<typeof ApplyResultSchema>;

export const ValidationResultSchema = z.object({
  regressed: z.boolean(),
  test: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ValidationResult = z.infer<typeof ValidationResultSchema>;

export const RollbackResultSchema = z.object({
  status: z.enum(['rolled-back', 'not-needed', 'refused']),
  at: z.iso.datetime(),
  /** Why AWS refused (error code and message) or why nothing was needed. */
  reason: z.string().optional(),
  restored: z.record(z.string(), z.unknown()).optional(),
});
export type RollbackResult = z.infer<typeof RollbackResultSchema>;

/**
 * Set by a Pass before NotifyOutcome (lib/constructs/apply-workflow.ts APPLY_OUTCOMES): 'failed' when
 * precheck or the rollback point errored (nothing was changed), 'rollback-failed' when Rollback itself
 * errored or AWS refused it (the resource may be left changed).
 */
export const OutcomeSchema = z.enum(['applied', 'skipped', 'rolled-back', 'failed', 'rollback-failed']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Step Functions' Catch output placed at a ResultPath: `{ Error, Cause }`. */
export const CaughtErrorSchema = z.object({ Error: z.string(), Cause: z.string().optional() });

export const ApplyStateSchema = ApplyExecutionInputSchema.extend({
  precheck: PrecheckResultSchema.optional(),
  rollbackPoint: RollbackPointSchema.optional(),
  apply: z.union([ApplyResultSchema, CaughtErrorSchema]).optional(),
  validation: ValidationResultSchema.optional(),
  rollback: RollbackResultSchema.optional(),
  outcome: OutcomeSchema.optional(),
  /** Apply's or Validate's caught error (what triggered the rollback), or Precheck's / RollbackPoint's. */
  error: CaughtErrorSchema.optional(),
  /** Rollback's own caught error, kept apart so it does not overwrite the error that triggered the rollback. */
  rollbackError: CaughtErrorSchema.optional(),
});
export type ApplyState = z.infer<typeof ApplyStateSchema>;

/** A typed failure of an apply step; Step Functions sees `name` as the Error and `message` as the Cause. */
export class ApplyStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyStepError';
  }
}

/** Parses the state, naming the step so a malformed state fails with one clear sentence. */
export function parseApplyState(step: string, event: unknown): ApplyState {
  const parsed = ApplyStateSchema.safeParse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new ApplyStepError(`The ${step} step received a malformed apply state (${issues}).`);
  }
  return parsed.data;
}
