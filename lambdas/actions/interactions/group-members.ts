import { WebClient } from '@slack/web-api';

/**
 * Slack user-group membership for the approver check, on the 3-second request path of a click.
 *
 * The lookup client fails fast: a 1 s timeout, no retries and no waiting out rate limits (the web-api
 * default retries 10 times over ~30 minutes), so a slow Slack turns into a refusal the user can retry,
 * not a missed acknowledgement. Members are cached per container for GROUP_MEMBERS_TTL_MS so most clicks
 * make no lookup at all; a failed lookup is not cached.
 */
export const GROUP_MEMBERS_TTL_MS = 5 * 60_000;

export function groupLookupClient(botToken: string): WebClient {
  return new WebClient(botToken, { timeout: 1000, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
}

export type GroupMembersLookup = (groupId: string) => Promise<string[]>;

/** Wraps a lookup with a per-group cache of `ttlMs`; `now` is epoch milliseconds. */
export function cachedGroupMembers(lookup: GroupMembersLookup, options: { ttlMs?: number; now?: () => number } = {}): GroupMembersLookup {
  const ttlMs = options.ttlMs ?? GROUP_MEMBERS_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; members: string[] }>();
  return async (groupId) => {
    const hit = cache.get(groupId);
    if (hit !== undefined && now() - hit.at < ttlMs) return hit.members;
    const members = await lookup(groupId);
    cache.set(groupId, { at: now(), members });
    return members;
  };
}
