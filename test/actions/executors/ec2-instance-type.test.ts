import {
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ec2InstanceType } from '../../../lambdas/actions/executors/ec2-instance-type.js';
import { actionFor } from './support/actions.js';
import { awsError, sdkContext } from './support/context.js';

const ec2 = mockClient(EC2Client);
const INSTANCE_ID = 'i-0abcd1234ef567890';
const action = actionFor(
  'ec2-instance-type',
  `arn:aws:ec2:us-east-1:123456789012:instance/${INSTANCE_ID}`,
  { instanceType: 'm5.xlarge', vcpu: 4, memoryGiB: 16, architecture: 'x86_64' },
  { instanceType: 'm5.large', vcpu: 2, memoryGiB: 8, architecture: 'x86_64' },
  'ec2:instance',
);
// Saturday 03:00 UTC: inside the window below.
const inWindow = () => sdkContext({ now: () => new Date('2026-11-28T03:00:00Z'), maintenanceWindow: { days: ['sat', 'sun'], startUtc: '02:00', durationHours: 4 } });

/** DescribeInstances shaped like the EC2 API reference's example response. */
function described(patch: Partial<Instance>) {
  return {
    Reservations: [
      {
        ReservationId: 'r-1234567890abcdef0',
        OwnerId: '123456789012',
        Instances: [
          {
            InstanceId: INSTANCE_ID,
            InstanceType: 'm5.xlarge',
            Architecture: 'x86_64',
            State: { Code: 16, Name: 'running' },
            Placement: { AvailabilityZone: 'us-east-1a' },
            Tags: [{ Key: 'Name', Value: 'web-1' }, { Key: 'headroom:managed', Value: 'true' }],
            ...patch,
          } as Instance,
        ],
      },
    ],
  };
}

describe('ec2-instance-type executor', () => {
  beforeEach(() => {
    ec2.reset();
    ec2.on(DescribeInstancesCommand).resolves(described({}));
    // DescribeInstanceTypes per requested type: Graviton families (a 'g' after the generation) are arm64 only.
    ec2.on(DescribeInstanceTypesCommand).callsFake((input: { InstanceTypes: string[] }) => ({
      InstanceTypes: input.InstanceTypes.map((type) => ({
        InstanceType: type,
        InstanceStorageSupported: false,
        ProcessorInfo: { SupportedArchitectures: /^[a-z]+\d+g/.test(type) ? ['arm64'] : ['i386', 'x86_64'], SustainedClockSpeedInGhz: 3.1 },
      })),
    }));
  });

  it('is eligible for a same-architecture type change, and says why not for an ASG member or a move to Graviton', () => {
    expect(ec2InstanceType.eligibility(action)).toEqual({ ok: true });
    const member = { ...action, resource: { ...action.resource, tags: { 'aws:autoscaling:groupName': 'web-asg' } } };
    expect(ec2InstanceType.eligibility(member)).toEqual({ ok: false, reason: "member of Auto Scaling group web-asg — change the group's launch template" });
    const toGraviton = { ...action, proposed: { instanceType: 'm6g.large', architecture: 'arm64' } };
    expect(ec2InstanceType.eligibility(toGraviton)).toMatchObject({ ok: false, reason: expect.stringContaining('x86_64 → arm64') });
  });

  it("refuses in precheck a target type that cannot boot the instance's AMI architecture (read from AWS)", async () => {
    // The action does not say (an imported recommendation without architectures): AWS does.
    const blind = { ...action, current: { instanceType: 'm5.xlarge' }, proposed: { instanceType: 'c6g.large' } };
    expect(ec2InstanceType.eligibility(blind)).toEqual({ ok: true });
    expect(await ec2InstanceType.precheck(blind, inWindow())).toEqual({
      ok: false,
      reason: `instance ${INSTANCE_ID} runs a x86_64 AMI, which c6g.large (arm64) cannot boot`,
    });
    expect(ec2.calls().filter((call) => call.args[0] instanceof StopInstancesCommand)).toHaveLength(0);
  });

  it('refuses outside the maintenance window, with the next opening, before calling AWS', async () => {
    const ctx = sdkContext({ now: () => new Date('2026-11-25T12:00:00Z'), maintenanceWindow: { days: ['sat', 'sun'], startUtc: '02:00', durationHours: 4 } });
    expect(await ec2InstanceType.precheck(action, ctx)).toEqual({
      ok: false,
      reason: '2026-11-25T12:00:00.000Z is outside the maintenance window (sat,sun 02:00 UTC for 4 h); it next opens at 2026-11-28T02:00:00.000Z',
    });
    expect(await ec2InstanceType.precheck(action, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('no maintenance window is configured') });
    expect(ec2.calls()).toHaveLength(0);
  });

  it('passes inside the window for a running instance of the recorded type in the tag scope', async () => {
    expect(await ec2InstanceType.precheck(action, inWindow())).toEqual({ ok: true });
    expect(await ec2InstanceType.precheck(action, { ...inWindow(), tagScope: { key: 'team', value: 'x' } })).toMatchObject({ ok: false, reason: expect.stringContaining('team=x') });
  });

  it('refuses an instance whose type changed or that belongs to an Auto Scaling group', async () => {
    ec2.on(DescribeInstancesCommand).resolves(described({ InstanceType: 'm5.2xlarge' }));
    expect(await ec2InstanceType.precheck(action, inWindow())).toMatchObject({ ok: false, reason: expect.stringContaining('now m5.2xlarge') });
    ec2.on(DescribeInstancesCommand).resolves(described({ Tags: [{ Key: 'aws:autoscaling:groupName', Value: 'web-asg' }] }));
    expect(await ec2InstanceType.precheck(action, inWindow())).toMatchObject({ ok: false, reason: expect.stringContaining('Auto Scaling group web-asg') });
  });

  it('stops, modifies, starts a running instance and waits until it is running', async () => {
    ec2.on(DescribeInstancesCommand)
      .resolvesOnce(described({}))
      .resolvesOnce(described({ State: { Code: 64, Name: 'stopping' } }))
      .resolvesOnce(described({ State: { Code: 80, Name: 'stopped' } }))
      .resolvesOnce(described({ InstanceType: 'm5.large', State: { Code: 0, Name: 'pending' } }))
      .resolves(described({ InstanceType: 'm5.large', State: { Code: 16, Name: 'running' } }));
    ec2.on(StopInstancesCommand).resolves({ StoppingInstances: [{ InstanceId: INSTANCE_ID, CurrentState: { Code: 64, Name: 'stopping' } }] });
    ec2.on(ModifyInstanceAttributeCommand).resolves({});
    ec2.on(StartInstancesCommand).resolves({ StartingInstances: [{ InstanceId: INSTANCE_ID, CurrentState: { Code: 0, Name: 'pending' } }] });
    const before = { instanceId: INSTANCE_ID, instanceType: 'm5.xlarge', state: 'running' };
    expect(await ec2InstanceType.apply(action, before, inWindow())).toEqual({ instanceId: INSTANCE_ID, instanceType: 'm5.large', state: 'running' });
    expect(ec2.commandCalls(ModifyInstanceAttributeCommand)[0].args[0].input).toEqual({ InstanceId: INSTANCE_ID, InstanceType: { Value: 'm5.large' } });
    expect(ec2.commandCalls(StartInstancesCommand)).toHaveLength(1);
  });

  it('fails the apply with the StateReason when the instance falls back to stopped after the start', async () => {
    const fellBack = described({
      InstanceType: 'm5.large',
      State: { Code: 80, Name: 'stopped' },
      StateReason: { Code: 'Client.InternalError', Message: 'Client.InternalError: Client error on launch' },
    });
    ec2.on(DescribeInstancesCommand)
      .resolvesOnce(described({ State: { Code: 80, Name: 'stopped' } }))
      .resolvesOnce(described({ InstanceType: 'm5.large', State: { Code: 0, Name: 'pending' } }))
      .resolves(fellBack);
    ec2.on(ModifyInstanceAttributeCommand).resolves({});
    ec2.on(StartInstancesCommand).resolves({});
    const before = { instanceId: INSTANCE_ID, instanceType: 'm5.xlarge', state: 'running' };
    await expect(ec2InstanceType.apply(action, before, inWindow())).rejects.toThrow(/did not start: it is stopped \(Client.InternalError: Client error on launch\)/);
  });

  it('refuses Spot instances and instance types with instance-store volumes, which a stop would lose', async () => {
    ec2.on(DescribeInstancesCommand).resolves(described({ InstanceLifecycle: 'spot' }));
    expect(await ec2InstanceType.precheck(action, inWindow())).toMatchObject({ ok: false, reason: expect.stringContaining('Spot instance') });
    ec2.on(DescribeInstancesCommand).resolves(described({ InstanceType: 'm5d.xlarge' }));
    ec2.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [{ InstanceType: 'm5d.xlarge', InstanceStorageSupported: true, InstanceStorageInfo: { TotalSizeInGB: 150 } }],
    });
    const storeAction = { ...action, current: { ...action.current, instanceType: 'm5d.xlarge' } };
    expect(await ec2InstanceType.precheck(storeAction, inWindow())).toMatchObject({ ok: false, reason: expect.stringContaining('instance-store volumes (150 GB)') });
    expect(ec2.commandCalls(DescribeInstanceTypesCommand).at(-1)?.args[0].input).toEqual({ InstanceTypes: ['m5d.xlarge'] });
  });

  it('rolls back an instance still stopping only after it has stopped, never starting a stopping instance', async () => {
    let state: 'stopping' | 'stopped' | 'pending' | 'running' = 'stopping';
    let reads = 0;
    ec2.on(DescribeInstancesCommand).callsFake(() => {
      reads += 1;
      if (state === 'stopping' && reads >= 3) state = 'stopped';
      else if (state === 'pending') state = 'running';
      return described({ InstanceType: 'm5.xlarge', State: { Code: 0, Name: state } });
    });
    const statesAtStart: string[] = [];
    ec2.on(StartInstancesCommand).callsFake(() => {
      statesAtStart.push(state);
      state = 'pending';
      return {};
    });
    const before = { instanceId: INSTANCE_ID, instanceType: 'm5.xlarge', state: 'running' };
    expect(await ec2InstanceType.rollback(action, before, inWindow())).toMatchObject({ status: 'rolled-back', restored: { state: 'running' } });
    expect(statesAtStart).toEqual(['stopped']);
    expect(ec2.commandCalls(StopInstancesCommand)).toHaveLength(0);
  });

  it('refuses to apply once the window has closed', async () => {
    const late = { ...inWindow(), now: () => new Date('2026-11-28T07:00:00Z') };
    await expect(ec2InstanceType.apply(action, { instanceId: INSTANCE_ID, instanceType: 'm5.xlarge', state: 'running' }, late)).rejects.toThrow(/outside the maintenance window/);
    expect(ec2.commandCalls(StopInstancesCommand)).toHaveLength(0);
  });

  it('rolls back with the same dance, and reports missing capacity as refused', async () => {
    let started = false;
    ec2.on(DescribeInstancesCommand).callsFake(() =>
      described(started ? { InstanceType: 'm5.xlarge', State: { Code: 16, Name: 'running' } } : { InstanceType: 'm5.large', State: { Code: 80, Name: 'stopped' } }),
    );
    ec2.on(ModifyInstanceAttributeCommand).resolves({});
    ec2.on(StartInstancesCommand).callsFake(() => {
      started = true;
      return {};
    });
    const before = { instanceId: INSTANCE_ID, instanceType: 'm5.xlarge', state: 'running' };
    expect(await ec2InstanceType.rollback(action, before, inWindow())).toMatchObject({ status: 'rolled-back', restored: { instanceType: 'm5.xlarge' } });
    expect(ec2.commandCalls(ModifyInstanceAttributeCommand)[0].args[0].input.InstanceType).toEqual({ Value: 'm5.xlarge' });
    started = false;
    ec2.on(StartInstancesCommand).rejects(awsError('InsufficientInstanceCapacity', 'We currently do not have sufficient m5.xlarge capacity.'));
    expect(await ec2InstanceType.rollback(action, before, inWindow())).toMatchObject({ status: 'refused', reason: expect.stringContaining('no m5.xlarge capacity') });
  });

  it('validates CPU p95 as a level, failed status checks as a rate, and the instance alarms', () => {
    const plan = ec2InstanceType.validation(action);
    expect(plan.metrics.map((m) => [m.kind, m.name, m.kind === 'level' ? m.inputs.cpu.stat : m.events.stat])).toEqual([
      ['level', 'cpuUtilizationP95', 'p95'],
      ['rate', 'statusCheckFailed', 'Maximum'],
    ]);
    expect(plan.checks.map((c) => c.name)).toEqual(['alarms']);
  });
});
