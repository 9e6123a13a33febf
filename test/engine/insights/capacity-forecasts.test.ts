import { describe, expect, it } from 'vitest';
import { CPU_THRESHOLD_PERCENT, forecastCapacity } from '../../../lambdas/engine/insights/capacity-forecasts.js';
import type { MetricSeries, Resource } from '../../../lambdas/engine/types/snapshot.js';
import { cpuSeries, DAY, instance } from './cpu-series.js';

const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);
const options = { now: NOW, lookbackDays: 14 };

describe('forecastCapacity', () => {
  it('flags CPU growing 3 points a day towards 80 %, with the crossing date inside 14 days', () => {
    const web = instance('web-1');
    // From 30 % to about 69 % over the 14 days (+ the ±8 daily cycle): 80 % is reached within days.
    const forecasts = forecastCapacity([{ resource: web, series: [cpuSeries(web, NOW, { level: (day) => 30 + 3 * day })] }], options);

    expect(forecasts).toHaveLength(1);
    const [forecast] = forecasts;
    expect(forecast).toMatchObject({ kind: 'capacity', subject: 'web-1', step: 'hour', name: 'capacity-web-1-cpuutilization' });
    expect(forecast.points).toHaveLength(14 * 24);
    expect(forecast.facts).toMatchObject({ resourceArn: web.arn, threshold: CPU_THRESHOLD_PERCENT, metric: 'AWS/EC2/CPUUtilization', stat: 'Average' });
    const crossesAt = Date.parse(forecast.facts.crossesAt as string);
    expect(crossesAt).toBeGreaterThan(NOW);
    expect(crossesAt).toBeLessThan(NOW + 14 * DAY);
    // The crossing is the first forecast hour at or above the threshold.
    const first = forecast.points.find((p) => p.forecast >= CPU_THRESHOLD_PERCENT)!;
    expect(first.timestamp).toBe(forecast.facts.crossesAt);
  });

  it('does not flag a flat series well below the threshold', () => {
    const web = instance('web-1');
    expect(forecastCapacity([{ resource: web, series: [cpuSeries(web, NOW, { level: () => 40 })] }], options)).toEqual([]);
  });

  it('does not flag a resource already reaching the threshold (at capacity now, not heading there)', () => {
    const web = instance('web-1');
    expect(forecastCapacity([{ resource: web, series: [cpuSeries(web, NOW, { level: () => 76 })] }], options)).toEqual([]);
  });

  it('forecasts DynamoDB consumed units per second against provisioned capacity, only for provisioned tables without auto scaling', () => {
    const table = (name: string, config: Record<string, unknown>): Resource => ({
      arn: `arn:aws:dynamodb:us-east-1:111111111111:table/${name}`,
      type: 'dynamodb:table',
      account: '111111111111',
      region: 'us-east-1',
      name,
      tags: {},
      config,
    });
    // Consumed Sum per 5 minutes growing from 30 to ~69 units/s (× 300 s); 100 units/s provisioned.
    const consumed = (r: Resource): MetricSeries => {
      const cpu = cpuSeries(r, NOW, { level: (day) => 30 + 3 * day, metricName: 'ConsumedReadCapacityUnits', stat: 'Sum' });
      return { ...cpu, namespace: 'AWS/DynamoDB', unit: 'Count', values: cpu.values.map((v) => v * 300) };
    };
    const fixed = table('orders', { billingMode: 'PROVISIONED', readCapacityUnits: 80, writeCapacityUnits: 10 });
    const scaled = table('carts', { billingMode: 'PROVISIONED', readCapacityUnits: 80, autoScaling: true });
    const onDemand = table('users', { billingMode: 'PAY_PER_REQUEST' });

    const forecasts = forecastCapacity([fixed, scaled, onDemand].map((r) => ({ resource: r, series: [consumed(r)] })), options);

    expect(forecasts.map((f) => f.subject)).toEqual(['orders']);
    expect(forecasts[0].facts).toMatchObject({ metric: 'AWS/DynamoDB/ConsumedReadCapacityUnits', threshold: 80, thresholdUnit: 'units/s' });
  });

  it('skips series too short to forecast', () => {
    const web = instance('web-1');
    const short = cpuSeries(web, NOW, { level: () => 79 });
    const lastHour = { ...short, timestamps: short.timestamps.slice(-6), values: short.values.slice(-6) };
    expect(forecastCapacity([{ resource: web, series: [lastHour] }], options)).toEqual([]);
  });
});
