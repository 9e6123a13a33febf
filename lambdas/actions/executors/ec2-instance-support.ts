import type { Instance } from '@aws-sdk/client-ec2';
import type { Action } from '../../engine/types/action.js';
import type { Ec2Port, ExecutorContext } from './executor.js';
import { arnPart, errorCode, OperationStillInProgress, pollUntil, tagRecord } from './support.js';

/** EC2 instance reads shared by ec2-stop and ec2-instance-type. */

export function instanceIdOf(action: Action): string {
  return arnPart(action, /:instance\/(i-[0-9a-f]+)$/, 'an EC2 instance');
}

/** The instance, or undefined when AWS says it does not exist (or it is terminated). */
export async function describeInstance(ec2: Ec2Port, instanceId: string): Promise<Instance | undefined> {
  try {
    const { Reservations = [] } = await ec2.describeInstances({ InstanceIds: [instanceId] });
    const instance = Reservations.flatMap((r) => r.Instances ?? []).find((candidate) => candidate.InstanceId === instanceId);
    return instance?.State?.Name === 'terminated' ? undefined : instance;
  } catch (error) {
    if (errorCode(error) === 'InvalidInstanceID.NotFound') return undefined;
    throw error;
  }
}

export function instanceTags(instance: Instance): Record<string, string> {
  return tagRecord(instance.Tags);
}

/** Auto Scaling replaces instances it finds stopped or changed: such instances are changed through their group. */
export function autoScalingGroupOf(instance: Instance): string | undefined {
  return instanceTags(instance)['aws:autoscaling:groupName'];
}

/**
 * Stopping takes from seconds to a few minutes: poll every 10 s, at most 48 times (8 minutes, inside the
 * apply and rollback functions' 10-minute timeout).
 */
export const INSTANCE_POLL = { attempts: 48, intervalMs: 10_000 };

export async function waitForInstanceState(ctx: ExecutorContext, ec2: Ec2Port, instanceId: string, state: string): Promise<Instance> {
  const instance = await pollUntil(
    ctx,
    () => describeInstance(ec2, instanceId),
    (found) => found === undefined || found.State?.Name === state,
    { ...INSTANCE_POLL, what: `Waiting for instance ${instanceId} to be ${state}` },
  );
  if (!instance) throw new Error(`Instance ${instanceId} disappeared while waiting for it to be ${state}.`);
  return instance;
}

/** The instance did not reach `running` after StartInstances: it fell back to stopped or went away. */
export class InstanceDidNotStart extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceDidNotStart';
  }
}

/** The instance's StateReason (why it last changed state; EC2's Message already starts with the Code), or a placeholder. */
export function stateReasonOf(instance: Instance | undefined): string {
  const reason = instance?.StateReason;
  return reason?.Message ?? reason?.Code ?? 'no state reason given';
}

/**
 * After StartInstances: waits (INSTANCE_POLL) until the instance is `running`. An instance that goes back to
 * `stopped` after it was seen `pending` (or is still stopped after three reads), or that shuts down, did not
 * start: throws InstanceDidNotStart with its StateReason (e.g. `Client.InternalError: Client error on launch` when
 * a KMS key of a volume cannot be used, `Server.InsufficientInstanceCapacity`). Still pending at the bound:
 * throws OperationStillInProgress (Apply is retried; see lib/constructs/apply-workflow.ts).
 */
export async function waitForRunning(ctx: ExecutorContext, ec2: Ec2Port, instanceId: string): Promise<Instance> {
  let reads = 0;
  let seenPending = false;
  const failed = (found: Instance | undefined) => {
    const state = found?.State?.Name;
    if (found === undefined || state === 'shutting-down' || state === 'terminated') return true;
    return state === 'stopped' && (seenPending || reads >= 3);
  };
  let instance: Instance | undefined;
  try {
    instance = await pollUntil(
      ctx,
      async () => {
        reads += 1;
        const found = await describeInstance(ec2, instanceId);
        if (found?.State?.Name === 'pending') seenPending = true;
        return found;
      },
      (found) => found?.State?.Name === 'running' || failed(found),
      { ...INSTANCE_POLL, what: `Waiting for instance ${instanceId} to be running` },
    );
  } catch (error) {
    if (!(error instanceof OperationStillInProgress)) throw error;
    const last = await describeInstance(ec2, instanceId);
    throw new OperationStillInProgress(`${error.message} It is ${last?.State?.Name ?? 'gone'} (${stateReasonOf(last)}).`);
  }
  if (instance?.State?.Name !== 'running') {
    throw new InstanceDidNotStart(`Instance ${instanceId} did not start: it is ${instance?.State?.Name ?? 'gone'} (${stateReasonOf(instance)}).`);
  }
  return instance;
}

/**
 * Why stopping this instance would lose data or the instance itself, or undefined when it is safe: instance-store
 * volumes are erased when an instance stops (DescribeInstanceTypes InstanceStorageInfo), and a Spot instance may not
 * get its capacity back after a stop (or is terminated instead when it is a one-time request).
 */
export async function unsafeToStopReason(ec2: Ec2Port, instance: Instance): Promise<string | undefined> {
  const instanceId = instance.InstanceId ?? 'unknown';
  if (instance.InstanceLifecycle === 'spot') return `instance ${instanceId} is a Spot instance, which may not get its capacity back after a stop`;
  const type = instance.InstanceType;
  if (!type) return `instance ${instanceId} reports no instance type, so its instance storage cannot be checked`;
  const { InstanceTypes = [] } = await ec2.describeInstanceTypes({ InstanceTypes: [type] });
  const info = InstanceTypes.find((candidate) => candidate.InstanceType === type);
  if (!info) return `DescribeInstanceTypes returned nothing for ${type}, so the instance storage of instance ${instanceId} cannot be checked`;
  if (info.InstanceStorageSupported || (info.InstanceStorageInfo?.TotalSizeInGB ?? 0) > 0) {
    return `instance ${instanceId} is a ${type}, which has instance-store volumes (${info.InstanceStorageInfo?.TotalSizeInGB ?? '?'} GB) whose data a stop erases`;
  }
  return undefined;
}
