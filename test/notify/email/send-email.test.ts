import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { looksLikeEmail, routeByOwnerEmail, sendDigestEmail } from '../../../lambdas/notify/email/send-email.js';
import { sampleActions } from '../../fixtures/notify/sample-run.js';
import { NOW, storeWithRun } from '../../fixtures/notify/stored-run.js';

const ses = mockClient(SESv2Client);
const client = new SESv2Client({ region: 'eu-west-1' });

describe('sendDigestEmail', () => {
  beforeEach(() => {
    ses.reset();
    let id = 0;
    ses.on(SendEmailCommand).callsFake(async () => ({ MessageId: `msg-${++id}` }));
  });

  it('sends the full digest with HTML and text parts from the sender to the recipients', async () => {
    // Prepare
    const { store, run } = await storeWithRun(5);

    // Act
    const result = await sendDigestEmail({ ses: client, store }, run.runId, { sender: 'headroom@example.com', recipients: ['finops@example.com'], ownerTagKey: 'none', now: NOW });

    // Assess
    expect(result).toEqual({ sent: 1, messageIds: ['msg-1'], recipients: ['finops@example.com'], settled: 0, failed: [] });
    const input = ses.commandCalls(SendEmailCommand)[0].args[0].input;
    expect(input.FromEmailAddress).toBe('headroom@example.com');
    expect(input.Destination).toEqual({ ToAddresses: ['finops@example.com'] });
    const simple = input.Content?.Simple;
    expect(simple?.Subject?.Data).toMatch(/^Headroom: 5 actions, \$[\d,.]+\/month \(run run-2026-11-29\)$/);
    expect(simple?.Body?.Html?.Data).toContain('<!DOCTYPE html>');
    expect(simple?.Body?.Html?.Charset).toBe('UTF-8');
    expect(simple?.Body?.Text?.Data).toContain('Top actions');
  });

  it('splits more than 50 recipients over several messages (SES limit)', async () => {
    const { store, run } = await storeWithRun(2);
    const recipients = Array.from({ length: 120 }, (_, index) => `person${index}@example.com`);

    const result = await sendDigestEmail({ ses: client, store }, run.runId, { sender: 'h@example.com', recipients, ownerTagKey: 'none', now: NOW });

    const sizes = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.Destination?.ToAddresses?.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(result.recipients).toHaveLength(120);
  });

  it('sends each owner named by the owner tag a digest of their own actions', async () => {
    const { store, run, actions } = await storeWithRun(6);

    const result = await sendDigestEmail({ ses: client, store }, run.runId, { sender: 'h@example.com', recipients: ['finops@example.com'], now: NOW });

    const calls = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => input.Destination?.ToAddresses)).toEqual([['finops@example.com'], ['payments-lead@example.com'], ['search-lead@example.com'], ['platform-lead@example.com']]);
    const paymentsText = calls[1].Content?.Simple?.Body?.Text?.Data ?? '';
    for (const action of actions) {
      expect(paymentsText.includes(action.resource.name)).toBe(action.resource.tags.team === 'payments');
    }
    expect(result.sent).toBe(4);
  });

  it('records an owner digest SES refuses and still sends the others', async () => {
    const { store, run } = await storeWithRun(3);
    ses.on(SendEmailCommand, { Destination: { ToAddresses: ['search-lead@example.com'] } }).rejects(new Error('Email address is not verified.'));
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const result = await sendDigestEmail({ ses: client, store }, run.runId, { sender: 'h@example.com', recipients: ['finops@example.com'], now: NOW });

    expect(result.failed).toEqual([{ to: 'search-lead@example.com', error: 'Email address is not verified.' }]);
    expect(result.sent).toBe(3);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it('fails when the full digest cannot be sent', async () => {
    const { store, run } = await storeWithRun(1);
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected'));
    await expect(sendDigestEmail({ ses: client, store }, run.runId, { sender: 'h@example.com', recipients: ['finops@example.com'], now: NOW })).rejects.toThrow('MessageRejected');
  });
});

describe('routeByOwnerEmail', () => {
  it('skips tag values that are not addresses and owners already on the recipient list', () => {
    const actions = sampleActions(3).map((action, index) => ({
      ...action,
      resource: { ...action.resource, tags: { owner: ['team payments', 'FinOps@example.com', 'a@b.io'][index] } },
    }));
    const routes = routeByOwnerEmail(actions, 'owner', ['finops@example.com']);
    expect([...routes.keys()]).toEqual(['a@b.io']);
  });

  it('recognises plain addresses only', () => {
    expect(looksLikeEmail('ops@example.com')).toBe(true);
    expect(looksLikeEmail('Ops <ops@example.com>')).toBe(false);
    expect(looksLikeEmail('ops@localhost')).toBe(false);
  });
});
