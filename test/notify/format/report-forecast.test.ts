import { describe, expect, it } from 'vitest';
import { ReportCharts } from '../../../lambdas/notify/format/report-charts.js';
import { CHARTED_FORECASTS, forecastSection } from '../../../lambdas/notify/format/report-forecast.js';
import type { StoredForecast } from '../../../lambdas/shared/store/store.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { embeddedCharts } from '../../fixtures/notify/report-parts.js';
import { sampleForecasts } from '../../fixtures/notify/sample-run.js';

function capacityForecast(index: number): StoredForecast {
  const [cost] = sampleForecasts();
  return { ...cost, kind: 'capacity', name: `disk-${index}`, subject: `vol-${index}`, facts: { threshold: 90, thresholdUnit: 'Percent' } };
}

describe('the report’s Forecasts section', () => {
  it('charts the account total first, with its band and its capacity threshold as a reference line', () => {
    // Prepare
    const [cost] = sampleForecasts();
    const total = { ...cost, subject: 'total', name: 'Daily cost, total' };
    const charts = new ReportCharts();

    // Act
    const html = forecastSection([capacityForecast(1), total], charts);

    // Assess
    expect(html.indexOf('Daily cost, total')).toBeLessThan(html.indexOf('disk-1'));
    const [first, second] = embeddedCharts(charts.dataElement());
    expect(first.band?.label).toBe('80 % prediction interval');
    expect(first.unit).toBe('USD');
    expect(second.rules).toEqual([{ label: 'threshold', value: 90, colour: '#dc2626' }]);
    expect(second.unit).toBe('Percent');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it(`charts the first ${CHARTED_FORECASTS} and lists the others in a table`, () => {
    const charts = new ReportCharts();
    const html = forecastSection(Array.from({ length: CHARTED_FORECASTS + 5 }, (_, index) => capacityForecast(index)), charts);
    expect(charts.count).toBe(CHARTED_FORECASTS);
    expect(html).toContain('<h3>5 more forecast(s)</h3>');
    expect(html.match(/<tr><td>disk-\d+<\/td>/g)).toHaveLength(5);
    expect(html).toContain(`<tr><td>disk-${CHARTED_FORECASTS}</td><td>capacity</td>`);
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('says when a run has no forecasts', () => {
    expect(forecastSection([], new ReportCharts())).toContain('No forecasts in this run.');
  });
});
