import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../lambdas/actions/slack/verify-signature.js';
import { describeServer, INTERACTIONS_PATH, serve, type LocalServer } from '../../lambdas/cli/commands/serve.js';
import { CliError } from '../../lambdas/cli/errors.js';
import { outcomeOf } from '../../lambdas/local/demo/local-apply.js';

const SECRET = 'serve-test-signing-secret';
const APPROVER = 'U0APPROVER';

function signedClick(actionId: 'approve' | 'snooze' | 'dismiss', value: { runId: string; actionId: string }): { body: string; headers: Record<string, string> } {
  const payload = {
    type: 'block_actions',
    user: { id: APPROVER },
    channel: { id: 'C0LOCAL' },
    message: { ts: '1700000000.000100' },
    response_url: 'https://hooks.slack.com/actions/T0/1/local',
    actions: [{ type: 'button', action_id: actionId, value: JSON.stringify(value) }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) } };
}

describe('headroom serve', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'headroom-serve-test-'));
  const told: string[] = [];
  const progress: string[] = [];
  let running: LocalServer;

  beforeAll(async () => {
    running = await serve({
      port: 0,
      host: '127.0.0.1',
      resources: 40,
      seed: 7,
      outDir,
      now: Date.UTC(2026, 10, 29, 12),
      env: { SLACK_SIGNING_SECRET: SECRET, APPROVER_IDS: APPROVER },
      log: () => undefined,
      progress: (line) => progress.push(line),
      respond: async (_url, message) => void told.push(message.text),
    });
  }, 180_000);
  afterAll(async () => {
    await running?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('refuses to start without SLACK_SIGNING_SECRET, in one sentence', async () => {
    await expect(serve({ port: 0, host: '127.0.0.1', env: {} })).rejects.toThrow(CliError);
    await expect(serve({ port: 0, host: '127.0.0.1', env: {} })).rejects.toThrow(/^SLACK_SIGNING_SECRET is not set; [^\n]+\.$/);
  });

  it('seeds the local store with a run on the sample account and writes its Slack digest', () => {
    expect(running.approvable.length).toBeGreaterThan(0);
    const slack = JSON.parse(readFileSync(path.join(outDir, 'slack.json'), 'utf8')) as { blocks: { type: string }[] };
    expect(slack.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(slack.blocks)).toContain(running.approvable[0].id);
    const lines = describeServer(running, [APPROVER]);
    expect(lines[0]).toBe(`listening on ${running.url}${INTERACTIONS_PATH} (Ctrl-C to stop)`);
    expect(lines.some((line) => line.includes(running.approvable[0].id))).toBe(true);
    expect(progress.some((line) => line.startsWith('analysis: run '))).toBe(true);
  });

  it('runs the deployed apply workflow locally when a signed Approve arrives, and rejects an unsigned one', async () => {
    const top = running.approvable[0];
    const { body, headers } = signedClick('approve', { runId: running.runId, actionId: top.id });

    const forged = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers: { ...headers, 'x-slack-signature': 'v0=forged' }, body });
    const signed = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers, body });

    expect(forged.status).toBe(401);
    expect(signed.status).toBe(200);
    expect(running.executions).toHaveLength(1);
    expect(outcomeOf(await running.executions[0].done)).toBe('applied');
    const audit = await running.store.listAudit(top.id);
    expect(audit.map((record) => record.event)).toEqual(expect.arrayContaining(['decision', 'execution-started', 'applied', 'outcome-applied']));
    expect(audit.find((record) => record.event === 'decision')?.actor).toBe(APPROVER);
    expect(running.executions[0].steps).toEqual(expect.arrayContaining(['Precheck', 'RollbackPoint', 'Apply', 'Validate', 'NotifyOutcome']));
    expect(progress).toContain('apply: Apply');
  }, 60_000);

  it('records a Snooze without starting a workflow', async () => {
    const other = running.approvable[1] ?? running.approvable[0];
    const before = running.executions.length;
    const { body, headers } = signedClick('snooze', { runId: running.runId, actionId: other.id });
    expect((await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers, body })).status).toBe(200);
    expect(running.executions).toHaveLength(before);
    expect(told.some((text) => /snooze/i.test(text))).toBe(true);
    expect((await running.store.getDecision(other.id))?.decision).toBe('snoozed');
  });

  it('tells the clicker when an action is not in the run', async () => {
    const { body, headers } = signedClick('snooze', { runId: running.runId, actionId: 'act-unknown' });
    expect((await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', headers, body })).status).toBe(200);
    expect(told).toContain(`Action act-unknown is not in run ${running.runId}; it may have expired.`);
  });

  it('answers 404 elsewhere, 405 to other methods and 413 past 1 MB', async () => {
    expect((await fetch(`${running.url}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${running.url}${INTERACTIONS_PATH}`)).status).toBe(405);
    const big = await fetch(`${running.url}${INTERACTIONS_PATH}`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
  });
});
