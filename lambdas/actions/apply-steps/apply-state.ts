import { z } from 'zod';

/**
 * The apply state machine's state object (docs/safe-apply.md "Approvals bound to their execution").
 * Execution input is `{ actionId, decisionVersion }` and nothing else carries authority: every step reads who
 * approved, the run and the Slack thread from the stored decision of that version. Each step's result is added at its
 * ResultPath ($.precheck, $.rollbackPoint, $.apply, $.validation, $.rollback, $.outcome) and every step handler
 * receives the whole object.
 */

export const MAX_ACTION_ID_LENGTH = 512;

export const ApplyExecutionInputSchema = z.object({
  actionId: z.string().min(1).max(MAX_ACTION_ID_LENGTH),
  decisionVersion: z.number().int().positive(),
  /**
   * Claims an older or forged input may carry. They are never trusted: an execution whose claim differs from the stored
   * decision fails closed (skipped, audited as approval-mismatch) and leaves the decision alone.
   */
  approvedBy: z.string().optional(),
  runId: z.string().optional(),
});
export type ApplyExecutionInput = z.infer<typeof ApplyExecutionInputSchema>;

/** `runId`: the run the approved action was read from (from the decision), for a Rollback after the decision moved. */
export const PrecheckResultSchema = z.object({ ok: z.boolean(), reason: z.string().optional(), runId: z.string().optional() });

/**
 * Set by the state machine's first state from the context object (`$$.Execution.Name`), never from the input: the
 * execution's own name, which must be the one the decision recorded when the approval started it.
 */
export const ExecutionBindingSchema = z.object({ execution: z.string().min(1) });
export type PrecheckResult = z.infer<typeof PrecheckResultSchema>;

export const RollbackPointSchema = z.object({ recordedAt: z.iso.datetime(), before: z.record(z.string(), z.unknown()) });
export type RollbackPoint = z.infer<typeof RollbackPointSchema>;

export const ApplyResultSchema = z.object({ appliedAt: z.iso.datetime(), after: z.record(z.string(), z.unknown()) });
export type ApplyResult = z.infer<typeof ApplyResultSchema>;

/**
 * `verdict` 'insufficient-data': the state machine waits another bake (ExtendBake) and validates again; `extensions`
 * counts those waits. 'unvalidated': still undecided after the last one, so the change is rolled back (regressed true).
 */
export const ValidationResultSchema = z.object({
  regressed: z.boolean(),
  verdict: z.enum(['passed', 'regressed', 'insufficient-data', 'unvalidated']).optional(),
  extensions: z.number().int().nonnegative().optional(),
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
  binding: ExecutionBindingSchema.optional(),
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
