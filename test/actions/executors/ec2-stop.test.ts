import { DescribeInstancesCommand, DescribeInstanceTypesCommand, EC2Client, StartInstancesCommand, StopInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ec2Stop } from '../../../lambdas/actions/executors/ec2-stop.js';
import { actionFor } from './support/actions.js';
import { awsError, sdkContext } from './support/context.js';

const ec2 = mockClient(EC2Client);
const INSTANCE_ID = 'i-0fedc4321ba987650';
const action = actionFor('ec2-stop', `arn:aws:ec2:us-east-1:123456789012:instance/${INSTANCE_ID}`, { state: 'running', instanceType: 't3.large' }, { state: 'stopped' }, 'ec2:instance');
const instance = (name: NonNullable<Instance['State']>['Name'], code: number) => ({
  Reservations: [{ Instances: [{ InstanceId: INSTANCE_ID, InstanceType: 't3.large' as const, State: { Code: code, Name: name }, Tags: [] }] }],
});

describe('ec2-stop executor', () => {
  beforeEach(() => {
    ec2.reset();
    ec2.on(DescribeInstancesCommand).resolves(instance('running', 16));
    ec2.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [{ InstanceType: 't3.large', InstanceStorageSupported: false }] });
  });

  it('prechecks a running instance of the recorded type, and refuses a stopped one', async () => {
    expect(await ec2Stop.precheck(action, sdkContext())).toEqual({ ok: true });
    ec2.on(DescribeInstancesCommand).resolves(instance('stopped', 80));
    expect(await ec2Stop.precheck(action, sdkContext())).toEqual({ ok: false, reason: `instance ${INSTANCE_ID} is stopped, not running` });
    ec2.on(DescribeInstancesCommand).rejects(awsError('InvalidInstanceID.NotFound', `The instance ID '${INSTANCE_ID}' does not exist`));
    expect(await ec2Stop.precheck(action, sdkContext())).toEqual({ ok: false, reason: `instance ${INSTANCE_ID} no longer exists` });
  });

  it('stops (never terminates) and waits until the instance is stopped', async () => {
    ec2.on(DescribeInstancesCommand).resolvesOnce(instance('running', 16)).resolvesOnce(instance('stopping', 64)).resolves(instance('stopped', 80));
    ec2.on(StopInstancesCommand).resolves({ StoppingInstances: [{ InstanceId: INSTANCE_ID, CurrentState: { Code: 64, Name: 'stopping' } }] });
    expect(await ec2Stop.apply(action, {}, sdkContext())).toEqual({ instanceId: INSTANCE_ID, state: 'stopped', instanceType: 't3.large' });
    expect(ec2.commandCalls(StopInstancesCommand)[0].args[0].input).toEqual({ InstanceIds: [INSTANCE_ID] });
  });

  it('rolls back by starting the instance; not needed when it runs; refused when AWS has no capacity', async () => {
    const before = { instanceId: INSTANCE_ID, state: 'running', instanceType: 't3.large' };
    expect(await ec2Stop.rollback(action, before, sdkContext())).toMatchObject({ status: 'not-needed' });
    const afterStart = [instance('pending', 0), instance('running', 16)];
    let started = false;
    ec2.on(DescribeInstancesCommand).callsFake(() => (started ? (afterStart.shift() ?? instance('running', 16)) : instance('stopped', 80)));
    ec2.on(StartInstancesCommand).callsFake(() => {
      started = true;
      return {};
    });
    expect(await ec2Stop.rollback(action, before, sdkContext())).toEqual({ status: 'rolled-back', restored: { instanceId: INSTANCE_ID, state: 'running' } });
    ec2.on(StartInstancesCommand).resolves({});
    ec2.on(DescribeInstancesCommand).resolves(instance('stopped', 80));
    // Started, but back to stopped: not rolled back, whatever StartInstances answered.
    expect(await ec2Stop.rollback(action, before, sdkContext())).toMatchObject({ status: 'refused', reason: expect.stringContaining('did not start') });
    ec2.on(StartInstancesCommand).rejects(awsError('InsufficientInstanceCapacity', 'no capacity'));
    expect(await ec2Stop.rollback(action, before, sdkContext())).toMatchObject({ status: 'refused' });
  });

  it('refuses to stop a Spot instance or one with instance-store volumes', async () => {
    const spot = instance('running', 16);
    Object.assign(spot.Reservations[0].Instances[0], { InstanceLifecycle: 'spot' });
    ec2.on(DescribeInstancesCommand).resolves(spot);
    expect(await ec2Stop.precheck(action, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('Spot instance') });
    ec2.on(DescribeInstancesCommand).resolves(instance('running', 16));
    ec2.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [{ InstanceType: 't3.large', InstanceStorageSupported: true }] });
    expect(await ec2Stop.precheck(action, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('instance-store volumes') });
  });

  it('validates what a stopped instance leaves: its target groups\' traffic and its alarms (it publishes no metrics)', () => {
    const plan = ec2Stop.validation(action);
    expect(plan.metrics).toEqual([]);
    expect(plan.checks.map((c) => c.name)).toEqual(['targetGroupTraffic', 'alarms']);
  });
});
