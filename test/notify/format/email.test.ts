import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../lambdas/notify/format/digest.js';
import { buildEmail } from '../../../lambdas/notify/format/email.js';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomalyWithImpact, cpuAnomaly } from '../anomaly-fixtures.js';

describe('buildEmail', () => {
  it('lists each cost anomaly with its $ impact and contributors in both parts', () => {
    const actions = sampleActions(2);
    const email = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [], anomalies: [cpuAnomaly(), costAnomalyWithImpact()] }));
    const line = 'Cost anomaly: AWS Lambda on 2026-11-25: $481 observed vs $120 expected, impact +$361 over 1 day; from account 222222222222 +$361';
    expect(email.text.split('\n')).toContain(line);
    expect(email.html).toContain(line);
  });

  it('mentions the anomaly count once in each part', () => {
    const actions = sampleActions(2);
    const email = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [], anomalies: [cpuAnomaly()] }));
    expect(email.text.split('\n').filter((line) => line.includes('anomal'))).toEqual(['1 anomaly detected (metrics and daily cost)']);
    expect(email.html.match(/anomal/g)).toHaveLength(1);
    expect(email.html).toContain('1 anomaly detected');
  });

  it('renders the same ranked top actions in the HTML and the text part', () => {
    // Prepare
    const actions = sampleActions(25);
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), reportUrl: 'https://reports.example.com/r.html' });

    // Act
    const email = buildEmail(digest);

    // Assess
    expect(email.subject).toBe(`Headroom: 25 actions, ${formatUsd(digest.totals.netMonthlySavingsUsd)}/month (run run-2026-11-29)`);
    const names = digest.top.map((item) => item.action.resource.name);
    const htmlOrder = names.map((name) => email.html.indexOf(name));
    const textOrder = names.map((name) => email.text.indexOf(name));
    expect(htmlOrder.every((position) => position > 0)).toBe(true);
    expect(htmlOrder).toEqual([...htmlOrder].sort((a, b) => a - b));
    expect(textOrder).toEqual([...textOrder].sort((a, b) => a - b));
    const omittedUsd = actions.slice(10).reduce((total, action) => total + action.monthlySavingsUsd, 0);
    const more = `+15 more actions worth ${formatUsd(omittedUsd)}/month in the report.`;
    expect(email.html).toContain(more);
    expect(email.text).toContain(more);
    expect(email.html).toContain('href="https://reports.example.com/r.html"');
    expect(email.text).toContain('Full report: https://reports.example.com/r.html');
    expect(unbalancedTags(email.html)).toEqual([]);
  });

  it('styles inline and has no <style> block, scripts or external resources', () => {
    const actions = sampleActions(3);
    const { html } = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [] }));
    expect(html).not.toMatch(/<style|<script|<link|<img/i);
    expect(html).toMatch(/<td style="/);
  });

  it('escapes markup from resource names in the HTML part', () => {
    const [action] = sampleActions(1);
    const hostile = { ...action, resource: { ...action.resource, name: '<script>alert("x")</script>' } };
    const { html, text } = buildEmail(buildDigest({ run: sampleRun([hostile]), actions: [hostile], forecasts: [] }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(unbalancedTags(html)).toEqual([]);
    expect(text).toContain('<script>alert("x")</script>');
  });

  it('aligns the text table: every action row has the $/month column ending at the same position', () => {
    const actions = sampleActions(8);
    const { text } = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [] }));
    const rows = text.split('\n').filter((line) => /^\s*\d+ {2}/.test(line));
    expect(rows).toHaveLength(8);
    const ends = rows.map((row) => {
      const amount = /-?\$[\d,.]+/.exec(row);
      return amount ? amount.index + amount[0].length : -1;
    });
    const header = text.split('\n').find((line) => line.includes('$/month')) ?? '';
    const headerEnd = header.indexOf('$/month') + '$/month'.length;
    expect(new Set(ends)).toEqual(new Set([headerEnd]));
    expect(text.split('\n').every((line) => line === line.trimEnd())).toBe(true);
  });

  it('refuses a javascript: report link', () => {
    const actions = sampleActions(1);
    const { html, text } = buildEmail(buildDigest({ run: sampleRun(actions), actions, forecasts: [], reportUrl: 'javascript:alert(1)' }));
    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
  });

  it('keeps the subject on one line', () => {
    const run = { ...sampleRun([]), runId: 'a\r\nBcc: victim@example.com' };
    expect(buildEmail(buildDigest({ run, actions: [], forecasts: [] })).subject).not.toMatch(/[\r\n]/);
  });
});

describe('buildEmail text part', () => {
  it('wraps a long action title under its column instead of cutting it', () => {
    const [action] = sampleActions(1);
    const long = { ...action, current: { instanceType: 'm5.24xlarge-with-a-very-long-name' }, proposed: { instanceType: 'm7g.large-with-an-even-longer-name' } };
    const { text } = buildEmail(buildDigest({ run: sampleRun([long]), actions: [long], forecasts: [] }));
    expect(text.replace(/\s+/g, ' ')).toContain('m5.24xlarge-with-a-very-long-name → m7g.large-with-an-even-longer-name');
    expect(text).not.toContain('…');
  });
});
