import { describe, expect, it } from 'vitest';
import { createSlackOutcomeNotifier } from '../../../lambdas/actions/slack/outcome-notifier.js';

describe('createSlackOutcomeNotifier', () => {
  it('posts in the thread with chat.postMessage and returns the ts', async () => {
    const calls: unknown[] = [];
    const client = {
      chat: {
        postMessage: async (args: unknown) => {
          calls.push(args);
          return { ok: true, ts: '1700000000.000100' };
        },
      },
    } as unknown as Parameters<typeof createSlackOutcomeNotifier>[0];
    const result = await createSlackOutcomeNotifier(client).post({ channel: 'C1', threadTs: '1699.1', text: 'done' });
    expect(result).toEqual({ ts: '1700000000.000100' });
    expect(calls).toEqual([{ channel: 'C1', thread_ts: '1699.1', text: 'done', unfurl_links: false }]);
  });
});
