import { describe, expect, it } from 'vitest';
import { cachedGroupMembers, groupLookupClient, GROUP_MEMBERS_TTL_MS } from '../../../lambdas/actions/interactions/group-members.js';

describe('approver group lookups', () => {
  it('asks Slack once per group while the cached members are fresh, again after the TTL', async () => {
    let now = 0;
    const asked: string[] = [];
    const lookup = cachedGroupMembers(
      async (groupId) => {
        asked.push(groupId);
        return ['U1'];
      },
      { now: () => now },
    );
    await lookup('S1');
    await lookup('S1');
    await lookup('S2');
    now += GROUP_MEMBERS_TTL_MS;
    await lookup('S1');
    expect(asked).toEqual(['S1', 'S2', 'S1']);
  });

  it('does not cache a failed lookup', async () => {
    let calls = 0;
    const lookup = cachedGroupMembers(async () => {
      calls += 1;
      if (calls === 1) throw new Error('timeout');
      return ['U1'];
    });
    await expect(lookup('S1')).rejects.toThrow('timeout');
    await expect(lookup('S1')).resolves.toEqual(['U1']);
  });

  it('uses a client that fails fast: 1 s timeout, no retries, rate limits rejected', () => {
    const client = groupLookupClient('xoxb-1') as unknown as { timeout: number; retryConfig: { retries: number }; rejectRateLimitedCalls: boolean };
    expect(client.timeout).toBe(1000);
    expect(client.retryConfig.retries).toBe(0);
    expect(client.rejectRateLimitedCalls).toBe(true);
  });
});
