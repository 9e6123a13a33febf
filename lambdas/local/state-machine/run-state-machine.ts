import '../polyfills.js';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';

type LocalTaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Parameters<LocalTaskHandlers[string]>[0];

export type LambdaHandler = (event: unknown) => Promise<unknown>;

interface TaskState {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Retry?: unknown[];
  ItemProcessor?: { States: Record<string, TaskState> };
  Iterator?: { States: Record<string, TaskState> };
  Branches?: { States: Record<string, TaskState> }[];
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Every state in the machine, including those nested in Map iterators and Parallel branches. */
function allStates(states: Record<string, TaskState>): [string, TaskState][] {
  return Object.entries(states).flatMap(([name, state]) => {
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])].filter((child) => child !== undefined);
    return [[name, state] as [string, TaskState], ...nested.flatMap((child) => allStates(child.States))];
  });
}

/** The function a Lambda task invokes: its ARN (or name) ends in the function's logical id. */
function functionIdOf(state: TaskState): string | undefined {
  const target = state.Resource === LAMBDA_INVOKE ? state.Parameters?.FunctionName : state.Resource;
  if (typeof target !== 'string' || !target.includes(':function:')) return undefined;
  return target.split(':function:')[1]?.split(':')[0];
}

export interface LocalRunOptions {
  definition: Record<string, unknown>;
  /** Returns the in-process handler for a Lambda function, by its logical id. */
  handlerFor(functionLogicalId: string): LambdaHandler;
  input: unknown;
  /** Called as each top-level state is entered, for progress output. */
  onStateEntered?(stateName: string, stateType: string): void;
  /** The execution's name as the context object shows it (`$$.Execution.Name`), as StartExecution's `name` sets it; default `local-execution`. */
  executionName?: string;
}

/**
 * Runs a deployed state machine definition locally with aws-local-stepfunctions: Lambda tasks go to
 * the real handlers in-process, Wait states and retry intervals take no time.
 * The `lambda:invoke` integration returns `{ Payload, StatusCode }`, so handler results are wrapped the
 * same way and the definition's own ResultSelector/OutputPath unwraps them, as in AWS.
 */
export async function runLocalStateMachine(options: LocalRunOptions): Promise<unknown> {
  const states = allStates((options.definition as { States: Record<string, TaskState> }).States);
  const taskResourceLocalHandlers: LocalTaskHandlers = {};
  const waitTimeOverrides: Record<string, number> = {};
  const retryIntervalOverrides: Record<string, number> = {};
  for (const [name, state] of states) {
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (state.Retry) retryIntervalOverrides[name] = 0;
    if (state.Type !== 'Task') continue;
    const functionId = functionIdOf(state);
    if (!functionId) throw new Error(`task ${name} does not invoke a Lambda function; the local runner cannot route it`);
    const handler = options.handlerFor(functionId);
    const wrapsPayload = state.Resource === LAMBDA_INVOKE;
    taskResourceLocalHandlers[name] = async (input: JsonValue) => {
      const event = wrapsPayload ? (input as { Payload?: JsonValue }).Payload : input;
      const result = ((await handler(event)) ?? null) as JsonValue;
      return wrapsPayload ? { Payload: result, StatusCode: 200 } : result;
    };
  }

  const machine = new StateMachine(options.definition as unknown as StateMachineDefinition);
  const execution = machine.run(options.input as JsonValue, {
    overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides },
    context: { Execution: { Name: options.executionName ?? 'local-execution', Input: options.input as JsonValue } },
  });
  const progress = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered' && event.index === undefined) options.onStateEntered?.(event.state.name, event.state.type);
    }
  })();
  const result = await execution.result;
  await progress;
  return result;
}
