import { afterEach, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../lambdas/actions/slack/verify-signature.js';
import { INTERACTIONS_PATH, serve, type RunningServer } from '../../lambdas/cli/commands/serve.js';
import { CliError } from '../../lambdas/cli/errors.js';

const SECRET = 'serve-test-signing-secret';

function signedBody(): { body: string; headers: Record<string, string> } {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0APPROVER' },
    channel: { id: 'C0LOCAL' },
    message: { ts: '1700000000.000100' },
    response_url: 'https://hooks.slack.com/actions/T0/1/local',
    actions: [{ type: 'button', action_id: 'snooze', value: JSON.stringify({ runId: 'run-1', actionId: 'act-1' }) }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) } };
}

describe('headroom serve', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('refuses to start without SLACK_SIGNING_SECRET, in one sentence', async () => {
    await expect(serve({ port: 0, host: '127.0.0.1', env: {} })).rejects.toThrow(CliError);
    await expect(serve({ port: 0, host: '127.0.0.1', env: {} })).rejects.toThrow(/^SLACK_SIGNING_SECRET is not set; [^\n]+\.$/);
  });

  it('passes a signed POST to the interactions handler over the local store, and rejects unsigned ones', async () => {
    const told: string[] = [];
    running = await serve({
      port: 0,
      host: '127.0.0.1',
      env: { SLACK_SIGNING_SECRET: SECRET, APPROVER_IDS: 'U0APPROVER' },
      log: () => undefined,
      respond: async (_url, message) => void told.push(message.text),
    });
    const { body, headers } = signedBody();

    const signed = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers, body });
    const forged = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers: { ...headers, 'x-slack-signature': 'v0=forged' }, body });

    // The click reached the handler and the (empty) local store: acknowledged, with "not in run" told to the user.
    expect(signed.status).toBe(200);
    expect(forged.status).toBe(401);
    expect(told).toEqual(['Action act-1 is not in run run-1; it may have expired.']);
  });

  it('answers 404 elsewhere, 405 to other methods and 413 past 1 MB', async () => {
    running = await serve({ port: 0, host: '127.0.0.1', env: { SLACK_SIGNING_SECRET: SECRET }, log: () => undefined });
    expect((await fetch(`${running.url}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${running.url}${INTERACTIONS_PATH}`)).status).toBe(405);
    const big = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
  });
});
