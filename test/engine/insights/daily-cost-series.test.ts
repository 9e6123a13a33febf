import { describe, expect, it } from 'vitest';
import { dailyCostSeries } from '../../../lambdas/engine/insights/daily-cost-series.js';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('dailyCostSeries', () => {
  it('sums accounts per day, zero-fills a service on collected days and leaves uncollected days missing', () => {
    const series = dailyCostSeries(
      [
        { date: '2026-11-01', account: '111111111111', service: 'EC2', amountUsd: 10 },
        { date: '2026-11-01', account: '222222222222', service: 'EC2', amountUsd: 5 },
        { date: '2026-11-01', account: '111111111111', service: 'S3', amountUsd: 1 },
        { date: '2026-11-03', account: '111111111111', service: 'EC2', amountUsd: 12 },
      ],
      10,
    );
    const days = [day('2026-11-01'), day('2026-11-02'), day('2026-11-03')];
    expect(series).toEqual([
      { subject: 'total', timestamps: days, values: [16, null, 12] },
      { subject: 'EC2', timestamps: days, values: [15, null, 12] },
      { subject: 'S3', timestamps: days, values: [1, null, 0] },
    ]);
  });

  it('keeps only the services with the most spend', () => {
    const costs = ['A', 'B', 'C'].map((service, i) => ({ date: '2026-11-01', account: '111111111111', service, amountUsd: i + 1 }));
    expect(dailyCostSeries(costs, 2).map((s) => s.subject)).toEqual(['total', 'C', 'B']);
  });

  it('returns nothing when no cost was collected', () => {
    expect(dailyCostSeries([], 10)).toEqual([]);
  });
});
