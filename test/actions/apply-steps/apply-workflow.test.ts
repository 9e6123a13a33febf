import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { DescribeVolumesCommand, DescribeVolumesModificationsCommand, EC2Client, ModifyVolumeCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyState } from '../../../lambdas/actions/apply-steps/apply-state.js';
import { runApply } from '../../../lambdas/actions/apply-steps/apply.js';
import { OperationStillInProgress } from '../../../lambdas/actions/executors/support.js';
import type { ApplyStepDeps } from '../../../lambdas/actions/apply-steps/deps.js';
import { runNotifyOutcome } from '../../../lambdas/actions/apply-steps/notify-outcome.js';
import { runPrecheck } from '../../../lambdas/actions/apply-steps/precheck.js';
import { runRollbackPoint } from '../../../lambdas/actions/apply-steps/rollback-point.js';
import { runRollback } from '../../../lambdas/actions/apply-steps/rollback.js';
import { runValidate } from '../../../lambdas/actions/apply-steps/validate.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';
import type { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { ACTION_ID, approve, ebsAction, FIXED_NOW, fixture, storeWith, VOLUME_ID } from '../helpers.js';
import { sdkContext } from '../executors/support/context.js';
import { ebsGp2ToGp3 } from '../../../lambdas/actions/executors/ebs-gp2-to-gp3.js';

const ec2 = mockClient(EC2Client);
const cloudwatch = mockClient(CloudWatchClient);
const BAKE_MS = 2 * 3_600_000;

/** Serves EBS metrics per minute: latency `before` ms until the change, `after` ms from it; ±20 % deterministic wobble. */
function serveLatency(changeAt: Date, beforeMs: number, afterMs: number): void {
  cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
    const start = input.StartTime as Date;
    const end = input.EndTime as Date;
    const timestamps: Date[] = [];
    for (let t = start.getTime(); t < end.getTime(); t += 60_000) timestamps.push(new Date(t));
    const wobble = (i: number) => 1 + 0.2 * Math.sin(i * 1.7);
    return {
      MetricDataResults: (input.MetricDataQueries ?? []).map((query) => {
        const metric = query.MetricStat?.Metric?.MetricName;
        const values = timestamps.map((t, i) => {
          const latencyMs = (t < changeAt ? beforeMs : afterMs) * wobble(i);
          if (metric === 'VolumeReadOps' || metric === 'VolumeWriteOps') return 1000;
          if (metric === 'VolumeTotalReadTime' || metric === 'VolumeTotalWriteTime') return (latencyMs / 1000) * 1000;
          return 0.5 * wobble(i); // VolumeQueueLength unchanged
        });
        return { Id: query.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' };
      }),
    };
  });
}

describe('apply workflow steps with the gp2 → gp3 executor', () => {
  let store: MemoryStore;
  let clock: Date;
  let posts: { channel: string; threadTs?: string; text: string }[];
  let deps: ApplyStepDeps;
  let state: ApplyState;

  beforeEach(async () => {
    ec2.reset();
    cloudwatch.reset();
    // DescribeAlarms as documented for an account with no alarm in ALARM.
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    ec2.on(DescribeVolumesCommand).resolves(fixture('describe-volumes-gp2.json'));
    ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [] });
    ec2.on(ModifyVolumeCommand).resolves({
      VolumeModification: { VolumeId: VOLUME_ID, ModificationState: 'modifying', TargetVolumeType: 'gp3', TargetSize: 500, TargetIops: 3000, TargetThroughput: 125 },
    });
    store = await storeWith([ebsAction(), ebsAction({ id: 'act-lambda', automation: { executor: 'lambda-memory' } })]);
    state = await approve(store, ACTION_ID, { slack: { channelId: 'C0LAN2Q65', messageTs: '1548261231.000200' } });
    clock = FIXED_NOW;
    posts = [];
    deps = {
      store,
      executors: EXECUTORS,
      enabledExecutors: ['ebs-gp2-to-gp3'],
      context: sdkContext({ now: () => clock }),
      notifier: { post: async (message) => (posts.push(message), { ts: '1548261300.000100' }) },
      now: () => clock,
    };
  });

  /** Runs the steps the way the state machine does, each result at its ResultPath. */
  async function throughApply(): Promise<void> {
    state.precheck = await runPrecheck(state, deps);
    expect(state.precheck).toMatchObject({ ok: true });
    state.rollbackPoint = await runRollbackPoint(state, deps);
    state.apply = await runApply(state, deps);
    clock = new Date(FIXED_NOW.getTime() + BAKE_MS);
  }

  describe('precheck', () => {
    it('skips when the executor is not enabled (the default)', async () => {
      expect(await runPrecheck(state, { ...deps, enabledExecutors: [] })).toMatchObject({ ok: false, reason: 'executor ebs-gp2-to-gp3 is not enabled' });
      expect(ec2.commandCalls(DescribeVolumesCommand)).toHaveLength(0);
    });

    it('skips an action that was never approved', async () => {
      const result = await runPrecheck({ ...state, actionId: 'act-lambda' }, { ...deps, enabledExecutors: ['lambda-memory'] });
      expect(result).toEqual({ ok: false, reason: 'action act-lambda has no standing decision (it was reopened, or never decided)' });
    });

    it('skips an action whose executor is not registered', async () => {
      const lambdaState = await approve(store, 'act-lambda');
      const result = await runPrecheck(lambdaState, { ...deps, executors: [ebsGp2ToGp3], enabledExecutors: ['lambda-memory'] });
      expect(result).toMatchObject({ ok: false, reason: 'executor lambda-memory is not implemented yet' });
    });

    it('skips when the volume no longer matches the action', async () => {
      ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: VOLUME_ID, VolumeType: 'gp3', Size: 500, State: 'in-use' }] });
      expect(await runPrecheck(state, deps)).toMatchObject({ ok: false, reason: expect.stringContaining('not gp2') });
    });
  });

  it('applies, validates without regression and reports in the Slack thread', async () => {
    await throughApply();
    serveLatency(FIXED_NOW, 2, 2);
    state.validation = await runValidate(state, deps);
    state.outcome = 'applied';
    const notified = await runNotifyOutcome(state, deps);

    expect(state.rollbackPoint?.before).toMatchObject({ volumeType: 'gp2', iops: 1500 });
    expect(state.apply).toMatchObject({ appliedAt: FIXED_NOW.toISOString(), after: { volumeType: 'gp3', iops: 3000, throughputMiBps: 125 } });
    expect(state.validation.regressed).toBe(false);
    expect(state.validation.details.metrics).toMatchObject({ averageLatencyMs: { verdict: 'no-regression', samplesAfter: 120 } });
    expect(notified).toEqual({ outcome: 'applied', notified: true, channel: 'C0LAN2Q65', ts: '1548261300.000100' });
    expect(posts[0].threadTs).toBe('1548261231.000200');
    expect(posts[0].text).toMatch(/^:white_check_mark: Applied .* on db-data \(approved by <@U0APPROVER>\)/);
    const audit = await store.listAudit(ACTION_ID);
    expect(audit.map((r) => r.event)).toEqual(['precheck', 'rollback-point', 'applied', 'validated', 'outcome-applied']);
    expect(audit.find((r) => r.event === 'applied')?.detail).toMatchObject({ approvedBy: 'U0APPROVER', before: { volumeType: 'gp2' }, after: { volumeType: 'gp3' } });
  });

  it('detects a latency regression and rolls the volume back to gp2', async () => {
    await throughApply();
    serveLatency(FIXED_NOW, 2, 6);
    state.validation = await runValidate(state, deps);
    expect(state.validation).toMatchObject({ regressed: true, details: { metrics: { averageLatencyMs: { verdict: 'regressed' } } } });

    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: VOLUME_ID, VolumeType: 'gp3', Size: 500, State: 'in-use' }] });
    ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'completed' }] });
    state.rollback = await runRollback(state, deps);
    state.outcome = 'rolled-back';
    await runNotifyOutcome(state, deps);

    expect(state.rollback).toMatchObject({ status: 'rolled-back', restored: { volumeType: 'gp2' } });
    expect(ec2.commandCalls(ModifyVolumeCommand).map((c) => c.args[0].input.VolumeType)).toEqual(['gp3', 'gp2']);
    expect(posts[0].text).toMatch(/Rolled back/);
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toContain('rollback-rolled-back');
  });

  it('throws RollbackNotYetPossible while the modification is optimizing, auditing each attempt, then rolls back once it completes', async () => {
    await throughApply();
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: VOLUME_ID, VolumeType: 'gp3', Size: 500, State: 'in-use' }] });
    ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'optimizing', Progress: 60 }] });
    state.validation = { regressed: true, test: 'fixed', details: {} };
    await expect(runRollback(state, deps)).rejects.toMatchObject({ name: 'RollbackNotYetPossible', message: expect.stringContaining('optimizing (60 %)') });
    const deferred = (await store.listAudit(ACTION_ID)).find((r) => r.event === 'rollback-errored');
    expect(deferred?.detail).toMatchObject({ trigger: 'regression', error: expect.stringMatching(/^RollbackNotYetPossible: .*optimizing \(60 %\)/) });

    ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'completed' }] });
    state.rollback = await runRollback(state, deps);
    expect(state.rollback.status).toBe('rolled-back');
  });

  it('audits a precheck or rollback point whose executor throws, before rethrowing', async () => {
    ec2.on(DescribeVolumesCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'RequestLimitExceeded' }));
    await expect(runPrecheck(state, deps)).rejects.toThrow('Rate exceeded');
    await expect(runRollbackPoint(state, deps)).rejects.toThrow('Rate exceeded');
    const audit = await store.listAudit(ACTION_ID);
    expect(audit.map((r) => [r.event, r.detail.error])).toEqual([
      ['precheck-failed', 'RequestLimitExceeded: Rate exceeded'],
      ['rollback-point-failed', 'RequestLimitExceeded: Rate exceeded'],
    ]);
  });

  it("keeps both Apply's error and Rollback's own error in the outcome audit and message", async () => {
    await throughApply();
    state.error = { Error: 'InvalidParameterCombination', Cause: 'The parameter iops is not supported' };
    state.rollbackError = { Error: 'RollbackNotYetPossible', Cause: 'still optimizing after 24 h' };
    state.outcome = 'rollback-failed';
    await runNotifyOutcome(state, deps);
    const outcome = (await store.listAudit(ACTION_ID)).find((r) => r.event === 'outcome-rollback-failed');
    expect(outcome?.detail).toMatchObject({ error: state.error, rollbackError: state.rollbackError });
    expect(posts[0].text).toContain('Apply error: InvalidParameterCombination');
    expect(posts[0].text).toContain('Rollback error: RollbackNotYetPossible — still optimizing after 24 h');
  });

  it('after a failed apply, finds nothing to undo and reports the error', async () => {
    ec2.on(ModifyVolumeCommand).rejects(Object.assign(new Error('The parameter iops is not supported'), { name: 'InvalidParameterCombination' }));
    state.precheck = await runPrecheck(state, deps);
    state.rollbackPoint = await runRollbackPoint(state, deps);
    await expect(runApply(state, deps)).rejects.toThrow('iops is not supported');
    state.error = { Error: 'InvalidParameterCombination', Cause: 'The parameter iops is not supported' };
    state.rollback = await runRollback(state, deps);
    state.outcome = 'rolled-back';
    await runNotifyOutcome(state, deps);

    expect(state.rollback.status).toBe('not-needed');
    expect(posts[0].text).toContain('Apply error: InvalidParameterCombination');
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['precheck', 'rollback-point', 'apply-failed', 'rollback-not-needed', 'outcome-rolled-back']);
  });

  it('audits an operation still in progress as such, not as a failure (the state machine retries it)', async () => {
    state.precheck = await runPrecheck(state, deps);
    state.rollbackPoint = await runRollbackPoint(state, deps);
    ec2.on(ModifyVolumeCommand).rejects(new OperationStillInProgress('the modification is still being accepted'));
    await expect(runApply(state, deps)).rejects.toBeInstanceOf(OperationStillInProgress);
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toEqual(['precheck', 'rollback-point', 'apply-in-progress']);
  });

  it('refuses to apply without a rollback point', async () => {
    await expect(runApply(state, deps)).rejects.toThrow(/without a rollback point/);
    expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
  });

  it('reports a skipped action at the top of the fallback channel when there is no Slack thread', async () => {
    const plain = await storeWith([ebsAction()]);
    const input = await approve(plain);
    const withDeps = { ...deps, store: plain };
    const skipped: ApplyState = { ...input, precheck: await runPrecheck(input, { ...withDeps, enabledExecutors: [] }), outcome: 'skipped' };
    expect(await runNotifyOutcome(skipped, withDeps, 'C0FALLBACK')).toMatchObject({ notified: true, channel: 'C0FALLBACK' });
    expect(posts[0]).toMatchObject({ channel: 'C0FALLBACK', threadTs: undefined, text: expect.stringContaining('executor ebs-gp2-to-gp3 is not enabled') });
  });

  it('reopens the action for approval after an outcome that left the resource unchanged, and keeps the decision after applying', async () => {
    const skipped = { ...state, precheck: await runPrecheck(state, { ...deps, enabledExecutors: [] }) };
    await runNotifyOutcome({ ...skipped, outcome: 'skipped' }, deps);
    expect(await store.getDecision(ACTION_ID)).toBeUndefined();
    const second = await approve(store, ACTION_ID, { decidedBy: 'U1' });
    expect(second.decisionVersion).toBe(2);
    const applied = { ...second, precheck: await runPrecheck(second, deps) };
    await runNotifyOutcome({ ...applied, outcome: 'applied' }, deps);
    expect(await store.getDecision(ACTION_ID)).toMatchObject({ decision: 'approved', version: 2, apply: { status: 'applied' } });
  });

  it('lets a second, late execution of a settled approval change nothing: skipped, audited, the applied decision kept', async () => {
    const first = { ...state, precheck: await runPrecheck(state, deps) };
    await runNotifyOutcome({ ...first, outcome: 'applied' }, deps);
    const late = { ...state, precheck: await runPrecheck(state, deps) };
    expect(late.precheck).toEqual({ ok: false, reason: `decision v1 of action ${ACTION_ID} already ended applied` });
    expect(await runNotifyOutcome({ ...late, outcome: 'skipped' }, deps)).toMatchObject({ notified: false });
    expect(await store.getDecision(ACTION_ID)).toMatchObject({ version: 1, apply: { status: 'applied' } });
    expect((await store.listAudit(ACTION_ID)).map((r) => r.event)).toContain('approval-mismatch');
  });

  it('fails closed on a forged approver: nothing is read from AWS, the mismatch is audited, the decision is untouched', async () => {
    const forged: ApplyState = { ...state, approvedBy: 'U0FORGED' };
    expect(await runPrecheck(forged, deps)).toEqual({ ok: false, reason: 'the execution claims approval by U0FORGED, but decision v1 was approved by U0APPROVER' });
    expect(ec2.commandCalls(DescribeVolumesCommand)).toHaveLength(0);
    const audit = await store.listAudit(ACTION_ID);
    expect(audit).toEqual([expect.objectContaining({ event: 'approval-mismatch', detail: expect.objectContaining({ approvedBy: 'U0APPROVER' }) })]);
    expect(await runNotifyOutcome({ ...forged, precheck: { ok: false }, outcome: 'skipped' }, deps)).toMatchObject({ notified: false });
    expect(await store.getDecision(ACTION_ID)).toMatchObject({ version: 1, decidedBy: 'U0APPROVER' });
    expect((await store.getDecision(ACTION_ID))?.apply).toBeUndefined();
  });

  it('refuses an execution naming another decision version, and the steps after Precheck refuse too', async () => {
    const stale: ApplyState = { ...state, decisionVersion: 7 };
    expect(await runPrecheck(stale, deps)).toMatchObject({ ok: false, reason: expect.stringContaining('names decision v7') });
    await expect(runRollbackPoint({ ...stale, precheck: { ok: true } }, deps)).rejects.toThrow(/Refusing to act/);
    const unbound: ApplyState = { ...state, binding: { execution: 'apply-forged-by-hand' } };
    expect(await runPrecheck(unbound, deps)).toMatchObject({ ok: false, reason: expect.stringContaining('is not the one decision v1') });
  });
});
