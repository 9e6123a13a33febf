import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import {
  autoScalingGroupOf,
  describeInstance,
  InstanceDidNotStart,
  instanceIdOf,
  instanceTags,
  unsafeToStopReason,
  waitForInstanceState,
  waitForRunning,
} from './ec2-instance-support.js';
import { alarmCheck, targetGroupTrafficCheck, type TargetGroupRef } from '../validation/checks.js';
import type { ElbPort, Executor, ExecutorContext, PrecheckOutcome, RollbackOutcome, ValidationPlan } from './executor.js';
import { EBS_KMS_PERMISSIONS, eligibilityOf, errorCode, errorMessage, inTagScope, InvalidExecutorAction, parseChange, tagScopeReason } from './support.js';

/**
 * Stop an idle EC2 instance (StopInstances — never terminate: EBS volumes, the instance id and its
 * configuration stay, so StartInstances undoes it). Precheck: the instance is running with the recorded type,
 * is in the tag scope, not managed by an Auto Scaling group (which would replace it), not a Spot instance and has no
 * instance-store volumes (a stop erases them). Apply stops it and
 * waits (bounded) until it is `stopped`. Rollback starts it again.
 *
 * Validation: a stopped instance publishes no metrics, so what is checked is whether anything still needed it: no
 * request reached a target group it was registered in (recorded at the rollback point) while that group had no
 * healthy target, and none of the instance's CloudWatch alarms went into ALARM (validation/checks.ts). Traffic sent to
 * its ENI directly shows only in VPC Flow Logs, which Headroom does not require (docs/safe-apply.md).
 */

export const EC2_STOP = 'ec2-stop';

const CurrentSchema = z.object({ state: z.literal('running'), instanceType: z.string().min(1) });
const ProposedSchema = z.object({ state: z.literal('stopped') });
const BeforeSchema = z.object({
  instanceId: z.string(),
  state: z.string(),
  instanceType: z.string(),
  targetGroups: z.array(z.object({ targetGroup: z.string(), loadBalancer: z.string() })).default([]),
});

const parse = (action: Action) => parseChange(action, 'stop-instance', CurrentSchema, ProposedSchema);

/** A stop of a running EC2 instance that no Auto Scaling group manages (it would replace the stopped instance). */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    parse(action);
    instanceIdOf(action);
    const group = action.resource.tags['aws:autoscaling:groupName'];
    return group ? `member of Auto Scaling group ${group}, which would replace a stopped instance — scale the group instead` : undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current } = parse(action);
  const instanceId = instanceIdOf(action);
  const instance = await describeInstance(ctx.ec2(action.resource.region), instanceId);
  if (!instance) return { ok: false, reason: `instance ${instanceId} no longer exists` };
  if (instance.State?.Name !== 'running') return { ok: false, reason: `instance ${instanceId} is ${instance.State?.Name}, not running` };
  if (instance.InstanceType !== current.instanceType) {
    return { ok: false, reason: `instance ${instanceId} is now ${instance.InstanceType}, not the ${current.instanceType} the action was computed for` };
  }
  const group = autoScalingGroupOf(instance);
  if (group) return { ok: false, reason: `instance ${instanceId} belongs to Auto Scaling group ${group}, which would replace a stopped instance` };
  if (!inTagScope(instanceTags(instance), ctx)) return { ok: false, reason: tagScopeReason(`instance ${instanceId}`, ctx) };
  const unsafe = await unsafeToStopReason(ctx.ec2(action.resource.region), instance);
  if (unsafe) return { ok: false, reason: unsafe };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const instanceId = instanceIdOf(action);
  const instance = await describeInstance(ctx.ec2(action.resource.region), instanceId);
  if (!instance) throw new InvalidExecutorAction(`Instance ${instanceId} disappeared before its rollback point was recorded.`);
  const targetGroups = await targetGroupsOf(ctx.elb(action.resource.region), instanceId);
  return { instanceId, state: instance.State?.Name ?? 'unknown', instanceType: instance.InstanceType ?? 'unknown', targetGroups };
}

/** Idempotent: an instance already stopping or stopped is not stopped again. */
async function apply(action: Action, _before: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const instanceId = instanceIdOf(action);
  const ec2 = ctx.ec2(action.resource.region);
  const instance = await describeInstance(ec2, instanceId);
  if (!instance) throw new InvalidExecutorAction(`Instance ${instanceId} no longer exists.`);
  if (instance.State?.Name !== 'stopping' && instance.State?.Name !== 'stopped') await ec2.stopInstances({ InstanceIds: [instanceId] });
  const stopped = await waitForInstanceState(ctx, ec2, instanceId, 'stopped');
  return { instanceId, state: stopped.State?.Name, instanceType: stopped.InstanceType };
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const ec2 = ctx.ec2(action.resource.region);
  const instance = await describeInstance(ec2, before.instanceId);
  if (!instance) return { status: 'refused', reason: `instance ${before.instanceId} no longer exists, so it cannot be started` };
  const state = instance.State?.Name;
  if (state === 'running' || state === 'pending') return { status: 'not-needed', reason: `instance ${before.instanceId} is ${state}` };
  // StartInstances refuses an instance that is still stopping.
  if (state === 'stopping') await waitForInstanceState(ctx, ec2, before.instanceId, 'stopped');
  try {
    await ec2.startInstances({ InstanceIds: [before.instanceId] });
    await waitForRunning(ctx, ec2, before.instanceId);
  } catch (error) {
    if (error instanceof InstanceDidNotStart) return { status: 'refused', reason: error.message };
    const code = errorCode(error);
    if (code === 'InsufficientInstanceCapacity' || code === 'IncorrectInstanceState') {
      return { status: 'refused', reason: `AWS refused to start instance ${before.instanceId}: ${code}: ${errorMessage(error)}` };
    }
    throw error;
  }
  return { status: 'rolled-back', restored: { instanceId: before.instanceId, state: 'running' } };
}

/** Target-group traffic and alarms: see the file comment. */
function validation(action: Action): ValidationPlan {
  const instanceId = instanceIdOf(action);
  return { metrics: [], checks: [targetGroupTrafficCheck((before) => BeforeSchema.parse(before).targetGroups), alarmCheck({ name: 'InstanceId', value: instanceId })] };
}

/** The target groups (CloudWatch dimension values: ARN suffixes) in which the instance is a registered target. */
async function targetGroupsOf(elb: ElbPort, instanceId: string): Promise<TargetGroupRef[]> {
  const found: TargetGroupRef[] = [];
  let marker: string | undefined;
  do {
    const page = await elb.describeTargetGroups({ Marker: marker, PageSize: 400 });
    for (const group of page.TargetGroups ?? []) {
      if (group.TargetType !== 'instance' || !group.TargetGroupArn) continue;
      const { TargetHealthDescriptions = [] } = await elb.describeTargetHealth({ TargetGroupArn: group.TargetGroupArn });
      if (!TargetHealthDescriptions.some((d) => d.Target?.Id === instanceId)) continue;
      for (const lb of group.LoadBalancerArns ?? []) {
        found.push({ targetGroup: group.TargetGroupArn.slice(group.TargetGroupArn.lastIndexOf(':') + 1), loadBalancer: lb.slice(lb.indexOf(':loadbalancer/') + ':loadbalancer/'.length) });
      }
    }
    marker = page.NextMarker;
  } while (marker);
  return found;
}

export const ec2Stop: Executor = {
  id: EC2_STOP,
  permissions: [
    'ec2:DescribeInstances',
    'ec2:DescribeInstanceTypes',
    'ec2:StopInstances',
    'ec2:StartInstances',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    ...EBS_KMS_PERMISSIONS,
  ],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
