import { describe, expect, it } from 'vitest';
import type { Action } from '../../../lambdas/engine/types/action.js';
import { buildDigest } from '../../../lambdas/notify/format/digest.js';
import { buildSlackMessage, encodeButtonValue, routeByOwner, type SlackBlock, type SlackButton, type SlackSelect } from '../../../lambdas/notify/format/slack-blocks.js';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';
import { DismissOptionSchema } from '../../../lambdas/shared/slack/dismiss-reasons.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomaly, costAnomalyWithImpact, cpuAnomaly } from '../anomaly-fixtures.js';

function digestOf(actions: Action[], topN = 10, reportUrl?: string) {
  return buildDigest({ run: sampleRun(actions), actions, forecasts: [], topN, reportUrl });
}

function buttonsOf(blocks: SlackBlock[]): SlackButton[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements.filter((element): element is SlackButton => element.type === 'button') : []));
}

function selectsOf(blocks: SlackBlock[]): SlackSelect[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements.filter((element): element is SlackSelect => element.type === 'static_select') : []));
}

function texts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section' || block.type === 'header') return [block.text.text];
    if (block.type === 'context') return block.elements.map((element) => element.text);
    return [];
  });
}

describe('buildSlackMessage', () => {
  it('lists the cost anomalies with their $ impact and contributors in one section, none without', () => {
    const actions = sampleActions(3);
    const message = (anomalies: ReturnType<typeof costAnomaly>[]) =>
      buildSlackMessage(buildDigest({ run: sampleRun(actions), actions, forecasts: [], anomalies }), { channel: '#c', enabledExecutors: [] }).blocks;
    const section = message([cpuAnomaly(), costAnomalyWithImpact()]).find((block) => block.type === 'section' && block.block_id === 'cost-anomalies');
    expect(section?.type === 'section' && section.text?.text).toBe('*Cost anomalies*\n• AWS Lambda on 2026-11-25: $481 observed vs $120 expected, impact +$361 over 1 day; from account 222222222222 +$361');
    expect(message([cpuAnomaly(), costAnomaly()]).some((block) => block.type === 'section' && block.block_id === 'cost-anomalies')).toBe(false);
  });

  it('says how many anomalies the run found in one context line, next to the run line', () => {
    const actions = sampleActions(3);
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), anomalies: [cpuAnomaly(), costAnomaly(), cpuAnomaly({ score: 0.6 })] });
    const context = buildSlackMessage(digest, { channel: '#c', enabledExecutors: [] }).blocks.find((block) => block.type === 'context');
    expect(context?.type === 'context' && context.elements[1].text).toBe('3 anomalies detected (metrics and daily cost)');
    expect(texts(buildSlackMessage(digest, { channel: '#c', enabledExecutors: [] }).blocks).filter((text) => text.includes('anomal'))).toHaveLength(1);
  });

  it('respects Block Kit limits with 200 actions and counts the rest in a footer', () => {
    // Prepare
    const actions = sampleActions(200);

    // Act
    const message = buildSlackMessage(digestOf(actions, 200, 'https://reports.example.com/run.html'), { channel: '#finops', enabledExecutors: ['ebs-gp2-to-gp3'] });

    // Assess
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const listed = message.blocks.filter((block) => block.type === 'section' && block.block_id?.startsWith('action-')).length;
    expect(listed).toBeGreaterThan(10);
    const footer = message.blocks[message.blocks.length - 1];
    expect(footer.type).toBe('context');
    const listedUsd = actions.slice(0, listed).reduce((total, action) => total + action.monthlySavingsUsd, 0);
    const omittedUsd = actions.reduce((total, action) => total + action.monthlySavingsUsd, 0) - listedUsd;
    expect(texts([footer])[0]).toContain(`+${200 - listed} more actions worth ${formatUsd(omittedUsd)}/month in the report.`);
    expect(texts([footer])[0]).toContain('<https://reports.example.com/run.html|Open the full report>');
    for (const block of message.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
    }
    for (const button of buttonsOf(message.blocks)) {
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(button.value.length).toBeLessThanOrEqual(2000);
    }
    for (const option of selectsOf(message.blocks).flatMap((select) => select.options)) {
      expect(option.text.text.length).toBeLessThanOrEqual(75);
      expect(option.value.length).toBeLessThanOrEqual(150);
    }
    const blockIds = message.blocks.flatMap((block) => ('block_id' in block && block.block_id ? [block.block_id] : []));
    expect(new Set(blockIds).size).toBe(blockIds.length);
    expect(message.text).toContain('200 actions');
  });

  it('offers Approve only for actions whose executor is enabled, and Snooze 7d and Dismiss for all', () => {
    const actions = sampleActions(8);
    const message = buildSlackMessage(digestOf(actions), { channel: '#finops', enabledExecutors: ['lambda-memory'] });
    const blocks = message.blocks.filter((block): block is Extract<SlackBlock, { type: 'actions' }> => block.type === 'actions');
    expect(blocks).toHaveLength(8);
    blocks.forEach((block, index) => {
      const ids = block.elements.map((button) => button.action_id);
      const expected = actions[index].automation.executor === 'lambda-memory' ? ['approve', 'snooze', 'dismiss'] : ['snooze', 'dismiss'];
      expect(ids).toEqual(expected);
    });
    const approve = buttonsOf(message.blocks).filter((button) => button.action_id === 'approve');
    expect(approve.length).toBe(actions.filter((a) => a.automation.executor === 'lambda-memory').length);
    expect(approve.every((button) => button.style === 'primary' && button.confirm !== undefined)).toBe(true);
  });

  it('offers no Approve for a resource in a member account when told the deployment account', () => {
    const lambdaMemory = sampleActions(16).filter((action) => action.automation.executor === 'lambda-memory');
    const [home, member] = lambdaMemory.slice(0, 2).map((action, index) => ({
      ...action,
      resource: { ...action.resource, account: index === 0 ? '111111111111' : '222222222222' },
    }));
    const message = buildSlackMessage(digestOf([home, member]), { channel: '#finops', enabledExecutors: ['lambda-memory'], homeAccount: '111111111111' });
    const actionBlocks = message.blocks.filter((block): block is Extract<SlackBlock, { type: 'actions' }> => block.type === 'actions');
    const approvable = actionBlocks.map((block) => block.elements.some((button) => button.action_id === 'approve'));
    expect(approvable.filter(Boolean)).toHaveLength(1);
    expect(texts(message.blocks).join('\n')).toContain('member account 222222222222: cross-account apply is not supported');
    // Without the option both are offered, as before.
    const unrestricted = buildSlackMessage(digestOf([home, member]), { channel: '#finops', enabledExecutors: ['lambda-memory'] });
    expect(buttonsOf(unrestricted.blocks).filter((button) => button.action_id === 'approve')).toHaveLength(2);
  });

  it("offers no Approve where the executor's eligibility refuses the change, and says why", () => {
    const [memory] = sampleActions(16).filter((action) => action.automation.executor === 'lambda-memory');
    const member: Action = {
      ...memory,
      resource: { ...memory.resource, arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc', type: 'ec2:instance', tags: { 'aws:autoscaling:groupName': 'web-asg' } },
      current: { instanceType: 'm5.xlarge' },
      proposed: { instanceType: 'm5.large' },
      automation: { executor: 'ec2-instance-type' },
    };
    const message = buildSlackMessage(digestOf([member]), { channel: '#finops', enabledExecutors: ['ec2-instance-type'] });
    expect(buttonsOf(message.blocks).some((button) => button.action_id === 'approve')).toBe(false);
    expect(texts(message.blocks).join('\n')).toContain("member of Auto Scaling group web-asg — change the group's launch template");
  });

  it('offers no Approve at all when no executor is enabled', () => {
    const message = buildSlackMessage(digestOf(sampleActions(8)), { channel: '#finops', enabledExecutors: [] });
    expect(buttonsOf(message.blocks).some((button) => button.action_id === 'approve')).toBe(false);
  });

  it('carries {runId, actionId} in every button value', () => {
    const actions = sampleActions(3);
    const message = buildSlackMessage(digestOf(actions), { channel: '#finops', enabledExecutors: ['ec2-instance-type'] });
    const values = buttonsOf(message.blocks).map((button) => JSON.parse(button.value) as unknown);
    expect(values).toContainEqual({ runId: 'run-2026-11-29', actionId: actions[0].id });
    expect(values.every((value) => typeof value === 'object' && value !== null && Object.keys(value).join() === 'runId,actionId')).toBe(true);
  });

  it('escapes markup in resource names and cuts over-long text at 3000 characters without half an entity', () => {
    const [action] = sampleActions(1);
    const hostile = { ...action, resource: { ...action.resource, name: `<script>alert(1)</script>&${'<b>'.repeat(2000)}` } };
    const message = buildSlackMessage(digestOf([hostile]), { channel: '#finops', enabledExecutors: [] });
    const section = message.blocks.find((block) => block.type === 'section' && block.block_id === 'action-1');
    expect(section?.type).toBe('section');
    const text = section?.type === 'section' ? section.text.text : '';
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(text).not.toContain('<script>');
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/(&lt;|&gt;|&amp;|[^&;])…$/);
  });

  it('keeps the header within 150 characters even for a long audience name', () => {
    const message = buildSlackMessage(digestOf(sampleActions(2)), { channel: '#t', enabledExecutors: [], audience: 'x'.repeat(400) });
    const header = message.blocks[0];
    expect(header.type === 'header' && header.text.text.length).toBe(150);
  });

  it('dismisses through a select of reasons whose options carry reason, run and action within 150 characters', () => {
    const actions = sampleActions(2);
    const message = buildSlackMessage(digestOf(actions), { channel: '#finops', enabledExecutors: [] });
    const [select] = selectsOf(message.blocks);
    expect(select).toMatchObject({ type: 'static_select', action_id: 'dismiss', placeholder: { text: 'Dismiss…' } });
    expect(select.options.map((option) => option.text.text)).toEqual(['Not worth the effort', 'Sized this way on purpose', 'We will change it by hand', 'The recommendation is wrong']);
    expect(DismissOptionSchema.parse(JSON.parse(select.options[1].value))).toEqual(['intentional', 'run-2026-11-29', actions[0].id]);
  });

  it('falls back to a plain Dismiss button when the ids do not fit in a select option value', () => {
    const [action] = sampleActions(1);
    const message = buildSlackMessage(digestOf([{ ...action, id: `x:${'a'.repeat(140)}` }]), { channel: '#finops', enabledExecutors: [] });
    expect(selectsOf(message.blocks)).toEqual([]);
    expect(buttonsOf(message.blocks).map((button) => button.action_id)).toEqual(['snooze', 'dismiss']);
  });

  it('links the full report from the header as well as the footer', () => {
    const message = buildSlackMessage(digestOf(sampleActions(2), 10, 'https://bucket.s3.amazonaws.com/reports/r.html?X-Amz-Signature=abc'), { channel: '#c', enabledExecutors: [] });
    const headerContext = message.blocks[2];
    expect(headerContext.type === 'context' && headerContext.elements.at(-1)?.text).toBe('<https://bucket.s3.amazonaws.com/reports/r.html?X-Amz-Signature=abc|Full report>');
  });

  it('refuses a button value over 2000 characters instead of sending one Slack rejects', () => {
    expect(() => encodeButtonValue({ runId: 'r', actionId: 'a'.repeat(2000) })).toThrow(/over Slack's 2000/);
  });
});

describe('routeByOwner', () => {
  it('routes actions to their team channel by tag, keeping rank order and skipping unmapped owners', () => {
    const actions = sampleActions(9);
    const routes = routeByOwner(actions, 'team', { payments: '#payments-cost', search: '#search-cost' });
    expect(routes.map((route) => route.channel)).toEqual(['#payments-cost', '#search-cost']);
    expect(routes[0].actions.map((a) => a.id)).toEqual(actions.filter((a) => a.resource.tags.team === 'payments').map((a) => a.id));
    expect(routes.flatMap((route) => route.actions).some((a) => a.resource.tags.team === 'platform')).toBe(false);
  });

  it('ignores tag values that only match inherited object keys', () => {
    const [action] = sampleActions(1);
    const tagged = { ...action, resource: { ...action.resource, tags: { team: 'constructor' } } };
    expect(routeByOwner([tagged], 'team', {})).toEqual([]);
  });
});
