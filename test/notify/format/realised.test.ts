import { describe, expect, it } from 'vitest';
import { buildDigest, summariseRealised } from '../../../lambdas/notify/format/digest.js';
import { buildEmail } from '../../../lambdas/notify/format/email.js';
import { buildReportHtml } from '../../../lambdas/notify/format/report-html.js';
import { buildSlackMessage } from '../../../lambdas/notify/format/slack-blocks.js';
import type { RealisedSavingsRecord } from '../../../lambdas/shared/store/store.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { sampleActions, sampleRun } from '../../fixtures/notify/sample-run.js';

const RUN = 'run-2026-11-29';

function measured(name: string, estimated: number, realised: number, runId = RUN): RealisedSavingsRecord {
  return {
    status: 'measured',
    runId,
    actionId: `act-${name}`,
    ruleId: 'ebs/gp2-to-gp3',
    resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${name}`,
    estimatedMonthlyUsd: estimated,
    realisedMonthlyUsd: realised,
    method: 'configuration priced',
    basis: {},
    appliedAt: '2026-11-21T00:00:00.000Z',
    measuredAt: '2026-11-29T06:00:00.000Z',
  };
}

function notMeasurable(name: string, final: boolean): RealisedSavingsRecord {
  return {
    status: 'not-measurable',
    runId: RUN,
    actionId: `act-${name}`,
    ruleId: 'lambda/memory-size',
    resourceArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    estimatedMonthlyUsd: 3,
    appliedAt: '2026-11-17T00:00:00.000Z',
    measuredAt: '2026-11-29T06:00:00.000Z',
    reason: 'no invocations in one of the windows',
    final,
  };
}

const records = [
  measured('vol-a', 10, 9.5),
  measured('vol-b', 40, 42),
  measured('vol-old', 100, 100, 'run-earlier'),
  notMeasurable('fn-final', true),
  notMeasurable('fn-retry', false),
];

describe('realised savings in the digest', () => {
  it('sums what this run measured, lists the largest first and names what was given up on', () => {
    const realised = summariseRealised(records, RUN);
    expect(realised).toMatchObject({ measuredCount: 2, realisedMonthlyUsd: 51.5, estimatedMonthlyUsd: 50 });
    expect(realised?.top.map((item) => item.resourceName)).toEqual(['vol-b', 'vol-a']);
    expect(realised?.notMeasurable).toEqual([{ actionId: 'act-fn-final', ruleId: 'lambda/memory-size', resourceName: 'fn-final', reason: 'no invocations in one of the windows' }]);
    expect(summariseRealised(records, 'run-without-measurements')).toBeUndefined();
  });

  it('shows one Slack section with the headline and estimated vs realised per action', () => {
    const actions = sampleActions(3);
    const message = buildSlackMessage(buildDigest({ run: sampleRun(actions), actions, forecasts: [], realised: records }), { channel: '#c', enabledExecutors: [] });
    const sections = message.blocks.filter((block) => block.type === 'section' && block.block_id === 'realised');
    expect(sections).toHaveLength(1);
    const text = sections[0].type === 'section' ? sections[0].text.text : '';
    expect(text).toContain('Realised: $51.50/month measured on 2 applied actions (estimated $50.00)');
    expect(text).toContain('vol-b (ebs/gp2-to-gp3): $42.00/month realised vs $40.00 estimated');
    expect(text).toContain('fn-final (lambda/memory-size) not measurable: no invocations in one of the windows');
    expect(text).not.toContain('fn-retry');
    expect(text).not.toContain('vol-old');
    // No measurements: no section.
    const plain = buildSlackMessage(buildDigest({ run: sampleRun(actions), actions, forecasts: [] }), { channel: '#c', enabledExecutors: [] });
    expect(plain.blocks.some((block) => block.type === 'section' && block.block_id === 'realised')).toBe(false);
  });

  it('gives the email the same figures as a table in HTML and aligned text', () => {
    const actions = sampleActions(2);
    const email = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [], realised: records }));
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Realised: $51.50/month measured on 2 applied actions (estimated $50.00)');
      expect(part).toContain('fn-final (lambda/memory-size) not measurable');
    }
    expect(email.html).toMatch(/<td[^>]*>vol-b<br>.*?\$40\.00.*?\$42\.00/);
    expect(email.text).toMatch(/vol-b \(ebs\/gp2-to-gp3\)\s+\$40\.00\s+\$42\.00/);
    expect(unbalancedTags(email.html)).toEqual([]);
    expect(buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [] })).text).not.toContain('Realised');
  });

  it('adds a realised-savings card to the report after the ranked actions', () => {
    const actions = sampleActions(2);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt: '2026-11-29T06:02:00.000Z', realised: records });
    expect(html.indexOf('id="realised"')).toBeGreaterThan(html.indexOf('<h2>Ranked actions</h2>'));
    expect(html).toMatch(/<td>vol-a<\/td><td>ebs\/gp2-to-gp3<\/td><td>configuration priced<\/td><td class="num">\$10\.00<\/td><td class="num">\$9\.50<\/td>/);
    const card = html.slice(html.indexOf('<section class="card" id="realised">'), html.indexOf('</section>', html.indexOf('id="realised"')) + '</section>'.length);
    expect(unbalancedTags(card)).toEqual([]);
    expect(buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt: '2026-11-29T06:02:00.000Z' })).not.toContain('id="realised"');
  });
});
