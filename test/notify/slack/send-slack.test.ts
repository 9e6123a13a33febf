import { describe, expect, it, vi } from 'vitest';
import { SlackPostError } from '../../../lambdas/notify/errors.js';
import { approvability, type SlackBlock } from '../../../lambdas/notify/format/slack-blocks.js';
import { postDigest, type SlackPoster } from '../../../lambdas/notify/slack/send-slack.js';
import { NOW, storeWithRun } from '../../fixtures/notify/stored-run.js';

function fakeSlack(responses: { ok?: boolean; ts?: string; error?: string }[] = []) {
  let call = 0;
  const postMessage = vi.fn(async () => responses[call++] ?? { ok: true, ts: `1700000000.00000${call}` });
  const slack: SlackPoster = { chat: { postMessage } };
  return { slack, postMessage };
}

function buttonValues(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements.flatMap((element) => (element.type === 'button' ? [element.value] : [])) : []));
}

describe('postDigest', () => {
  it('posts one message to the main channel with the run totals, the top actions and their buttons', async () => {
    // Prepare
    const { store, run, actions } = await storeWithRun(12);
    const { slack, postMessage } = fakeSlack();

    // Act
    const result = await postDigest({ slack, store }, run.runId, { channel: '#finops', enabledExecutors: ['lambda-memory'], reportUrl: 'https://r.example.com/x.html', now: NOW });

    // Assess
    expect(result).toEqual({ posted: 1, channels: ['#finops'], ts: ['1700000000.000001'], settled: 0 });
    expect(postMessage).toHaveBeenCalledTimes(1);
    const [args] = postMessage.mock.calls[0] as unknown as [{ channel: string; text: string; blocks: SlackBlock[]; unfurl_links: boolean }];
    expect(args.channel).toBe('#finops');
    expect(args.unfurl_links).toBe(false);
    expect(args.text).toContain('12 actions');
    expect(args.blocks[0]).toMatchObject({ type: 'header' });
    const values = buttonValues(args.blocks).map((value) => JSON.parse(value) as { actionId: string });
    // The top 10, then (up to three) actions below them that Approve can be offered for (lambda-memory is enabled).
    const pinned = actions.slice(10).filter((action) => approvability(action, new Set(['lambda-memory']), undefined).approvable);
    expect(pinned.length).toBeGreaterThan(0);
    expect(new Set(values.map((value) => value.actionId))).toEqual(new Set([...actions.slice(0, 10), ...pinned.slice(0, 3)].map((action) => action.id)));
    expect(JSON.stringify(args.blocks)).toContain('Open the full report');
  });

  it('adds one message per mapped team channel with only that team’s actions', async () => {
    const { store, run, actions } = await storeWithRun(9);
    const { slack, postMessage } = fakeSlack();

    const result = await postDigest({ slack, store }, run.runId, {
      channel: '#finops',
      enabledExecutors: [],
      teamChannels: { payments: '#payments-cost', search: '#finops' },
      now: NOW,
    });

    expect(result.channels).toEqual(['#finops', '#payments-cost']);
    const [teamArgs] = postMessage.mock.calls[1] as unknown as [{ blocks: SlackBlock[]; text: string }];
    const ids = buttonValues(teamArgs.blocks).map((value) => (JSON.parse(value) as { actionId: string }).actionId);
    expect(new Set(ids)).toEqual(new Set(actions.filter((action) => action.resource.tags.team === 'payments').map((action) => action.id)));
    expect(JSON.stringify(teamArgs.blocks[0])).toContain('team payments');
  });

  it('does not offer actions someone already dismissed', async () => {
    const { store, run, actions } = await storeWithRun(3);
    await store.recordDecision({ actionId: actions[0].id, decision: 'dismissed', decidedBy: 'U1', decidedAt: NOW.toISOString() });
    const { slack, postMessage } = fakeSlack();

    const result = await postDigest({ slack, store }, run.runId, { channel: '#finops', enabledExecutors: [], now: NOW });

    expect(result.settled).toBe(1);
    const [args] = postMessage.mock.calls[0] as unknown as [{ blocks: SlackBlock[] }];
    expect(JSON.stringify(args.blocks)).not.toContain(actions[0].id);
  });

  it('fails with the channel and Slack’s error when Slack refuses the message', async () => {
    const { store, run } = await storeWithRun(2);
    const { slack } = fakeSlack([{ ok: false, error: 'channel_not_found' }]);

    const posting = postDigest({ slack, store }, run.runId, { channel: '#nope', enabledExecutors: [], now: NOW });

    await expect(posting).rejects.toBeInstanceOf(SlackPostError);
    await expect(posting).rejects.toThrow('Slack refused the message to #nope: channel_not_found');
  });
});
