import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseUrlPoster } from '../../../lambdas/actions/slack/response-url.js';

describe('createResponseUrlPoster', () => {
  it('refuses to post anywhere but hooks.slack.com', async () => {
    const post = createResponseUrlPoster();
    await expect(post('https://attacker.example/hook', { text: 'x', responseType: 'ephemeral' })).rejects.toThrow(/must be on https:\/\/hooks.slack.com/);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('replaces the original message when given blocks, and otherwise adds a message', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
      bodies.push(JSON.parse(init.body));
      return new Response('ok');
    });
    const post = createResponseUrlPoster();
    await post('https://hooks.slack.com/actions/T/1/x', { text: 'approved', responseType: 'in_channel', replaceBlocks: [{ type: 'divider' }] });
    await post('https://hooks.slack.com/actions/T/1/x', { text: 'refused', responseType: 'ephemeral' });
    expect(bodies).toEqual([
      { text: 'approved', blocks: [{ type: 'divider' }], replace_original: true },
      { text: 'refused', response_type: 'ephemeral', replace_original: false },
    ]);
  });
});
