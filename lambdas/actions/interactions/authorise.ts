import type { ButtonActionId } from '../slack/interaction-payload.js';

/**
 * Who may press which button (SPEC §7: allow-list of Slack user or group IDs per risk level).
 *
 * - approve, performanceRisk 0–2: anyone in `approverIds` or `highRiskApproverIds`.
 * - approve, performanceRisk 3–4: only `highRiskApproverIds` (a high-risk approver may also approve low risk).
 * - dismiss: same lists as approving that action — a dismissal is permanent and blocks any later approval.
 * - snooze: same lists as approving that action — a snooze changes nothing in AWS, but it hides the action and
 *   blocks its approval for 7 days.
 *
 * Entries starting with `S` are Slack user-group IDs (Slack's prefix for groups); they are resolved to
 * members through `groupMembers`, other entries are user IDs (`U…`/`W…`). An empty list means nobody.
 */
export interface ApproverPolicy {
  approverIds: string[];
  highRiskApproverIds: string[];
  /** Resolves a user group to its member user IDs (Slack usergroups.users.list). */
  groupMembers?: (groupId: string) => Promise<string[]>;
}

/** Risk level from which only high-risk approvers may approve (Compute Optimizer's "high"). */
export const HIGH_RISK_THRESHOLD = 3;

export type AuthorisationResult = { allowed: true } | { allowed: false; reason: string };

/** A user group's members could not be read (Slack slow, rate limited or down); the click is refused, not guessed. */
export class GroupLookupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GroupLookupError';
  }
}

function isGroupId(id: string): boolean {
  return id.startsWith('S');
}

async function isListed(userId: string, ids: string[], policy: ApproverPolicy): Promise<boolean> {
  if (ids.includes(userId)) return true;
  for (const groupId of ids.filter(isGroupId)) {
    if (!policy.groupMembers) continue;
    let members: string[];
    try {
      members = await policy.groupMembers(groupId);
    } catch (error) {
      throw new GroupLookupError(`Could not read the members of Slack user group ${groupId}: ${String(error)}`, { cause: error });
    }
    if (members.includes(userId)) return true;
  }
  return false;
}

/** Decides whether `userId` may press `choice` on an action of the given performance risk; throws GroupLookupError. */
export async function authorise(
  userId: string,
  choice: ButtonActionId,
  performanceRisk: number,
  policy: ApproverPolicy,
): Promise<AuthorisationResult> {
  const highRisk = performanceRisk >= HIGH_RISK_THRESHOLD;
  const allowedIds = highRisk ? policy.highRiskApproverIds : [...policy.approverIds, ...policy.highRiskApproverIds];
  if (await isListed(userId, allowedIds, policy)) return { allowed: true };
  const verb = choice;
  return {
    allowed: false,
    reason: highRisk
      ? `You are not on the high-risk approver list, so you cannot ${verb} an action with performance risk ${performanceRisk}.`
      : `You are not on the approver list, so you cannot ${verb} this action.`,
  };
}
