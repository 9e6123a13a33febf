import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeVolumesCommand, DescribeVolumesModificationsCommand, EC2Client, ModifyVolumeCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApplyStepHandlers, type ApplyStepHandlers } from '../../../lambdas/actions/apply-steps/handlers.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import { runLocalStateMachine } from '../../../lambdas/local/state-machine/run-state-machine.js';
import type { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { ACTION_ID, ebsAction, approve, FIXED_NOW, fixture, storeWith, VOLUME_ID } from '../helpers.js';
import { sdkContext } from '../executors/support/context.js';
import { STEP_BY_LOGICAL_ID, synthesiseApplyDefinition } from './support/apply-definition.js';

/**
 * The step handlers under the apply state machine the stack deploys (lib/constructs/apply-workflow.ts),
 * run locally: checks that each handler reads what the definition passes and returns what its Choice
 * states test.
 */
const ec2 = mockClient(EC2Client);
const cloudwatch = mockClient(CloudWatchClient);


describe('apply state machine with the real step handlers', () => {
  let definition: Record<string, unknown>;
  let store: MemoryStore;
  let input: Awaited<ReturnType<typeof approve>>;
  let posts: string[];
  let handlers: ApplyStepHandlers;

  beforeAll(() => {
    definition = synthesiseApplyDefinition();
  });

  beforeEach(async () => {
    ec2.reset();
    cloudwatch.reset();
    // DescribeAlarms as documented for an account with no alarm in ALARM.
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    ec2.on(DescribeVolumesCommand).resolves(fixture('describe-volumes-gp2.json'));
    ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [] });
    ec2.on(ModifyVolumeCommand).resolves({ VolumeModification: { VolumeId: VOLUME_ID, ModificationState: 'modifying', TargetVolumeType: 'gp3' } });
    // Local Wait takes no time, so the after-window is empty: validation reports insufficient data.
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    store = await storeWith([ebsAction()]);
    input = await approve(store, ACTION_ID, { slack: { channelId: 'C1', messageTs: '1.1' } });
    posts = [];
    handlers = createApplyStepHandlers({
      store,
      executors: EXECUTORS,
      enabledExecutors: ['ebs-gp2-to-gp3'],
      context: sdkContext({ now: () => new Date() }),
      notifier: { post: async ({ text }) => (posts.push(text), { ts: '1.2' }) },
      now: () => new Date(),
    });
  });

  const run = (entered: string[] = []) =>
    runLocalStateMachine({
      definition,
      input: { actionId: input.actionId, decisionVersion: input.decisionVersion },
      executionName: input.binding.execution,
      handlerFor: (logicalId) => handlers[STEP_BY_LOGICAL_ID[logicalId]],
      onStateEntered: (name) => entered.push(name),
    }) as Promise<Record<string, unknown>>;

  it('applies the change end to end: precheck → rollback point → apply → bake → validate → applied', async () => {
    const entered: string[] = [];
    const output = await run(entered);
    expect(entered.filter((name) => !name.endsWith('Result'))).toEqual(['BindExecution', 'Precheck', 'PrecheckPassed', 'RollbackPoint', 'Apply', 'Bake', 'Validate', 'Regressed', 'OutcomeApplied', 'NotifyOutcome', 'OutcomeIsFailure', 'Done']);
    expect(output).toMatchObject({ outcome: 'applied', precheck: { ok: true }, apply: { after: { volumeType: 'gp3' } }, validation: { regressed: false } });
    expect(posts[0]).toMatch(/^:white_check_mark: Applied/);
  });

  it('ends as skipped when the executor is disabled', async () => {
    handlers = createApplyStepHandlers({ ...(await depsWithoutExecutors()) });
    const output = await run();
    expect(output).toMatchObject({ outcome: 'skipped', precheck: { ok: false, reason: 'executor ebs-gp2-to-gp3 is not enabled' } });
    expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
  });

  it('rolls back when ModifyVolume fails, and reports it', async () => {
    ec2.on(ModifyVolumeCommand).rejects(Object.assign(new Error('Invalid iops for gp3'), { name: 'InvalidParameterValue' }));
    const output = await run();
    expect(output).toMatchObject({ outcome: 'rolled-back', rollback: { status: 'not-needed' }, error: { Error: 'InvalidParameterValue' } });
    // Nothing was changed, so the message must not claim a rollback.
    expect(posts[0]).toMatch(/^:x: Could not apply .*: the change did not take effect, so nothing needed rolling back[\s\S]*Apply error: InvalidParameterValue/);
    expect(posts[0]).not.toMatch(/Rolled back/);
  });

  it('rolls the volume back when validation finds a latency regression after the bake', async () => {
    // A clock that jumps 2 hours when Apply returns stands in for the Bake wait the local runner skips.
    let now = FIXED_NOW;
    const clock = () => now;
    handlers = createApplyStepHandlers({
      ...(await depsWithoutExecutors()),
      enabledExecutors: ['ebs-gp2-to-gp3'],
      context: sdkContext({ now: clock }),
      now: clock,
    });
    const applyStep = handlers.apply;
    handlers = {
      ...handlers,
      apply: async (event) => {
        const result = await applyStep(event);
        now = new Date(FIXED_NOW.getTime() + 2 * 3_600_000);
        return result;
      },
    };
    cloudwatch.on(GetMetricDataCommand).callsFake((input) => {
      const timestamps: Date[] = [];
      for (let t = input.StartTime.getTime(); t < input.EndTime.getTime(); t += 60_000) timestamps.push(new Date(t));
      return {
        MetricDataResults: input.MetricDataQueries.map((query: { Id: string; MetricStat: { Metric: { MetricName: string } } }) => {
          const name = query.MetricStat.Metric.MetricName;
          const values = timestamps.map((t, i) => {
            if (name.endsWith('Ops')) return 1000;
            if (name.endsWith('Time')) return (t < FIXED_NOW ? 2 : 9) * (1 + 0.1 * Math.sin(i));
            return 0.5;
          });
          return { Id: query.Id, Timestamps: timestamps, Values: values };
        }),
      };
    });
    // gp2 for precheck, the rollback point and apply's idempotency check; gp3 once changed.
    ec2.on(DescribeVolumesCommand)
      .resolvesOnce(fixture('describe-volumes-gp2.json'))
      .resolvesOnce(fixture('describe-volumes-gp2.json'))
      .resolvesOnce(fixture('describe-volumes-gp2.json'))
      .resolves({ Volumes: [{ VolumeId: VOLUME_ID, VolumeType: 'gp3', Size: 500, State: 'in-use' }] });

    const output = await run();
    expect(output).toMatchObject({ outcome: 'rolled-back', validation: { regressed: true }, rollback: { status: 'rolled-back' } });
    expect(ec2.commandCalls(ModifyVolumeCommand).map((call) => call.args[0].input.VolumeType)).toEqual(['gp3', 'gp2']);
  });

  it('ends red and tells a human when AWS refuses the rollback of a regressed change', async () => {
    handlers = {
      ...handlers,
      validate: async () => ({ regressed: true, test: 't', details: {} }),
      rollback: async () => ({ status: 'refused', at: new Date().toISOString(), reason: 'AWS cannot modify volume while optimizing' }),
    };
    await expect(run()).rejects.toMatchObject({ cause: { name: 'Headroom.ApplyFailed' } });
    expect(posts[0]).toMatch(/^:rotating_light: .* needs a human: the rollback was REFUSED, so the change is still in place — AWS cannot modify volume/);
  });

  it('retries a rollback AWS cannot do yet (RollbackNotYetPossible) until it succeeds', async () => {
    let attempts = 0;
    handlers = {
      ...handlers,
      validate: async () => ({ regressed: true, test: 't', details: {} }),
      rollback: async () => {
        attempts += 1;
        if (attempts < 3) throw Object.assign(new Error('volume modification still optimizing'), { name: 'RollbackNotYetPossible' });
        return { status: 'rolled-back', at: new Date().toISOString(), restored: {} };
      },
    };
    expect(await run()).toMatchObject({ outcome: 'rolled-back', rollback: { status: 'rolled-back' } });
    expect(attempts).toBe(3);
  });

  it("keeps Apply's error and records Rollback's own error apart when the rollback fails", async () => {
    ec2.on(ModifyVolumeCommand).rejects(Object.assign(new Error('The parameter iops is not supported'), { name: 'InvalidParameterCombination' }));
    handlers = { ...handlers, rollback: async () => Promise.reject(Object.assign(new Error('EC2 is down'), { name: 'ServiceUnavailable' })) };
    await expect(run()).rejects.toMatchObject({ cause: { name: 'Headroom.ApplyFailed' } });
    const outcome = (await store.listAudit(ACTION_ID)).find((record) => record.event === 'outcome-rollback-failed');
    expect(outcome?.detail).toMatchObject({ error: { Error: 'InvalidParameterCombination' }, rollbackError: { Error: 'ServiceUnavailable' } });
  });

  it('skips an action on a member-account resource: the apply functions act in their own account only', async () => {
    handlers = createApplyStepHandlers({ ...(await depsWithoutExecutors()), enabledExecutors: ['ebs-gp2-to-gp3'], homeAccount: '999999999999' });
    const output = await run();
    expect(output).toMatchObject({
      outcome: 'skipped',
      precheck: { ok: false, reason: 'resource is in member account 123456789012; cross-account apply is not supported' },
    });
    expect(ec2.commandCalls(DescribeVolumesCommand)).toHaveLength(0);
  });

  async function depsWithoutExecutors() {
    return {
      store,
      executors: EXECUTORS,
      enabledExecutors: [],
      context: sdkContext({ now: () => new Date() }),
      notifier: { post: async ({ text }: { text: string }) => (posts.push(text), { ts: '1.2' }) },
      now: () => new Date(),
    };
  }
});
