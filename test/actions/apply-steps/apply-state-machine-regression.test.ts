import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { GetFunctionConfigurationCommand, LambdaClient, ListTagsCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApplyStepHandlers, type ApplyStepHandlers } from '../../../lambdas/actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import { runLocalStateMachine } from '../../../lambdas/local/state-machine/run-state-machine.js';
import type { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { actionFor } from '../executors/support/actions.js';
import { sdkContext } from '../executors/support/context.js';
import { approve, FIXED_NOW, storeWith } from '../helpers.js';
import { STEP_BY_LOGICAL_ID, synthesiseApplyDefinition } from './support/apply-definition.js';

/**
 * The synthesised apply state machine run locally (aws-local-stepfunctions) with the real step handlers and the
 * lambda-memory executor over mocked SDK clients: memory is lowered, Duration p95 gets clearly worse during the
 * bake, validation detects it and the workflow restores the memory and reports 'rolled-back'.
 */
const lambda = mockClient(LambdaClient);
const cloudwatch = mockClient(CloudWatchClient);
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api';
const action = actionFor('lambda-memory', FUNCTION_ARN, { memoryMb: 1024, architecture: 'arm64' }, { memoryMb: 512 }, 'lambda:function');
const BAKE_MS = 2 * 3_600_000;

/** Per-minute values of one metric over the query window: Duration p95 ~120 ms before the change, `afterMs` after; no errors or throttles. */
function metricData(input: GetMetricDataCommandInput, afterMs: number) {
  const timestamps: Date[] = [];
  for (let t = input.StartTime?.getTime() ?? 0; t < (input.EndTime?.getTime() ?? 0); t += 60_000) timestamps.push(new Date(t));
  return {
    MetricDataResults: (input.MetricDataQueries ?? []).map((query) => {
      const name = query.MetricStat?.Metric?.MetricName;
      const values = timestamps.map((t, i) => (name === 'Duration' ? (t < FIXED_NOW ? 120 : afterMs) * (1 + 0.05 * Math.sin(i)) : 0));
      return { Id: query.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' as const };
    }),
  };
}

describe('apply state machine: regression → rollback (lambda-memory)', () => {
  let definition: Record<string, unknown>;
  let store: MemoryStore;
  let input: Awaited<ReturnType<typeof approve>>;
  let posts: string[];
  let memory: number;

  beforeAll(() => {
    definition = synthesiseApplyDefinition();
  });

  beforeEach(async () => {
    lambda.reset();
    cloudwatch.reset();
    // DescribeAlarms as documented for an account with no alarm in ALARM.
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    memory = 1024;
    // A tiny fake Lambda: the configuration follows UpdateFunctionConfiguration.
    lambda.on(GetFunctionConfigurationCommand).callsFake(() => ({ FunctionName: 'orders-api', FunctionArn: FUNCTION_ARN, MemorySize: memory, LastUpdateStatus: 'Successful', CodeSha256: 'sha' }));
    lambda.on(UpdateFunctionConfigurationCommand).callsFake((input: { MemorySize: number }) => {
      memory = input.MemorySize;
      return { MemorySize: memory, LastUpdateStatus: 'InProgress' };
    });
    lambda.on(ListTagsCommand).resolves({ Tags: {} });
    store = await storeWith([action]);
    input = await approve(store, action.id, { slack: { channelId: 'C1', messageTs: '1.1' } });
    posts = [];
  });

  async function run(afterMs: number) {
    cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => metricData(input, afterMs));
    // The local runner skips the Bake wait: the clock jumps by the bake period when Apply returns.
    let now = FIXED_NOW;
    const clock = () => now;
    const handlers: ApplyStepHandlers = createApplyStepHandlers({
      store,
      executors: EXECUTORS,
      enabledExecutors: ['lambda-memory'],
      context: sdkContext({ now: clock }),
      notifier: { post: async ({ text }) => (posts.push(text), { ts: '1.2' }) },
      now: clock,
    });
    const apply = handlers.apply;
    const entered: string[] = [];
    const output = (await runLocalStateMachine({
      definition,
      input: { actionId: input.actionId, decisionVersion: input.decisionVersion },
      executionName: input.binding.execution,
      handlerFor: (logicalId) => {
        const step = STEP_BY_LOGICAL_ID[logicalId];
        if (step !== 'apply') return handlers[step];
        return async (event: unknown) => {
          const result = await apply(event);
          now = new Date(FIXED_NOW.getTime() + BAKE_MS);
          return result;
        };
      },
      onStateEntered: (name) => entered.push(name),
    })) as Record<string, unknown>;
    return { output, entered };
  }

  it('rolls the memory back when Duration p95 regresses after the bake, and reports rolled-back', async () => {
    const { output, entered } = await run(400);
    expect(entered).toEqual(expect.arrayContaining(['Precheck', 'RollbackPoint', 'Apply', 'Bake', 'Validate', 'Regressed', 'Rollback', 'OutcomeRolledBack', 'NotifyOutcome', 'Done']));
    expect(output).toMatchObject({
      outcome: 'rolled-back',
      rollbackPoint: { before: { functionName: 'orders-api', memoryMb: 1024 } },
      apply: { after: { memoryMb: 512 } },
      validation: { regressed: true, details: { metrics: { durationP95: { verdict: 'regressed' }, errorRate: { regressed: false } } } },
      rollback: { status: 'rolled-back', restored: { memoryMb: 1024 } },
    });
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input.MemorySize)).toEqual([512, 1024]);
    expect(memory).toBe(1024);
    expect(posts[0]).toMatch(/Rolled back/);
    const audit = (await store.listAudit(action.id)).map((entry) => entry.event);
    expect(audit).toEqual(expect.arrayContaining(['applied', 'validated', 'rollback-rolled-back', 'outcome-rolled-back']));
  });

  it('keeps the change when Duration p95 stays within the noise', async () => {
    const { output } = await run(125);
    expect(output).toMatchObject({ outcome: 'applied', validation: { regressed: false } });
    expect(memory).toBe(512);
  });
});
