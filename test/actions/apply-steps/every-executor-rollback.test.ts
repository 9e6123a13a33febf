import type { GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplyStepHandlers } from '../../../lambdas/actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import type { ExecutorContext } from '../../../lambdas/actions/executors/executor.js';
import { createSampleExecutorContext } from '../../../lambdas/local/demo/sample-executor-ports.js';
import { runLocalStateMachine } from '../../../lambdas/local/state-machine/run-state-machine.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { account, cases, NOW, portsFor } from '../../local/demo/support/sample-actions.js';
import { approve } from '../helpers.js';
import { STEP_BY_LOGICAL_ID, synthesiseApplyDefinition } from './support/apply-definition.js';

const BAKE_MS = 2 * 3_600_000;

/**
 * Every executor through the apply state machine the stack deploys (run locally), its resource on the sample
 * account, and the change regressing during the bake: the metrics the executor validates get clearly worse (levels ×3
 * with noise, rates from 0.1 % to 30 %, throttles ×5), an alarm on the resource goes into ALARM, and CloudTrail shows
 * an attach attempt on a deleted volume. Validation must catch it and Rollback must restore the rollback point.
 */
function regressingContext(base: ExecutorContext, changeAt: () => Date, resourceId: string): ExecutorContext {
  return {
    ...base,
    cloudwatch: () => ({
      async getMetricData(input: GetMetricDataCommandInput) {
        const timestamps: Date[] = [];
        for (let t = input.StartTime?.getTime() ?? 0; t < (input.EndTime?.getTime() ?? 0); t += 60_000) timestamps.push(new Date(t));
        return {
          $metadata: {},
          MetricDataResults: (input.MetricDataQueries ?? []).map((query) => {
            const name = query.MetricStat?.Metric?.MetricName ?? '';
            const values = timestamps.map((t, i) => {
              const after = t >= changeAt();
              const wobble = 1 + 0.1 * Math.sin(i * 1.3);
              if (/Invocations|Ops$|ConsumedRead|ConsumedWrite/.test(name)) return 1000 * wobble;
              if (name === 'Errors') return after ? 300 : 1;
              if (/Throttle/.test(name)) return after ? 50 * wobble : 10 * wobble;
              if (name === 'StatusCheckFailed') return after ? 1 : 0;
              if (/^Incoming/.test(name)) return (after ? 100 : 1000) * wobble;
              return (after ? 3 : 1) * 40 * wobble;
            });
            return { Id: query.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' as const };
          }),
        };
      },
      async describeAlarms() {
        const dimension = resourceId.startsWith('i-') ? 'InstanceId' : resourceId.startsWith('vol-') ? 'VolumeId' : 'Other';
        return {
          $metadata: {},
          MetricAlarms: [{ AlarmName: `${resourceId}-health`, StateValue: 'ALARM' as const, StateUpdatedTimestamp: new Date(changeAt().getTime() + 60_000), Dimensions: [{ Name: dimension, Value: resourceId }] }],
        };
      },
    }),
    cloudtrail: () => ({
      async lookupEvents() {
        return {
          $metadata: {},
          Events: [{ EventName: 'AttachVolume', EventTime: new Date(changeAt().getTime() + 120_000), Username: 'deploy-bot', CloudTrailEvent: JSON.stringify({ requestParameters: { volumeId: resourceId }, errorCode: 'InvalidVolume.NotFound' }) }],
        };
      },
    }),
  };
}

describe('apply state machine: regression → rollback, for every executor', () => {
  let definition: Record<string, unknown>;
  beforeAll(() => {
    definition = synthesiseApplyDefinition();
  });

  it.each(cases.filter(([, action]) => action !== undefined))('%s: validation catches the regression and the rollback restores it', async (id, action) => {
    if (!action) throw new Error(`no sample resource for ${id}`);
    const store = new MemoryStore({ now: () => NOW.getTime() });
    await store.putActions('run-1', [action]);
    const input = await approve(store, action.id);
    let now = NOW;
    let appliedAt = NOW;
    const resourceId = action.resource.arn.split(/[/:]/).at(-1) ?? '';
    const base = createSampleExecutorContext(portsFor, account.accountId, () => now);
    const context = regressingContext(base, () => appliedAt, resourceId);
    const handlers = createApplyStepHandlers({ store, executors: EXECUTORS, enabledExecutors: [id], context, notifier: { post: async () => ({ ts: '1.2' }) }, now: () => now });
    const output = (await runLocalStateMachine({
      definition,
      input: { actionId: input.actionId, decisionVersion: input.decisionVersion },
      executionName: input.binding.execution,
      handlerFor: (logicalId) => {
        const step = STEP_BY_LOGICAL_ID[logicalId];
        if (step !== 'apply') return handlers[step];
        return async (event: unknown) => {
          const result = await handlers.apply(event);
          appliedAt = now;
          now = new Date(now.getTime() + BAKE_MS);
          return result;
        };
      },
    })) as { outcome: string; validation: { regressed: boolean; details: { metrics: Record<string, { regressed: boolean }> } }; rollback: { status: string } };
    expect(output.validation.regressed).toBe(true);
    expect(Object.values(output.validation.details.metrics).filter((v) => v.regressed).length).toBeGreaterThan(0);
    expect(output).toMatchObject({ outcome: 'rolled-back', rollback: { status: 'rolled-back' } });
    const executor = EXECUTORS.find((candidate) => candidate.id === id);
    // Restored: the action's `current` matches the resource again (except a deleted volume, restored under a new id, and a
    // table just switched back to on-demand, which precheck then refuses to switch again for 24 hours).
    if (id !== 'ebs-snapshot-delete' && id !== 'dynamodb-billing-mode') expect(await executor?.precheck(action, { ...base, now: () => NOW })).toMatchObject({ ok: true });
    expect(await store.getDecision(action.id)).toBeUndefined();
    expect((await store.listAudit(action.id)).map((r) => r.event)).toEqual(expect.arrayContaining(['validated', 'rollback-rolled-back', 'outcome-rolled-back']));
  });
});
