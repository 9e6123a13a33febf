import aslValidator from 'asl-validator';
import { StateMachine } from 'aws-local-stepfunctions';
import { afterAll, describe, expect, it } from 'vitest';
import { OperationStillInProgress } from '../../lambdas/actions/executors/support.js';
import { roleForFunctionArn, STATE_MACHINE_LOGICAL_IDS, type HandlerRole } from '../../lib/handlers.js';
import { definitionFromTemplate } from '../../lib/state-machine-definition.js';
import { synthesise } from './support/synth.js';

const synth = synthesise({ bakeMinutes: 45 });
afterAll(() => synth.cleanup());
const analysis = definitionFromTemplate(synth.json, STATE_MACHINE_LOGICAL_IDS.analysis);
const apply = definitionFromTemplate(synth.json, STATE_MACHINE_LOGICAL_IDS.apply);

type JSONValue = Parameters<StateMachine['run']>[0];
type State = Record<string, unknown> & { Type: string };
const states = (definition: Record<string, unknown>) => definition.States as Record<string, State>;

type Handlers = Partial<Record<HandlerRole, (payload: Record<string, unknown>) => unknown>>;

/**
 * Runs a definition the way the local runner does: every Lambda task is routed by the function in its
 * `FunctionName` parameter to a fake handler, whose value is wrapped like the Lambda integration's result.
 */
async function run(definition: Record<string, unknown>, input: JSONValue, handlers: Handlers): Promise<unknown> {
  const taskNames = collectTaskNames(definition);
  const local = Object.fromEntries(
    taskNames.map((name) => [
      name,
      async (parameters: JSONValue) => {
        const { FunctionName, Payload } = parameters as { FunctionName: string; Payload: Record<string, unknown> };
        const role = roleForFunctionArn(FunctionName);
        const handler = role === undefined ? undefined : handlers[role];
        if (handler === undefined) throw new Error(`no fake handler for ${FunctionName}`);
        return { StatusCode: 200, Payload: (await handler(Payload)) as JSONValue };
      },
    ]),
  );
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: local,
      waitTimeOverrides: Object.fromEntries(waitNames(definition).map((name) => [name, 0])),
      retryIntervalOverrides: Object.fromEntries(taskNames.map((name) => [name, 0])),
    },
    // Step Functions always gives the context object's execution name; the apply machine binds it first.
    context: { Execution: { Name: 'apply-test-execution' } },
  });
  return execution.result;
}

function collectTaskNames(definition: Record<string, unknown>): string[] {
  return Object.entries(states(definition)).flatMap(([name, state]) => {
    const nested = [
      ...((state.Branches as Record<string, unknown>[] | undefined) ?? []),
      ...(state.ItemProcessor ? [state.ItemProcessor as Record<string, unknown>] : []),
    ];
    return [...(state.Type === 'Task' ? [name] : []), ...nested.flatMap(collectTaskNames)];
  });
}

function waitNames(definition: Record<string, unknown>): string[] {
  return Object.entries(states(definition))
    .filter(([, state]) => state.Type === 'Wait')
    .map(([name]) => name);
}

const analysisHandlers = (overrides: Handlers = {}): Handlers => ({
  plan: () => ({ runId: 'run-1', startedAt: '2026-11-29T06:00:00Z', batches: [{ runId: 'run-1', batchId: 'b1' }, { runId: 'run-1', batchId: 'b2' }] }),
  'analyse-batch': (payload) => ({ batchId: payload.batchId, status: 'ok', findings: 3 }),
  forecast: () => ({ forecasts: 4 }),
  prioritise: () => ({ actionCount: 5, totalMonthlySavingsUsd: 120.5 }),
  'persist-run': (payload) => ({ runId: payload.runId, startedAt: payload.startedAt, status: 'succeeded', batches: 2, failedBatches: [], actionCount: 5, totalMonthlySavingsUsd: 120.5 }),
  'notify-slack': () => ({ channel: 'slack', status: 'sent' }),
  'notify-email': () => ({ channel: 'email', status: 'sent' }),
  ...overrides,
});

describe('analysis state machine', () => {
  it('is valid Amazon States Language', () => {
    const result = aslValidator(analysis, { checkArn: true, checkPaths: true });
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('maps over the planned batches 10 at a time, catching each batch failure into a recorded result', () => {
    const map = states(analysis).AnalyseBatches;
    expect(map).toMatchObject({ Type: 'Map', ItemsPath: '$.batches', MaxConcurrency: 10, ResultPath: '$.batchResults' });
    expect(map.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'AnalyseBatchesFailed' })]);
    const inner = states((map.ItemProcessor as Record<string, unknown>));
    expect(inner.AnalyseBatch.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordBatchFailure' }]);
    expect(inner.AnalyseBatch.Retry).toEqual([
      {
        ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
        IntervalSeconds: 2,
        MaxAttempts: 3,
        BackoffRate: 2,
      },
    ]);
    expect(inner.RecordBatchFailure.Parameters).toEqual({ 'batchId.$': '$.batchId', status: 'failed', 'error.$': '$.error.Error' });
  });

  it('passes only keys between steps and ends with each step result at its contract path', async () => {
    const output = await run(analysis, {}, analysisHandlers());
    expect(output).toEqual({
      runId: 'run-1',
      startedAt: '2026-11-29T06:00:00Z',
      batches: [{ runId: 'run-1', batchId: 'b1' }, { runId: 'run-1', batchId: 'b2' }],
      batchResults: [{ batchId: 'b1', status: 'ok', findings: 3 }, { batchId: 'b2', status: 'ok', findings: 3 }],
      forecast: { forecasts: 4 },
      prioritised: { actionCount: 5, totalMonthlySavingsUsd: 120.5 },
      run: expect.objectContaining({ runId: 'run-1', status: 'succeeded', actionCount: 5 }),
      notifications: [{ channel: 'slack', status: 'sent' }, { channel: 'email', status: 'sent' }],
    });
  });

  it('records a failed batch and a failed notification without failing the run', async () => {
    const seen: unknown[] = [];
    const output = (await run(analysis, { runId: 'given' }, analysisHandlers({
      plan: (payload) => {
        seen.push(payload);
        return { runId: 'given', startedAt: 't0', batches: [{ runId: 'given', batchId: 'b1' }, { runId: 'given', batchId: 'bad' }] };
      },
      'analyse-batch': (payload) => {
        if (payload.batchId === 'bad') throw new RangeError('engine blew up');
        return { batchId: payload.batchId, status: 'ok', findings: 1 };
      },
      'persist-run': (payload) => {
        seen.push(payload);
        return { runId: 'given', startedAt: 't0', status: 'partial', batches: 2, failedBatches: [{ batchId: 'bad', error: 'x' }], actionCount: 0, totalMonthlySavingsUsd: 0 };
      },
      'notify-email': () => {
        throw new TypeError('SES said no');
      },
    }))) as Record<string, unknown>;
    expect(seen[0]).toEqual({ runId: 'given' });
    const batchResults = output.batchResults as Record<string, unknown>[];
    expect(batchResults[0]).toEqual({ batchId: 'b1', status: 'ok', findings: 1 });
    expect(batchResults[1]).toMatchObject({ batchId: 'bad', status: 'failed' });
    // Only the error name rides in the state: causes carry stack traces and would outgrow the 256 KB limit.
    expect(batchResults[1].error).toBe('RangeError');
    expect(seen[1]).toEqual({ runId: 'given', startedAt: 't0', batchResults });
    const notifications = output.notifications as Record<string, unknown>[];
    expect(notifications[0]).toEqual({ channel: 'slack', status: 'sent' });
    expect(notifications[1]).toMatchObject({ channel: 'email', status: 'failed' });
    // The error name, which every caught error has (Cause is optional: reading it could fail the run).
    expect(notifications[1].error).toBe('TypeError');
  });

  it('fails the run with an error naming the step when forecasting fails', async () => {
    const failing = run(analysis, {}, analysisHandlers({ forecast: () => { throw new Error('no data'); } }));
    // The Fail state's Error names the step; its Cause is the handler's error.
    await expect(failing).rejects.toMatchObject({ cause: { name: 'Headroom.ForecastFailed' } });
    await expect(failing).rejects.toThrow(/no data/);
  });
});

const applyHandlers = (overrides: Handlers = {}): Handlers => ({
  precheck: () => ({ ok: true }),
  'rollback-point': () => ({ recordedAt: 't1', before: { volumeType: 'gp2' } }),
  apply: () => ({ appliedAt: 't2', after: { volumeType: 'gp3' } }),
  validate: () => ({ regressed: false, test: 'mann-whitney-u', details: { p: 0.4 } }),
  rollback: () => ({ rolledBackAt: 't3' }),
  'notify-outcome': (state) => ({ notified: state.outcome }),
  ...overrides,
});
const approval = { actionId: 'a1', decisionVersion: 1 };

describe('apply state machine', () => {
  it('is valid Amazon States Language with a bake Wait of the configured length', () => {
    const result = aslValidator(apply, { checkArn: true, checkPaths: true });
    expect(result.errorsText('\n')).toBe('');
    expect(states(apply).Bake).toMatchObject({ Type: 'Wait', Seconds: 45 * 60 });
  });

  it('applies, bakes, validates and reports `applied`, each task seeing the whole state', async () => {
    const seenByValidate: unknown[] = [];
    const output = (await run(apply, approval, applyHandlers({
      validate: (state) => {
        seenByValidate.push(state);
        return { regressed: false, test: 'mann-whitney-u', details: {} };
      },
    }))) as Record<string, unknown>;
    expect(seenByValidate[0]).toMatchObject({ ...approval, binding: { execution: 'apply-test-execution' }, precheck: { ok: true }, rollbackPoint: { recordedAt: 't1' }, apply: { appliedAt: 't2' } });
    expect(output).toMatchObject({ outcome: 'applied', notification: { notified: 'applied' } });
    expect(output).not.toHaveProperty('rollback');
  });

  it('skips when the precheck fails', async () => {
    const output = await run(apply, approval, applyHandlers({ precheck: () => ({ ok: false, reason: 'volume is already gp3' }) }));
    expect(output).toMatchObject({ outcome: 'skipped', precheck: { ok: false, reason: 'volume is already gp3' } });
    expect(output).not.toHaveProperty('apply');
    const malformed = await run(apply, approval, applyHandlers({ precheck: () => ({ reason: 'no verdict' }) }));
    expect(malformed).toMatchObject({ outcome: 'skipped' });
  });

  it('rolls back on a regression, on a failed apply and on a validation without a verdict', async () => {
    const regressed = await run(apply, approval, applyHandlers({ validate: () => ({ regressed: true, test: 't', details: {} }) }));
    expect(regressed).toMatchObject({ outcome: 'rolled-back', rollback: { rolledBackAt: 't3' } });
    const applyFailed = await run(apply, approval, applyHandlers({ apply: () => { throw new Error('ModifyVolume refused'); } }));
    expect(applyFailed).toMatchObject({ outcome: 'rolled-back' });
    const noVerdict = await run(apply, approval, applyHandlers({ validate: () => ({ test: 't', details: {} }) }));
    expect(noVerdict).toMatchObject({ outcome: 'rolled-back' });
  });

  it('notifies and then fails the execution when the rollback itself fails', async () => {
    const notified: unknown[] = [];
    const failing = run(apply, approval, applyHandlers({
      validate: () => ({ regressed: true, test: 't', details: {} }),
      rollback: () => { throw new Error('cannot restore'); },
      'notify-outcome': (state) => { notified.push(state.outcome); return {}; },
    }));
    await expect(failing).rejects.toMatchObject({ cause: { name: 'Headroom.ApplyFailed' } });
    expect(notified).toEqual(['rollback-failed']);
  });
  it('fails the execution when AWS refuses the rollback, since the regressed change is still in place', async () => {
    const notified: unknown[] = [];
    const failing = run(apply, approval, applyHandlers({
      validate: () => ({ regressed: true, test: 't', details: {} }),
      rollback: () => ({ status: 'refused', at: 't3', reason: 'IncorrectModificationState' }),
      'notify-outcome': (state) => { notified.push(state.outcome); return {}; },
    }));
    await expect(failing).rejects.toMatchObject({ cause: { name: 'Headroom.ApplyFailed' } });
    expect(notified).toEqual(['rollback-failed']);
  });

  it('ends as applied when the change succeeded but Slack could not be told', async () => {
    const output = await run(apply, approval, applyHandlers({ 'notify-outcome': () => { throw new Error('slack down'); } }));
    expect(output).toMatchObject({ outcome: 'applied', notification: { notified: false, error: 'Error' } });
  });

  it('retries Apply on a throttle and on OperationStillInProgress only: other Lambda service errors may come after the change was made', () => {
    const applyRetry = (states(apply).Apply.Retry as { ErrorEquals: string[] }[]).flatMap((retry) => retry.ErrorEquals);
    expect(applyRetry).toEqual(['Lambda.TooManyRequestsException', new OperationStillInProgress('x').name]);
    expect((states(apply).Apply.Retry as Record<string, unknown>[])[1]).toMatchObject({ IntervalSeconds: 120, BackoffRate: 2, MaxAttempts: 3 });
    const validateRetry = (states(apply).Validate.Retry as { ErrorEquals: string[] }[]).flatMap((retry) => retry.ErrorEquals);
    expect(validateRetry).toContain('Lambda.ServiceException');
  });

  it('runs Apply again while an operation it started is still in progress, then rolls back once the retries are spent', async () => {
    let attempts = 0;
    const resumed = await run(apply, approval, applyHandlers({
      apply: () => {
        attempts += 1;
        if (attempts < 3) throw new OperationStillInProgress('Snapshot snap-1 of volume vol-1 did not finish within 480 s.');
        return { appliedAt: 't2', after: { state: 'deleted' } };
      },
    }));
    expect(attempts).toBe(3);
    expect(resumed).toMatchObject({ outcome: 'applied', apply: { after: { state: 'deleted' } } });

    let spent = 0;
    const gaveUp = await run(apply, approval, applyHandlers({
      apply: () => {
        spent += 1;
        throw new OperationStillInProgress('still pending');
      },
    }));
    expect(spent).toBe(4);
    expect(gaveUp).toMatchObject({ outcome: 'rolled-back', error: { Error: 'OperationStillInProgress' } });
  });

  it('bounds an apply execution by at least the bake period plus two hours, room for every step and the Apply retries', () => {
    const definition = JSON.stringify(synth.json.Resources[STATE_MACHINE_LOGICAL_IDS.apply].Properties?.DefinitionString);
    const timeoutSeconds = Number(/TimeoutSeconds\\":(\d+)/.exec(definition)?.[1]);
    expect(timeoutSeconds).toBeGreaterThanOrEqual(45 * 60 + 2 * 3600);
  });

  it('alarms to the operator SNS topic on every failed, timed-out or aborted apply and analysis execution', () => {
    const alarms = Object.values(synth.json.Resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');
    const topic = Object.entries(synth.json.Resources).find(([, resource]) => resource.Type === 'AWS::SNS::Topic')?.[0];
    for (const machine of [STATE_MACHINE_LOGICAL_IDS.apply, STATE_MACHINE_LOGICAL_IDS.analysis]) {
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
        const alarm = alarms.find((a) => a.Properties?.MetricName === metric && JSON.stringify(a.Properties?.Dimensions).includes(machine));
        expect(alarm?.Properties, `${machine} ${metric}`).toMatchObject({ Namespace: 'AWS/States', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [{ Ref: topic }] });
      }
    }
    expect((synth.json as { Outputs?: Record<string, unknown> }).Outputs).toHaveProperty('AlertsTopicArn');
    const rule = Object.values(synth.json.Resources).find((resource) => resource.Type === 'AWS::Events::Rule' && JSON.stringify(resource.Properties).includes('Step Functions Execution Status Change'));
    expect(JSON.stringify(rule?.Properties?.EventPattern)).toContain('TIMED_OUT');
    expect(JSON.stringify(rule?.Properties?.Targets)).toContain('ApplyWatchdogFunction');
  });
});
