import type { Action } from '../../engine/types/action.js';
import type { ActionState, HeadroomStore } from '../../shared/store/store.js';
import type { Executor, ExecutorContext } from '../executors/executor.js';
import { findExecutor } from '../executors/index.js';
import type { OutcomeNotifier } from '../slack/outcome-notifier.js';
import { ApplyStepError, type ApplyState } from './apply-state.js';

/** Everything the apply steps need, injected so tests and the local demo can supply fakes. */
export interface ApplyStepDeps {
  store: HeadroomStore;
  executors: readonly Executor[];
  /** ENABLED_EXECUTORS: executor ids an operator switched on (all off by default, SPEC §9). */
  enabledExecutors: readonly string[];
  /** AWS ports (EC2, CloudWatch per region), clock and tag scope handed to executors. */
  context: ExecutorContext;
  notifier: OutcomeNotifier;
  now: () => Date;
  /**
   * ACCOUNT_ID, the account the apply functions run in and can change. Executors act only there, so precheck
   * refuses actions on resources of other (member) accounts. Unset (local demo, tests): not checked.
   */
  homeAccount?: string;
}

/** The actor recorded in audit entries written by the workflow itself. */
export const WORKFLOW_ACTOR = 'headroom-apply-workflow';

/**
 * The execution does not act on the decision it names: the stored decision has another version, was reopened or
 * settled, names another approver, or another execution claimed it. Nothing is changed; the step fails closed.
 */
export class ApprovalMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApprovalMismatch';
  }
}

/**
 * Why the stored decision does not back this execution, or undefined when it does: it must be the standing approval of
 * the version the input names, started as this very execution (the decision's executionName equals the execution's
 * own name, bound by the state machine from its context object), with no conflicting claim in the input. `claimed`:
 * the steps after Precheck also require this execution's claim on the decision (Precheck wrote it).
 */
export function approvalMismatch(decision: ActionState | undefined, state: ApplyState, claimed: boolean): string | undefined {
  const { actionId, decisionVersion } = state;
  const execution = state.binding?.execution;
  if (!decision) return `action ${actionId} has no standing decision (it was reopened, or never decided)`;
  if (decision.version !== decisionVersion) return `the execution names decision v${decisionVersion} of action ${actionId}, but v${decision.version} is the one standing`;
  if (decision.decision !== 'approved') return `decision v${decision.version} of action ${actionId} is ${decision.decision}, not approved`;
  if (execution === undefined || execution !== decision.executionName) {
    return `execution ${execution ?? '(unnamed)'} is not the one decision v${decision.version} of action ${actionId} started (${decision.executionName ?? 'none'})`;
  }
  if (state.approvedBy !== undefined && state.approvedBy !== decision.decidedBy) {
    return `the execution claims approval by ${state.approvedBy}, but decision v${decision.version} was approved by ${decision.decidedBy}`;
  }
  if (state.runId !== undefined && decision.runId !== undefined && state.runId !== decision.runId) {
    return `the execution claims run ${state.runId}, but decision v${decision.version} was made in run ${decision.runId}`;
  }
  if (decision.apply !== undefined && decision.apply.status !== 'started') return `decision v${decision.version} of action ${actionId} already ended ${decision.apply.status}`;
  if (claimed && decision.apply?.claim !== execution) return `decision v${decision.version} of action ${actionId} was not claimed by execution ${execution}`;
  return undefined;
}

/** Writes an audit record of the workflow; who approved comes from the stored decision, never from the input. */
export async function audit(deps: ApplyStepDeps, state: ApplyState, event: string, detail: Record<string, unknown>, decision?: ActionState): Promise<void> {
  const standing = decision ?? (await deps.store.getDecision(state.actionId));
  await deps.store.appendAudit({
    actionId: state.actionId,
    at: deps.now().toISOString(),
    actor: WORKFLOW_ACTOR,
    event,
    detail: {
      decisionVersion: state.decisionVersion,
      runId: standing?.version === state.decisionVersion ? (standing.runId ?? null) : null,
      approvedBy: standing?.version === state.decisionVersion ? standing.decidedBy : null,
      ...detail,
    },
  });
}

/**
 * Runs `step`; when it throws, audits `event` with the error (and `detail`) before rethrowing, so a failed step
 * leaves a record even if the state machine's Catch and NotifyOutcome never run.
 */
export async function auditingFailure<T>(deps: ApplyStepDeps, state: ApplyState, event: string, detail: Record<string, unknown>, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await audit(deps, state, event, { ...detail, error: errorText(error) });
    throw error;
  }
}

/** `Name: message` of a thrown value (the same Error/Cause pair Step Functions records). */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface Approval {
  decision: ActionState;
  action: Action;
  executor: Executor;
}

/**
 * For the steps after Precheck: the stored decision must still be the one this execution claimed (else an audited
 * ApprovalMismatch), and its action and executor must exist (Precheck proved it). Rollback passes `restoring`: a
 * change this execution made is undone even when the decision moved meanwhile (the mismatch is still audited), reading
 * the action from the run Precheck recorded.
 */
export async function loadApproval(deps: ApplyStepDeps, state: ApplyState, options: { restoring?: boolean } = {}): Promise<Omit<Approval, 'decision'> & { decision?: ActionState }> {
  const decision = await deps.store.getDecision(state.actionId);
  const mismatch = approvalMismatch(decision, state, true);
  if (mismatch) {
    await audit(deps, state, 'approval-mismatch', { reason: mismatch }, decision);
    if (!options.restoring) throw new ApprovalMismatch(`Refusing to act on action ${state.actionId}: ${mismatch}.`);
  }
  const runId = mismatch ? state.precheck?.runId : decision?.runId;
  const action = runId === undefined ? undefined : await deps.store.getAction(runId, state.actionId);
  if (!action) throw new ApplyStepError(`Action ${state.actionId} is not in run ${runId ?? '(none recorded)'}.`);
  const executorId = action.automation.executor;
  const executor = executorId ? findExecutor(executorId, deps.executors) : undefined;
  if (!executor) throw new ApplyStepError(`No executor is registered for action ${state.actionId} (${executorId ?? 'none'}).`);
  return { decision: mismatch ? undefined : decision, action, executor };
}
