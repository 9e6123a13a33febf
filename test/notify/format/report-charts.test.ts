import { describe, expect, it } from 'vitest';
import { chartData, jsonForScriptElement, ReportCharts } from '../../../lambdas/notify/format/report-charts.js';

const T0 = Date.UTC(2026, 10, 20);
const MINUTE = 60_000;

describe('chart data for the report', () => {
  it('converts times to epoch seconds, keeps 5 significant digits and turns non-finite values into gaps', () => {
    // Prepare
    const timestamps = [T0, T0 + MINUTE, T0 + 2 * MINUTE];

    // Act
    const data = chartData({ title: 'cpu', timestamps, lines: [{ label: 'cpu', colour: '#000000', values: [12.345678, Number.NaN, Infinity] }], unit: 'Percent' });

    // Assess
    expect(data.x).toEqual([T0 / 1000, T0 / 1000 + 60, T0 / 1000 + 120]);
    expect(data.lines[0].values).toEqual([12.346, null, null]);
    expect(data.unit).toBe('Percent');
    expect(data.band).toBeNull();
    expect(data.marker).toBeNull();
  });

  it('puts a marker on the sample nearest its time and drops rules without a finite value', () => {
    const timestamps = [T0, T0 + 5 * MINUTE, T0 + 10 * MINUTE];
    const data = chartData({
      title: 'x',
      timestamps,
      lines: [{ label: 'x', colour: '#000000', values: [1, 2, 3] }],
      rules: [{ label: 'p95', value: 2.5, colour: '#111111' }, { label: 'broken', value: Number.NaN, colour: '#111111' }],
      marker: { label: 'anomaly', timestamp: T0 + 7 * MINUTE, value: 2, colour: '#dc2626' },
    });
    expect(data.marker?.index).toBe(1);
    expect(data.rules.map((rule) => rule.label)).toEqual(['p95']);
  });

  it('refuses a line or band whose length differs from the timestamps', () => {
    expect(() => chartData({ title: 'cpu', timestamps: [T0, T0 + MINUTE], lines: [{ label: 'cpu', colour: '#000000', values: [1] }] })).toThrow('chart "cpu": line "cpu" has 1 values for 2 timestamps');
    expect(() => chartData({ title: 'f', timestamps: [T0], lines: [], band: { label: 'band', colour: '#000000', lower: [1], upper: [] } })).toThrow('chart "f": band "band" has 0 values for 1 timestamps');
  });

  it('writes JSON that cannot end its script element, and that parses back to the same value', () => {
    const value = { label: '</script><script>alert(1)</script><!-- \u2028' };
    const text = jsonForScriptElement(value);
    expect(text).not.toMatch(/<\/script|<!--|\u2028/i);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('numbers placeholders in registration order and embeds every chart once', () => {
    const charts = new ReportCharts();
    const first = charts.figure({ title: 'a "quoted" <title>', timestamps: [T0], lines: [{ label: 'a', colour: '#000000', values: [1] }] });
    const second = charts.figure({ title: 'b', timestamps: [T0], lines: [{ label: 'b', colour: '#000000', values: [2] }] });
    expect(first).toBe('<figure class="chart" data-chart="0" role="img" aria-label="a &quot;quoted&quot; &lt;title&gt;"></figure>');
    expect(second).toContain('data-chart="1"');
    expect(charts.count).toBe(2);
    const element = charts.dataElement();
    expect(element.startsWith('<script type="application/json" id="headroom-chart-data">')).toBe(true);
    const parsed = JSON.parse(element.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')) as { charts: { lines: { values: number[] }[] }[] };
    expect(parsed.charts.map((chart) => chart.lines[0].values[0])).toEqual([1, 2]);
  });
});
