import { describe, expect, it } from 'vitest';
import { ANOMALY_TABLE_ROWS, anomalySection, CHARTED_ANOMALIES } from '../../../lambdas/notify/format/report-anomalies.js';
import { ReportCharts } from '../../../lambdas/notify/format/report-charts.js';
import { buildReportHtml } from '../../../lambdas/notify/format/report-html.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { embeddedCharts, markupOnly } from '../../fixtures/notify/report-parts.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomaly, costAnomalyWithImpact, cpuAnomaly } from '../anomaly-fixtures.js';

const generatedAt = '2026-11-29T06:01:15.000Z';

describe('the report’s Anomalies section', () => {
  it('sits after Evidence and before Forecasts, with the count, a chart of the metric anomaly and a row per anomaly', () => {
    const actions = sampleActions(3);
    const html = buildReportHtml({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), anomalies: [costAnomaly(), cpuAnomaly()], generatedAt });

    const evidence = html.indexOf('<h2>Evidence</h2>');
    const anomalies = html.indexOf('<h2>Anomalies</h2>');
    const forecasts = html.indexOf('<h2>Forecasts</h2>');
    expect(evidence).toBeGreaterThan(0);
    expect(anomalies).toBeGreaterThan(evidence);
    expect(forecasts).toBeGreaterThan(anomalies);
    const section = html.slice(anomalies, forecasts);
    expect(section).toContain('2 anomalies detected');
    // Highest score first: the CPU anomaly (score 1) before the cost one (0.8).
    const rows = [...section.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(['2026-11-27 14:00 UTC web-1', '2026-11-25 AWS Lambda']);
    expect(section).toContain('AWS/EC2/CPUUtilization (Average)');
    expect(section).toContain('96.6 Percent');
    expect(section).toContain('$481');
    expect(section.match(/<figure class="chart"/g)).toHaveLength(1);
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
  });

  it('shows under a cost anomaly its expected $, the impact so far and its contributors', () => {
    const section = anomalySection([costAnomalyWithImpact()], new ReportCharts());
    expect(section).toContain('expected $120 · impact so far +$361 over 1 day');
    expect(section).toContain('contributors: account 222222222222 +$361');
    expect(anomalySection([costAnomaly()], new ReportCharts())).not.toContain('impact so far');
  });

  it('lists the 50 highest scores and charts only the top few metric anomalies that carry an excerpt', () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      cpuAnomaly({ score: 1 - i / 100, resourceName: `web-${i}`, subject: { kind: 'metric', resourceArn: `arn:aws:ec2:us-east-1:111111111111:instance/i-${i}`, metric: 'AWS/EC2/CPUUtilization', stat: 'Average' } }),
    );
    const charts = new ReportCharts();
    const section = anomalySection(many, charts);
    expect(section.match(/<tr><td>/g)).toHaveLength(ANOMALY_TABLE_ROWS);
    expect(section).toContain('80 anomalies detected');
    expect(section).toContain('web-0<');
    expect(section).not.toContain('web-50<');
    expect(section.match(/<figure class="chart"/g)).toHaveLength(CHARTED_ANOMALIES);
    expect(charts.count).toBe(CHARTED_ANOMALIES);
    // One chart per resource: its several anomalous metrics tell one story.
    expect(anomalySection([cpuAnomaly(), cpuAnomaly({ score: 0.9 })], new ReportCharts()).match(/<figure class="chart"/g)).toHaveLength(1);
    // Without an excerpt the table alone is shown.
    expect(anomalySection([cpuAnomaly({ excerpt: undefined })], new ReportCharts())).not.toContain('<figure');
  });

  it('marks the anomalous value on its excerpt at the sample nearest its time', () => {
    const anomaly = cpuAnomaly();
    const html = buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], anomalies: [anomaly], generatedAt });
    const [chart] = embeddedCharts(html);
    expect(chart.marker).toEqual({ label: 'anomaly', colour: '#dc2626', index: 24, value: 96.6 });
    expect(chart.lines[0].values[24]).toBe(96.6);
    expect(chart.rules).toEqual([{ label: 'anomalous value', value: 96.6, colour: '#dc2626' }]);
  });

  it('escapes resource names, metrics and units', () => {
    const hostile = cpuAnomaly({
      resourceName: '<script>alert(1)</script>',
      unit: '<b>u</b>',
      subject: { kind: 'metric', resourceArn: 'arn:"><img src=x>', metric: '<i>m</i>', stat: 'p99' },
    });
    const html = buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], anomalies: [hostile, costAnomaly({ subject: { kind: 'cost', service: '<svg onload=x>' } })], generatedAt });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<b>u');
    expect(html).not.toContain('<i>m');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(unbalancedTags(markupOnly(html))).toEqual([]);
  });

  it('says when there are none, and when they were not loaded', () => {
    expect(buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], anomalies: [], generatedAt })).toContain('No anomalies');
    expect(buildReportHtml({ run: sampleRun([]), actions: [], forecasts: [], generatedAt })).toContain('Anomalies were not loaded');
  });
});
