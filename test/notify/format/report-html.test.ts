import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';
import { TABLE_PAGE_ROWS } from '../../../lambdas/notify/format/report-actions-table.js';
import { buildReportHtml, CHARTED_ACTIONS, REPORT_CSP } from '../../../lambdas/notify/format/report-html.js';
import { UPLOT_JS } from '../../../lambdas/notify/format/report-uplot-asset.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { embeddedCharts, markupOnly } from '../../fixtures/notify/report-parts.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';

const generatedAt = '2026-11-29T06:01:15.000Z';

function scriptTags(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
}

describe('buildReportHtml', () => {
  it('is one self-contained, well-formed document: inline uPlot and data, a CSP that forbids loading anything', () => {
    // Prepare
    const actions = sampleActions(30);

    // Act
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt, snapshotSummary: { resources: 200, accounts: 2 } });

    // Assess
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:");
    expect(scriptTags(html)).toEqual(['<script type="application/json" id="headroom-chart-data">', '<script>', '<script>']);
    expect(html).toContain(UPLOT_JS);
    expect(markupOnly(html)).not.toMatch(/<link|<img|<iframe|@import|url\(|\ssrc=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
    expect(html).toContain('200 resources · 2 account(s)');
  });

  it('lists every action in rank order, each linked to its evidence panel with a chart per series', () => {
    const actions = sampleActions(12);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt });
    const rows = [...html.matchAll(/<a href="#action-(\d+)">/g)].map((match) => Number(match[1]));
    expect(rows).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    for (let rank = 1; rank <= 12; rank += 1) expect(html).toContain(`id="action-${rank}"`);
    expect(html.match(/<figure class="chart" data-chart="\d+"/g)).toHaveLength(12);
    expect(embeddedCharts(html)).toHaveLength(12);
    expect(html.match(/<details class="evidence" id="action-\d+" open>/g)).toHaveLength(5);
    const positions = actions.map((action) => html.indexOf(`>${action.resource.name}<`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('charts the series in epoch seconds with the deciding quantiles and the threshold as reference lines', () => {
    const [action] = sampleActions(1);
    const html = buildReportHtml({ run: sampleRun([action]), actions: [action], forecasts: [], generatedAt });
    const [chart] = embeddedCharts(html);
    const [series] = action.evidence.series;
    expect(chart.x).toEqual(series.timestamps.map((t) => t / 1000));
    expect(chart.lines[0].values).toHaveLength(series.values.length);
    expect(chart.lines[0].values[3]).toBeCloseTo(series.values[3], 2);
    expect(chart.rules.map((rule) => rule.label)).toEqual(['threshold', 'p50', 'p95', 'p99.5']);
    expect(chart.unit).toBe('Percent');
  });

  it('makes every header the table can be sorted by a button, the rank column marked as the current order', () => {
    const actions = sampleActions(4);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt });
    const sortable = [...html.matchAll(/<th [^>]*data-type="(number|text)"[^>]*><button type="button" class="sort">([^<]+)<\/button><\/th>/g)].map((match) => match[2]);
    expect(sortable).toEqual(['#', 'Domain', 'Account', '$/month', 'Risk', 'Confidence', 'Effort', 'kg CO₂e', 'Priority']);
    expect(html.match(/<th [^>]*aria-sort=/g)).toHaveLength(1);
    expect(html).toMatch(/<th scope="col" class="num" aria-sort="ascending" data-type="number" data-first="ascending"><button type="button" class="sort">#</);
  });

  it('shows totals and the cost forecast with its band and Cost Explorer fact', () => {
    const actions = sampleActions(10);
    const net = actions.reduce((sum, action) => sum + action.monthlySavingsUsd, 0);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt });
    expect(html).toContain(`>${formatUsd(net)}<`);
    expect(html).toContain('id="totals-by-domain"');
    expect(html).toContain('id="totals-by-account"');
    const forecast = embeddedCharts(html).at(-1)!;
    expect(forecast.band?.label).toBe('80 % prediction interval');
    expect(forecast.band?.upper).toHaveLength(30);
    expect(html).toContain('costExplorerForecastUsd</td><td>$12,940');
  });

  it('escapes hostile text in the markup and keeps it from closing the chart data block', () => {
    const [action] = sampleActions(1);
    const hostile = {
      ...action,
      resource: { ...action.resource, name: '<script>alert(1)</script>', arn: 'arn:"><img src=x onerror=alert(1)>' },
      evidence: {
        ...action.evidence,
        statistics: { '<b>key</b>': '<i>value</i>' },
        series: action.evidence.series.map((series) => ({ ...series, metric: '</script><script>alert(2)</script><!--' })),
      },
    };
    const run = { ...sampleRun([hostile]), runId: '<run>', failedBatches: [{ batchId: 'b1', error: '<svg onload=alert(1)>' }] };
    const html = buildReportHtml({ run, actions: [hostile], forecasts: [], generatedAt });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<b>key');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(scriptTags(html)).toHaveLength(3);
    expect(embeddedCharts(html)[0].lines[0].label).toBe('</script><script>alert(2)</script><!-- (Average, Percent)');
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
  });

  it('renders an empty run without failing', () => {
    const html = buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], generatedAt });
    expect(html).toContain('No actions in this run');
    expect(embeddedCharts(html)).toEqual([]);
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
  });

  it('gives only the top actions evidence panels and charts, and keeps the rest in the table without links', () => {
    const actions = sampleActions(7);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt, chartedActions: 3 });
    expect(html.match(/<details class="evidence"/g)).toHaveLength(3);
    expect(embeddedCharts(html)).toHaveLength(3);
    expect(html.match(/<a href="#action-\d+">/g)).toHaveLength(3);
    expect(html.match(/<tr><td class="num" data-value="\d+">/g)).toHaveLength(7);
    expect(html).toContain('Evidence of the top 3 actions; the other 4 are in the table above.');
    expect(() => buildReportHtml({ run: sampleRun(actions), actions, forecasts: [], generatedAt, chartedActions: -1 })).toThrow('chartedActions must be a non-negative integer, got -1');
  });

  it(`charts at most ${CHARTED_ACTIONS} actions, so 2,000 actions stay a file of a few megabytes`, () => {
    const actions = sampleActions(2_000);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), generatedAt });
    expect(embeddedCharts(html)).toHaveLength(CHARTED_ACTIONS + 1);
    expect(html.match(/<tr( hidden)?><td class="num" data-value="\d+">/g)).toHaveLength(2_000);
    // Rows past the first page wait for "Show all"; without scripts the noscript style shows them.
    expect(html.match(/<tr hidden>/g)).toHaveLength(2_000 - TABLE_PAGE_ROWS);
    expect(html).toContain('<noscript><style>#actions tr[hidden] { display:table-row; }');
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
    expect(html.length).toBeLessThan(5_000_000);
  });
});
