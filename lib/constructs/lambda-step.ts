import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** Errors from the Lambda service itself (not from our code) that are worth retrying. */
export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/** Retry policy shared by every Lambda task: 3 retries at 2 s, 4 s, 8 s. Handlers never retry in a loop. */
export const TRANSIENT_RETRY: sfn.RetryProps = {
  errors: TRANSIENT_LAMBDA_ERRORS,
  maxAttempts: 3,
  backoffRate: 2,
  interval: Duration.seconds(2),
};

/**
 * For tasks that change resources: only a throttle is retried. Lambda.TooManyRequestsException is raised before
 * the function runs; ServiceException, AWSLambdaException and SdkClientException can come after it ran, so a
 * retry could make the change twice.
 */
export const THROTTLE_ONLY_RETRY: sfn.RetryProps = {
  errors: ['Lambda.TooManyRequestsException'],
  maxAttempts: 3,
  backoffRate: 2,
  interval: Duration.seconds(2),
};

export interface InvokeProps {
  /** Retry policy of the task; TRANSIENT_RETRY by default. */
  retry?: sfn.RetryProps;
  /** What the handler receives; the whole state by default. */
  payload?: sfn.TaskInput;
  /** `$.Payload` makes the handler's return value the state output. */
  outputPath?: string;
  /** Where the raw integration result (`{ Payload, StatusCode, ... }`) lands; the whole state by default. */
  resultPath?: string;
  comment?: string;
}

/** A standard `arn:aws:states:::lambda:invoke` task with the shared retry policy (or `props.retry`). */
export function invokeLambda(scope: Construct, id: string, fn: IFunction, props: InvokeProps = {}): tasks.LambdaInvoke {
  const task = new tasks.LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payload: props.payload,
    outputPath: props.outputPath,
    resultPath: props.resultPath,
    comment: props.comment,
    // CDK's built-in retry uses 6 attempts and different errors; ours is explicit and shared.
    retryOnServiceExceptions: false,
  });
  task.addRetry(props.retry ?? TRANSIENT_RETRY);
  return task;
}

export interface InvokeIntoProps extends Omit<InvokeProps, 'outputPath' | 'resultPath'> {
  /** Where the handler's return value lands in the state, e.g. `$.forecast`. */
  resultPath: string;
}

export interface LambdaStep {
  /** The Lambda task: attach Catch here. */
  task: tasks.LambdaInvoke;
  /** The task followed by the Pass that unwraps its result; continue the flow from here. */
  chain: sfn.Chain;
}

/**
 * Invokes a function and stores exactly its return value at `resultPath`, keeping the rest of the state.
 *
 * The Lambda integration returns `{ Payload, StatusCode, ... }`; ResultSelector can only build an object
 * with named fields, which would have to list every field the handler returns (and fail on optional ones).
 * So the task stores the raw result at `resultPath` and a Pass named `<id>Result` with
 * `InputPath: <resultPath>.Payload, ResultPath: <resultPath>` replaces it with the Payload.
 */
export function invokeInto(scope: Construct, id: string, fn: IFunction, props: InvokeIntoProps): LambdaStep {
  const task = invokeLambda(scope, id, fn, { payload: props.payload, comment: props.comment, resultPath: props.resultPath, retry: props.retry });
  const unwrap = new sfn.Pass(scope, `${id}Result`, {
    comment: `Keeps only the ${id} handler's return value at ${props.resultPath}`,
    inputPath: `${props.resultPath}.Payload`,
    resultPath: props.resultPath,
  });
  return { task, chain: sfn.Chain.start(task).next(unwrap) };
}
