import type { Instance } from '@aws-sdk/client-ec2';
import type { Action } from '../../engine/types/action.js';
import type { Ec2Port, ExecutorContext } from './executor.js';
import { arnPart, errorCode, pollUntil, tagRecord } from './support.js';

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
