import { describe, expect, it } from 'vitest';
import { costAnomalies, EXCERPTS_PER_SCOPE, excerptAround, incidentSeries, metricAnomalies } from '../../../lambdas/engine/insights/reported-anomalies.js';
import { forecastCapacity } from '../../../lambdas/engine/insights/capacity-forecasts.js';
import type { DailyCost } from '../../../lambdas/engine/types/snapshot.js';
import { cpuSeries, DAY, instance, STEP } from './cpu-series.js';

const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);

const TODAY = Date.UTC(2026, 10, 29);
const dayBefore = (days: number) => new Date(TODAY - days * DAY).toISOString();

/** 90 days of Lambda cost at about $100/day up to NOW's date, quadrupled on the date `spikeDaysAgo` days before. */
function costs(spikeDaysAgo: number): DailyCost[] {
  return Array.from({ length: 90 }, (_, k) => {
    const day = TODAY - (89 - k) * DAY;
    const spike = day === TODAY - spikeDaysAgo * DAY;
    return { date: new Date(day).toISOString().slice(0, 10), account: '111111111111', service: 'AWS Lambda', amountUsd: (spike ? 400 : 100) + ((k * 37) % 7) };
  });
}

describe('metricAnomalies', () => {
  it('reports a CPU saturation incident with the resource, unit and an excerpt of the series around it', () => {
    const web = instance('web-1');
    const anomalies = metricAnomalies([{ resource: web, series: [cpuSeries(web, NOW, { incidentDaysAgo: 3 })] }], { now: NOW, lookbackDays: 14 });

    const incidentStart = NOW - 3 * DAY;
    const top = anomalies[0];
    expect(Date.parse(top.timestamp)).toBeGreaterThanOrEqual(incidentStart);
    expect(Date.parse(top.timestamp)).toBeLessThan(incidentStart + 2 * 3_600_000);
    expect(top).toMatchObject({ subject: { kind: 'metric', resourceArn: web.arn, metric: 'AWS/EC2/CPUUtilization', stat: 'Average' }, value: 98, resourceName: 'web-1', resourceType: 'ec2:instance', unit: 'Percent' });
    expect(top.excerpt!.timestamps.length).toBeLessThanOrEqual(144);
    expect(top.excerpt!.values).toContain(98);
  });

  it('reports a drop in a rise-only metric (errors) as nothing, and a burst of errors as an anomaly', () => {
    const fn = instance('api-fn');
    /** Errors: about 20 a period with a daily cycle; a 2-hour outage of errors (0) 4 days ago and a burst (300) 2 days ago. */
    const errors = { ...cpuSeries(fn, NOW, { metricName: 'Errors', stat: 'Sum', level: () => 20 }), namespace: 'AWS/Lambda' };
    errors.values = errors.values.map((v, i) => {
      const t = errors.timestamps[i];
      if (t >= NOW - 4 * DAY && t < NOW - 4 * DAY + 2 * 3_600_000) return 0;
      if (t >= NOW - 2 * DAY && t < NOW - 2 * DAY + 30 * 60_000) return 300;
      return v;
    });
    const anomalies = metricAnomalies([{ resource: fn, series: [errors] }], { now: NOW, lookbackDays: 14 });
    expect(anomalies.some((a) => a.value === 300)).toBe(true);
    expect(anomalies.filter((a) => a.value === 0)).toEqual([]);
  });

  it('reports nothing on a steady series, nor in a series’ first day while the detector learns the daily cycle', () => {
    const web = instance('web-1');
    // The incident 13.5 days ago falls in the series' first day.
    const anomalies = metricAnomalies([{ resource: web, series: [cpuSeries(web, NOW, { incidentDaysAgo: 13.5 })] }], { now: NOW, lookbackDays: 14 });
    expect(anomalies).toEqual([]);
  });

  it('keeps only alerts inside the lookback window', () => {
    const web = instance('web-1');
    const slices = [{ resource: web, series: [cpuSeries(web, NOW, { incidentDaysAgo: 3 })] }];
    expect(metricAnomalies(slices, { now: NOW, lookbackDays: 2 })).toEqual([]);
    expect(metricAnomalies(slices, { now: NOW - 4 * DAY, lookbackDays: 14 })).toEqual([]);
  });

  it('attaches excerpts to the highest-scoring anomalies only', () => {
    const slices = Array.from({ length: EXCERPTS_PER_SCOPE + 2 }, (_, k) => {
      const r = instance(`web-${k}`);
      return { resource: r, series: [cpuSeries(r, NOW, { incidentDaysAgo: 2 + k * 0.5 })] };
    });
    const anomalies = metricAnomalies(slices, { now: NOW, lookbackDays: 14 });
    expect(anomalies.length).toBeGreaterThan(EXCERPTS_PER_SCOPE);
    expect(anomalies.filter((a) => a.excerpt).length).toBe(EXCERPTS_PER_SCOPE);
    expect(anomalies.map((a) => a.score)).toEqual([...anomalies.map((a) => a.score)].sort((a, b) => b - a));
  });
});

describe('incidentSeries', () => {
  it('scans one statistic per incident metric (Average CPU over Maximum) and leaves volume metrics out', () => {
    const web = instance('web-1');
    const average = cpuSeries(web, NOW, { incidentDaysAgo: 3 });
    const maximum = cpuSeries(web, NOW, { incidentDaysAgo: 3, stat: 'Maximum' });
    const network = cpuSeries(web, NOW, { incidentDaysAgo: 3, metricName: 'NetworkIn', stat: 'Sum' });
    const errors = { ...cpuSeries(web, NOW, { metricName: 'Errors', stat: 'Sum' }), namespace: 'AWS/Lambda' };
    expect(incidentSeries([maximum, network, average, errors])).toEqual([average, errors]);
    expect(incidentSeries([maximum, network])).toEqual([maximum]);

    // The same CPU incident is reported once, from the Average series; a spike in network traffic is not an incident.
    const anomalies = metricAnomalies([{ resource: web, series: [maximum, network, average] }], { now: NOW, lookbackDays: 14 });
    expect(anomalies.length).toBeGreaterThan(0);
    expect(anomalies.every((a) => a.subject.kind === 'metric' && a.subject.metric === 'AWS/EC2/CPUUtilization' && a.subject.stat === 'Average')).toBe(true);
  });
});

describe('series sharing one timestamp array', () => {
  it('are analysed exactly as series with their own copies, and the shared array is left as it was', () => {
    const resources = [instance('web-1'), instance('web-2'), instance('web-3')];
    const own = resources.map((r, k) => ({ resource: r, series: [cpuSeries(r, NOW, { incidentDaysAgo: 2 + k, level: (day) => 30 + 3 * day })] }));
    const grid = [...own[0].series[0].timestamps];
    const shared = own.map(({ resource, series }) => ({ resource, series: series.map((s) => ({ ...s, timestamps: grid })) }));
    const window = { now: NOW, lookbackDays: 14 };

    expect(metricAnomalies(shared, window).length).toBeGreaterThan(0);
    expect(metricAnomalies(shared, window)).toEqual(metricAnomalies(own, window));
    expect(forecastCapacity(shared, window)).toEqual(forecastCapacity(own, window));
    expect(grid).toEqual(own[0].series[0].timestamps);
  });
});

describe('costAnomalies', () => {
  it('reports a cost spike of the last 14 days and not one of 20 days ago', () => {
    const recent = costAnomalies(costs(5), { now: NOW });
    expect(recent).toContainEqual(expect.objectContaining({ subject: { kind: 'cost', service: 'AWS Lambda' }, unit: 'USD', timestamp: dayBefore(5) }));
    expect(recent[0].excerpt!.timestamps.length).toBeGreaterThan(30);
    const spike = recent.find((a) => a.subject.kind === 'cost' && a.subject.service === 'AWS Lambda')!;
    expect(spike.cost!.observedUsd - spike.cost!.expectedUsd).toBeGreaterThan(290);
    expect(spike.cost!.impactDays).toBe(1);
    expect(spike.cost!.contributors).toEqual([expect.objectContaining({ dimension: 'account', key: '111111111111' })]);

    expect(costAnomalies(costs(20), { now: NOW })).toEqual([]);
    // The same spike is found with a wider window: the 14 days are what hides it.
    expect(costAnomalies(costs(20), { now: NOW, windowDays: 30 }).length).toBeGreaterThan(0);
  });
});

describe('costAnomalies on a short history', () => {
  it('reports a spike after four weeks of daily cost, with its impact against those weeks', () => {
    // 32 days: 28 of history, the spike, then 3 more days.
    const short = costs(3).slice(-32);
    const spike = costAnomalies(short, { now: NOW }).find((a) => a.subject.kind === 'cost' && a.subject.service === 'AWS Lambda');
    expect(spike).toMatchObject({ timestamp: dayBefore(3), cost: { impactDays: 1 } });
    expect(spike!.cost!.expectedUsd).toBeGreaterThan(99);
    expect(spike!.cost!.expectedUsd).toBeLessThan(107);
  });
});

describe('excerptAround', () => {
  it('averages long windows into buckets but keeps the anomalous point’s own value', () => {
    const timestamps = Array.from({ length: 1000 }, (_, i) => i * STEP);
    const values = timestamps.map((_, i) => (i === 500 ? 99 : 10));
    const excerpt = excerptAround({ timestamps, values }, 500 * STEP, { beforeMs: 1e12, afterMs: 1e12 }, 100);
    expect(excerpt.timestamps).toHaveLength(100);
    expect(excerpt.values).toContain(99);
    expect(excerpt.values.filter((v) => v !== 10)).toEqual([99]);
  });
});
