import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STATE_MACHINE_LOGICAL_IDS } from '../handlers.js';
import { invokeInto, invokeLambda } from './lambda-step.js';

export interface AnalysisWorkflowProps {
  functions: {
    plan: IFunction;
    analyseBatch: IFunction;
    forecast: IFunction;
    prioritise: IFunction;
    persistRun: IFunction;
    notifySlack: IFunction;
    notifyEmail: IFunction;
  };
  logRetention: logs.RetentionDays;
}

/** Batches analysed at once: bounds Lambda concurrency and DynamoDB read bursts. */
export const ANALYSIS_MAX_CONCURRENCY = 10;

/**
 * The analysis state machine (contracts.md): Plan → Map over batches → Forecast → Prioritise → PersistRun →
 * Notify (Slack ∥ email) → Succeed. Only keys travel in the state (runId, batchIds, counts); data stays in
 * DynamoDB. A failed batch is recorded in `$.batchResults` and the run continues; a failed
 * plan/forecast/prioritise/persist step fails the run with an error naming the step; a failed
 * notification is recorded in `$.notifications` and does not fail the run.
 */
export class AnalysisWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: AnalysisWorkflowProps) {
    super(scope, id);
    const fns = props.functions;
    const runIdOnly = sfn.TaskInput.fromObject({ runId: sfn.JsonPath.stringAt('$.runId') });

    const plan = invokeLambda(this, 'Plan', fns.plan, {
      outputPath: '$.Payload',
      comment: 'Reads the inventory, stores Batch items, returns {runId, startedAt, batches: [{runId, batchId}]}',
    });
    plan.addCatch(this.failure('Plan'), { resultPath: '$.error' });

    const analyseBatch = invokeLambda(this, 'AnalyseBatch', fns.analyseBatch, {
      payload: sfn.TaskInput.fromObject({
        runId: sfn.JsonPath.stringAt('$.runId'),
        batchId: sfn.JsonPath.stringAt('$.batchId'),
      }),
      outputPath: '$.Payload',
    });
    const recordBatchFailure = new sfn.Pass(this, 'RecordBatchFailure', {
      comment: 'One failed batch is recorded, not fatal: the run continues with the other batches',
      // Only the error name: a Lambda's Cause carries its stack trace (1-3 KB), and a few hundred of those in the
      // Map's results would pass the 256 KB state limit, whose States.DataLimitExceeded no Catch can handle.
      // The full cause stays in the execution history and the function's logs.
      parameters: {
        batchId: sfn.JsonPath.stringAt('$.batchId'),
        status: 'failed',
        error: sfn.JsonPath.stringAt('$.error.Error'),
      },
    });
    analyseBatch.addCatch(recordBatchFailure, { errors: [sfn.Errors.ALL], resultPath: '$.error' });

    const analyseBatches = new sfn.Map(this, 'AnalyseBatches', {
      itemsPath: '$.batches',
      maxConcurrency: ANALYSIS_MAX_CONCURRENCY,
      resultPath: '$.batchResults',
    });
    analyseBatches.itemProcessor(analyseBatch);
    // Batch failures are caught inside; this catches failures of the Map itself (e.g. malformed items).
    analyseBatches.addCatch(this.failure('AnalyseBatches'), { resultPath: '$.error' });

    const forecast = invokeInto(this, 'Forecast', fns.forecast, { payload: runIdOnly, resultPath: '$.forecast' });
    forecast.task.addCatch(this.failure('Forecast'), { resultPath: '$.error' });

    const prioritise = invokeInto(this, 'Prioritise', fns.prioritise, { payload: runIdOnly, resultPath: '$.prioritised' });
    prioritise.task.addCatch(this.failure('Prioritise'), { resultPath: '$.error' });

    const persistRun = invokeInto(this, 'PersistRun', fns.persistRun, {
      payload: sfn.TaskInput.fromObject({
        runId: sfn.JsonPath.stringAt('$.runId'),
        startedAt: sfn.JsonPath.stringAt('$.startedAt'),
        batchResults: sfn.JsonPath.listAt('$.batchResults'),
      }),
      resultPath: '$.run',
    });
    persistRun.task.addCatch(this.failure('PersistRun'), { resultPath: '$.error' });

    const notify = new sfn.Parallel(this, 'Notify', { resultPath: '$.notifications' })
      .branch(this.notification('NotifySlack', 'slack', fns.notifySlack, runIdOnly))
      .branch(this.notification('NotifyEmail', 'email', fns.notifyEmail, runIdOnly));

    const definition = plan
      .next(analyseBatches)
      .next(forecast.chain)
      .next(prioritise.chain)
      .next(persistRun.chain)
      .next(notify)
      .next(new sfn.Succeed(this, 'RunSucceeded'));

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Headroom analysis run: plan, analyse batches, forecast, prioritise, persist, notify',
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
    });
    (this.stateMachine.node.defaultChild as sfn.CfnStateMachine).overrideLogicalId(STATE_MACHINE_LOGICAL_IDS.analysis);
  }

  /** A terminal failure naming the step; the cause is the caught error's cause. */
  private failure(step: string): sfn.Fail {
    return new sfn.Fail(this, `${step}Failed`, {
      error: `Headroom.${step}Failed`,
      causePath: '$.error.Cause',
    });
  }

  /** One notification branch: its failure becomes a recorded result instead of failing the run. */
  private notification(id: string, channel: string, fn: IFunction, payload: sfn.TaskInput): sfn.Chain {
    const task = invokeLambda(this, id, fn, { payload, outputPath: '$.Payload' });
    const recordFailure = new sfn.Pass(this, `${id}Failed`, {
      comment: `A failed ${channel} notification is recorded; it does not fail the run`,
      // Error, not Cause: Cause is optional in a caught error, and a missing path would fail the run (States.Runtime).
      parameters: { channel, status: 'failed', error: sfn.JsonPath.stringAt('$.error.Error') },
    });
    task.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.error' });
    return sfn.Chain.start(task);
  }
}
