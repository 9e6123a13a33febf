import type { ExternalRecommendation, Resource } from '../../engine/types/snapshot.js';

/** The resource type Compute Optimizer alone tells us about: the inventory does not list Auto Scaling groups. */
export type GroupType = 'autoscaling:group';

/**
 * The resource a group recommendation attaches to, built from the recommendation itself (Compute Optimizer's
 * ARN and current configuration), so its action has a resource to name: Auto Scaling group
 * `arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>`, config
 * { instanceType, desiredCapacity, minSize, maxSize } as Compute Optimizer reports them.
 * Undefined for an ARN of another account or region than the unit's (not this unit's to keep) or one that does not parse.
 */
export function groupResource(type: GroupType, rec: ExternalRecommendation, where: { account: string; region: string }): Resource | undefined {
  const parts = rec.resourceArn.split(':');
  if (parts.length < 6 || parts[3] !== where.region || parts[4] !== where.account) return undefined;
  const tail = parts.slice(5).join(':');
  const base = { arn: rec.resourceArn, type, account: where.account, region: where.region, tags: {} };
  const name = tail.split('autoScalingGroupName/')[1];
  if (!tail.startsWith('autoScalingGroup:') || !name) return undefined;
  return { ...base, name, config: pick(rec.current, ['instanceType', 'desiredCapacity', 'minSize', 'maxSize']) };
}

function pick(from: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => from[n] !== undefined).map((n) => [n, from[n]]));
}
