import { createApplyStepHandlers, type ApplyStepHandlers } from '../../actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../actions/executors/index.js';
import type { InteractionDeps } from '../../actions/interactions/handle-interaction.js';
import type { PortsFor } from '../../collectors/ports.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { roleForLogicalId, type HandlerRole } from '../../../lib/handlers.js';
import { runLocalStateMachine, type LambdaHandler } from '../state-machine/run-state-machine.js';
import { createSampleExecutorContext } from './sample-executor-ports.js';

const APPLY_ROLES: Partial<Record<HandlerRole, keyof ApplyStepHandlers>> = {
  precheck: 'precheck',
  'rollback-point': 'rollbackPoint',
  apply: 'apply',
  validate: 'validate',
  rollback: 'rollback',
  'notify-outcome': 'notifyOutcome',
};

export interface LocalApplyOptions {
  store: HeadroomStore;
  /** The apply state machine definition the stack deploys (synthDefinitions().apply). */
  applyDefinition: Record<string, unknown>;
  portsFor: PortsFor;
  account: string;
  enabledExecutors: readonly string[];
  /** The channel the outcome goes to when the decision recorded none. */
  fallbackChannel: string;
  progress(line: string): void;
}

/** One apply execution started locally: its name, the Task/Wait states it went through, and its end. */
export interface LocalExecution {
  name: string;
  steps: string[];
  /** Resolves with the state machine's output (`{ outcome, ... }`) or rejects with its failure. */
  done: Promise<unknown>;
}

/**
 * The interactions handler's `startExecution` for a local run: like StartExecution it returns at once, and the
 * apply state machine the stack deploys runs in-process (aws-local-stepfunctions) over the real apply step
 * handlers, with every executor's calls answered by the sample account. Each state entered is printed.
 * Executions started are listed in `executions`, in order.
 */
export function createLocalApplyStarter(options: LocalApplyOptions): { startExecution: InteractionDeps['startExecution']; executions: LocalExecution[] } {
  const { progress } = options;
  const handlers = createApplyStepHandlers(
    {
      store: options.store,
      executors: EXECUTORS,
      enabledExecutors: [...options.enabledExecutors],
      context: createSampleExecutorContext(options.portsFor, options.account),
      notifier: {
        async post({ text }) {
          progress(`slack thread: ${text.split('\n')[0]}`);
          return { ts: `${Date.now() / 1000}` };
        },
      },
      now: () => new Date(),
    },
    { fallbackChannel: options.fallbackChannel },
  );
  const executions: LocalExecution[] = [];
  const startExecution: InteractionDeps['startExecution'] = async ({ name, input }) => {
    progress(`apply: starting execution ${name}`);
    const steps: string[] = [];
    const done = runLocalStateMachine({
      definition: options.applyDefinition,
      input,
      executionName: name,
      handlerFor: (logicalId) => {
        const role = roleForLogicalId(logicalId);
        const step = role ? APPLY_ROLES[role] : undefined;
        if (!step) throw new Error(`the apply state machine invokes ${logicalId}, which is not an apply step`);
        return handlers[step] as LambdaHandler;
      },
      onStateEntered: (state, type) => {
        if (type === 'Task' || type === 'Wait') steps.push(state);
        progress(`apply: ${state}`);
      },
    });
    executions.push({ name, steps, done });
    return { executionArn: `arn:aws:states:us-east-1:${options.account}:execution:ApplyStateMachine:${name}` };
  };
  return { startExecution, executions };
}

/** The `outcome` field of an apply execution's output, as text. */
export function outcomeOf(output: unknown): string {
  const outcome = (output as { outcome?: unknown } | null)?.outcome;
  return typeof outcome === 'string' ? outcome : JSON.stringify(outcome);
}
