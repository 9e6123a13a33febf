import type { _InstanceType, Instance } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import {
  autoScalingGroupOf,
  describeInstance,
  instanceIdOf,
  instanceTags,
  InstanceDidNotStart,
  unsafeToStopReason,
  waitForInstanceState,
  waitForRunning,
} from './ec2-instance-support.js';
import { alarmCheck } from '../validation/checks.js';
import type { Ec2Port, Executor, ExecutorContext, PrecheckOutcome, RollbackOutcome, ValidationPlan } from './executor.js';
import { outsideWindowReason } from './maintenance-window.js';
import { EBS_KMS_PERMISSIONS, eligibilityOf, errorCode, errorMessage, inTagScope, InvalidExecutorAction, parseChange, tagScopeReason } from './support.js';

/**
 * Change an EC2 instance's type: stop → ModifyInstanceAttribute InstanceType → start (the type of a running
 * instance cannot change). The restart interrupts the workload, so precheck AND apply refuse outside the
 * configured maintenance window (ExecutorContext.maintenanceWindow; none configured = never). Precheck also
 * checks the instance still has the recorded type, is running or stopped, is in the tag scope and is not in
 * an Auto Scaling group (the group's launch template would undo the change). Rollback is the same dance back to
 * the recorded type and state; it runs even outside the window, because a regressed instance is worse than a
 * second restart.
 */

export const EC2_INSTANCE_TYPE = 'ec2-instance-type';

/** `architecture`: the instance's (its AMI's) and the target type's, when the engine knew them (rules and ingestion set them). */
const CurrentSchema = z.object({ instanceType: z.string().min(1), architecture: z.string().optional() });
const ProposedSchema = z.object({ instanceType: z.string().min(1), architecture: z.string().optional() });
const BeforeSchema = z.object({ instanceId: z.string(), instanceType: z.string(), state: z.string() });

const parse = (action: Action) => parseChange(action, 'instance-type', CurrentSchema, ProposedSchema);

/**
 * A type change of an EC2 instance that keeps its CPU architecture and is not an Auto Scaling group member (the group's
 * launch template would bring the old type back on the next replacement).
 */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    const { current, proposed } = parse(action);
    instanceIdOf(action);
    const group = action.resource.tags['aws:autoscaling:groupName'];
    if (group) return `member of Auto Scaling group ${group} — change the group's launch template`;
    if (proposed.instanceType === current.instanceType) return `the action proposes the type the instance already has (${current.instanceType})`;
    if (current.architecture && proposed.architecture && current.architecture !== proposed.architecture) {
      return `moves ${current.architecture} → ${proposed.architecture}: the AMI must be rebuilt for ${proposed.architecture}, a migration rather than a type change`;
    }
    return undefined;
  });
}

/** Why the instance's AMI cannot run on `type` (DescribeInstanceTypes ProcessorInfo.SupportedArchitectures), or undefined. */
async function architectureMismatch(ec2: Ec2Port, instance: Instance, type: string): Promise<string | undefined> {
  const { InstanceTypes = [] } = await ec2.describeInstanceTypes({ InstanceTypes: [type as _InstanceType] });
  const supported = InstanceTypes.find((candidate) => candidate.InstanceType === type)?.ProcessorInfo?.SupportedArchitectures;
  if (!supported) return `DescribeInstanceTypes returned no architectures for ${type}, so it cannot be checked against the instance's AMI`;
  const architecture = instance.Architecture;
  if (!architecture) return `DescribeInstances returned no architecture for instance ${instance.InstanceId}`;
  if (!(supported as string[]).includes(architecture)) return `instance ${instance.InstanceId} runs a ${architecture} AMI, which ${type} (${supported.join(', ')}) cannot boot`;
  return undefined;
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current, proposed } = parse(action);
  const outside = outsideWindowReason(ctx.maintenanceWindow, ctx.now());
  if (outside) return { ok: false, reason: outside };
  const instanceId = instanceIdOf(action);
  const instance = await describeInstance(ctx.ec2(action.resource.region), instanceId);
  if (!instance) return { ok: false, reason: `instance ${instanceId} no longer exists` };
  if (instance.InstanceType !== current.instanceType) {
    return { ok: false, reason: `instance ${instanceId} is now ${instance.InstanceType}, not the ${current.instanceType} the action was computed for` };
  }
  const state = instance.State?.Name;
  if (state !== 'running' && state !== 'stopped') return { ok: false, reason: `instance ${instanceId} is ${state}, not running or stopped` };
  const group = autoScalingGroupOf(instance);
  if (group) return { ok: false, reason: `instance ${instanceId} belongs to Auto Scaling group ${group}; change its launch template instead` };
  if (!inTagScope(instanceTags(instance), ctx)) return { ok: false, reason: tagScopeReason(`instance ${instanceId}`, ctx) };
  // Asked of a stopped instance too: the rollback after a regression restarts it, and the type change stops it.
  const unsafe = await unsafeToStopReason(ctx.ec2(action.resource.region), instance);
  if (unsafe) return { ok: false, reason: unsafe };
  const mismatch = await architectureMismatch(ctx.ec2(action.resource.region), instance, proposed.instanceType);
  if (mismatch) return { ok: false, reason: mismatch };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const instanceId = instanceIdOf(action);
  const instance = await describeInstance(ctx.ec2(action.resource.region), instanceId);
  if (!instance) throw new InvalidExecutorAction(`Instance ${instanceId} disappeared before its rollback point was recorded.`);
  return { instanceId, instanceType: instance.InstanceType ?? 'unknown', state: instance.State?.Name ?? 'unknown' };
}

/**
 * Brings the instance to `instanceType` and then to `finalState` ('running' or 'stopped'). Idempotent: each
 * step is skipped when the instance is already there, so a repeated invocation resumes where one stopped. An
 * instance still `stopping` (an earlier Apply ran out of time) is waited for first: StartInstances and
 * ModifyInstanceAttribute both refuse it. A start is waited for until `running` (waitForRunning throws with the
 * instance's StateReason when it falls back to stopped), so the bake measures a running instance.
 */
async function changeType(ctx: ExecutorContext, ec2: Ec2Port, instanceId: string, instanceType: string, finalState: string): Promise<Record<string, unknown>> {
  let instance = await describeInstance(ec2, instanceId);
  if (!instance) throw new InvalidExecutorAction(`Instance ${instanceId} no longer exists.`);
  if (instance.State?.Name === 'stopping') instance = await waitForInstanceState(ctx, ec2, instanceId, 'stopped');
  if (instance.InstanceType !== instanceType) {
    if (instance.State?.Name !== 'stopped') {
      await ec2.stopInstances({ InstanceIds: [instanceId] });
      instance = await waitForInstanceState(ctx, ec2, instanceId, 'stopped');
    }
    await ec2.modifyInstanceAttribute({ InstanceId: instanceId, InstanceType: { Value: instanceType as _InstanceType } });
  }
  if (finalState === 'running') {
    if (instance.State?.Name !== 'running' && instance.State?.Name !== 'pending') await ec2.startInstances({ InstanceIds: [instanceId] });
    instance = await waitForRunning(ctx, ec2, instanceId);
  }
  return { instanceId, instanceType, state: instance.State?.Name };
}

async function apply(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const { proposed } = parse(action);
  const before = BeforeSchema.parse(beforeRecord);
  // Checked again: the rollback point may have been recorded just before the window closed.
  const outside = outsideWindowReason(ctx.maintenanceWindow, ctx.now());
  if (outside) throw new InvalidExecutorAction(`Refusing to restart instance ${before.instanceId}: ${outside}.`);
  return changeType(ctx, ctx.ec2(action.resource.region), before.instanceId, proposed.instanceType, before.state === 'stopped' ? 'stopped' : 'running');
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const ec2 = ctx.ec2(action.resource.region);
  const instance = await describeInstance(ec2, before.instanceId);
  if (!instance) return { status: 'refused', reason: `instance ${before.instanceId} no longer exists, so it cannot be restored` };
  const finalState = before.state === 'stopped' ? 'stopped' : 'running';
  const running = instance.State?.Name === 'running' || instance.State?.Name === 'pending';
  if (instance.InstanceType === before.instanceType && (finalState === 'stopped' || running)) {
    return { status: 'not-needed', reason: `instance ${before.instanceId} is still ${before.instanceType}` };
  }
  try {
    const restored = await changeType(ctx, ec2, before.instanceId, before.instanceType, finalState);
    return { status: 'rolled-back', restored };
  } catch (error) {
    // No capacity for the old type in this AZ right now: a human must choose (wait, or another type).
    if (errorCode(error) === 'InsufficientInstanceCapacity') {
      return { status: 'refused', reason: `AWS has no ${before.instanceType} capacity to restore instance ${before.instanceId}: ${errorMessage(error)}` };
    }
    // Started but fell back to stopped (capacity, a KMS key it may not use): retrying will not help, a human must look.
    if (error instanceof InstanceDidNotStart) return { status: 'refused', reason: error.message };
    throw error;
  }
}

/**
 * CPU saturation: the per-minute CPUUtilization p95 (EC2 publishes 5-minute points without detailed monitoring, so
 * fewer samples) must not rise by ≥ 10 percentage points and ≥ 25 % (block test); CPUUtilization vanishing after the
 * restart means the instance is not running (presence test). Status checks: the share of minutes whose
 * StatusCheckFailed maximum is 1 (a rate in time) must not rise by ≥ 5 points. The instance's CloudWatch alarms must
 * not go into ALARM.
 */
function validation(action: Action): ValidationPlan {
  const instanceId = instanceIdOf(action);
  const dimensions = [{ name: 'InstanceId', value: instanceId }];
  return {
    metrics: [
      {
        kind: 'level',
        name: 'cpuUtilizationP95',
        unit: 'percent',
        inputs: { cpu: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, stat: 'p95' } },
        combine: ({ cpu }) => cpu,
        worseWhen: 'higher',
        minRelativeEffect: 0.25,
        minAbsoluteEffect: 10,
      },
      {
        kind: 'rate',
        name: 'statusCheckFailed',
        unit: 'failing minutes per minute',
        events: { namespace: 'AWS/EC2', metricName: 'StatusCheckFailed', dimensions, stat: 'Maximum' },
        worseWhen: 'higher',
        minRelativeEffect: 0,
        minAbsoluteEffect: 0.05,
      },
    ],
    checks: [alarmCheck({ name: 'InstanceId', value: instanceId })],
  };
}

export const ec2InstanceType: Executor = {
  id: EC2_INSTANCE_TYPE,
  permissions: ['ec2:DescribeInstances', 'ec2:DescribeInstanceTypes', 'ec2:StopInstances', 'ec2:ModifyInstanceAttribute', 'ec2:StartInstances', ...EBS_KMS_PERMISSIONS],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
