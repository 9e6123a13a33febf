import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../lambdas/notify/format/report-html.js';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';

const generatedAt = '2026-11-29T06:01:15.000Z';

describe('buildReportHtml', () => {
  it('is one self-contained, well-formed document: no scripts, no external resources', () => {
    // Prepare
    const actions = sampleActions(30);

    // Act
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt, snapshotSummary: { resources: 200, accounts: 2 } });

    // Assess
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(unbalancedTags(html)).toEqual([]);
    expect(html).toContain('200 resources · 2 account(s)');
  });

  it('lists every action in rank order, each linked to its evidence panel with a chart of its series', () => {
    const actions = sampleActions(12);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt });
    const rows = [...html.matchAll(/<a href="#action-(\d+)">/g)].map((match) => Number(match[1]));
    expect(rows).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    for (let rank = 1; rank <= 12; rank += 1) expect(html).toContain(`id="action-${rank}"`);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(12);
    expect(html.match(/<details class="evidence" id="action-\d+" open>/g)).toHaveLength(5);
    const positions = actions.map((action) => html.indexOf(`>${action.resource.name}<`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('draws the deciding quantiles and the threshold on the first series chart', () => {
    const [action] = sampleActions(1);
    const html = buildReportHtml({ run: sampleRun([action]), actions: [action], forecasts: [], generatedAt });
    expect(html).toContain('>p95 ');
    expect(html).toContain('>p99.5 ');
    expect(html).toContain('>threshold ');
  });

  it('shows totals and the cost forecast with its band and Cost Explorer fact', () => {
    const actions = sampleActions(10);
    const net = actions.reduce((sum, action) => sum + action.monthlySavingsUsd, 0);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt });
    expect(html).toContain(`>${formatUsd(net)}<`);
    expect(html).toContain('80 % prediction interval');
    expect(html).toContain('<polygon');
    expect(html).toContain('costExplorerForecastUsd</td><td>$12,940');
  });

  it('escapes hostile text everywhere it appears', () => {
    const [action] = sampleActions(1);
    const hostile = {
      ...action,
      resource: { ...action.resource, name: '<script>alert(1)</script>', arn: 'arn:"><img src=x onerror=alert(1)>' },
      evidence: { ...action.evidence, statistics: { '<b>key</b>': '<i>value</i>' } },
    };
    const run = { ...sampleRun([hostile]), runId: '<run>', failedBatches: [{ batchId: 'b1', error: '<svg onload=alert(1)>' }] };
    const html = buildReportHtml({ run, actions: [hostile], forecasts: [], generatedAt });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<b>key');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('renders an empty run without failing', () => {
    const html = buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], generatedAt });
    expect(html).toContain('No actions in this run');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('stays well-formed and reasonably small for 200 actions', () => {
    const actions = sampleActions(200);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt });
    expect(unbalancedTags(html)).toEqual([]);
    expect(html.length).toBeLessThan(5_000_000);
  });
});
