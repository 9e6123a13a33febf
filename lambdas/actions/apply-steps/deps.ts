import type { Action } from '../../engine/types/action.js';
import type { HeadroomStore } from '../../shared/store/store.js';
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

export async function audit(deps: ApplyStepDeps, state: ApplyState, event: string, detail: Record<string, unknown>): Promise<void> {
  await deps.store.appendAudit({
    actionId: state.actionId,
    at: deps.now().toISOString(),
    actor: WORKFLOW_ACTOR,
    event,
    detail: { runId: state.runId, approvedBy: state.approvedBy, ...detail },
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

/** For the steps after precheck: the action and its executor must exist (precheck proved it). */
export async function loadActionAndExecutor(deps: ApplyStepDeps, state: ApplyState): Promise<{ action: Action; executor: Executor }> {
  const action = await deps.store.getAction(state.runId, state.actionId);
  if (!action) throw new ApplyStepError(`Action ${state.actionId} is not in run ${state.runId}.`);
  const executorId = action.automation.executor;
  const executor = executorId ? findExecutor(executorId, deps.executors) : undefined;
  if (!executor) throw new ApplyStepError(`No executor is registered for action ${state.actionId} (${executorId ?? 'none'}).`);
  return { action, executor };
}
