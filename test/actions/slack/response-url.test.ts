import { describe, expect, it } from 'vitest';
import { createResponseUrlPoster } from '../../../lambdas/actions/slack/response-url.js';

describe('createResponseUrlPoster', () => {
  it('refuses to post anywhere but hooks.slack.com', async () => {
    const post = createResponseUrlPoster();
    await expect(post('https://attacker.example/hook', { text: 'x', responseType: 'ephemeral' })).rejects.toThrow(/must be on https:\/\/hooks.slack.com/);
  });
});
