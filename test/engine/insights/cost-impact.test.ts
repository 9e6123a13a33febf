import { describe, expect, it } from 'vitest';
import { costImpact } from '../../../lambdas/engine/insights/cost-impact.js';
import type { DailyCost } from '../../../lambdas/engine/types/snapshot.js';

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 10, 29);
const date = (daysAgo: number) => new Date(TODAY - daysAgo * DAY).toISOString().slice(0, 10);

/** 40 days of two services in two accounts; `usd(service, account, daysAgo)` gives each row. */
function costs(usd: (service: string, account: string, daysAgo: number) => number): DailyCost[] {
  const rows: DailyCost[] = [];
  for (let d = 39; d >= 0; d--)
    for (const service of ['AWS Lambda', 'Amazon S3'])
      for (const account of ['111111111111', '222222222222']) rows.push({ date: date(d), account, service, amountUsd: usd(service, account, d) });
  return rows;
}

describe('costImpact', () => {
  it('gives expected vs observed $, the impact of a one-day spike, and the service and account that caused it', () => {
    const rows = costs((service, account, d) => (service === 'AWS Lambda' && account === '222222222222' && d === 5 ? 250 : 50));
    const impact = costImpact(rows, { service: 'total', timestamp: `${date(5)}T00:00:00.000Z` });

    expect(impact).toMatchObject({ expectedUsd: 200, observedUsd: 400, impactUsd: 200, impactDays: 1 });
    expect(impact.contributors).toEqual([
      { dimension: 'service', key: 'AWS Lambda', expectedUsd: 100, observedUsd: 300, deltaUsd: 200 },
      { dimension: 'account', key: '222222222222', expectedUsd: 100, observedUsd: 300, deltaUsd: 200 },
    ]);
  });

  it('stops counting impact once the cost is back within the noise, even if it stays slightly above the median', () => {
    // ±$2 a day of noise around $50; the spike 5 days ago, then $51 (within 3 robust standard deviations) after it.
    const rows = costs((service, account, d) => (service !== 'AWS Lambda' || account !== '111111111111' ? 50 : d === 5 ? 250 : d < 5 ? 51 : d % 2 === 0 ? 48 : 52));
    const impact = costImpact(rows, { service: 'AWS Lambda', timestamp: `${date(5)}T00:00:00.000Z` });

    expect(impact).toMatchObject({ observedUsd: 300, impactDays: 1 });
    expect(impact.impactUsd).toBe(300 - impact.expectedUsd);
  });

  it('sums the impact of a level shift over every day since it started, ranking the larger contributor first', () => {
    // From 3 days ago: Lambda +$30/day in account 1 and +$10/day in account 2.
    const rows = costs((service, account, d) => 50 + (service === 'AWS Lambda' && d <= 3 ? (account === '111111111111' ? 30 : 10) : 0));
    const impact = costImpact(rows, { service: 'AWS Lambda', timestamp: `${date(3)}T00:00:00.000Z` });

    expect(impact).toMatchObject({ expectedUsd: 100, observedUsd: 140, impactUsd: 160, impactDays: 4 });
    expect(impact.contributors.map((c) => [c.dimension, c.key, c.deltaUsd])).toEqual([
      ['account', '111111111111', 30],
      ['account', '222222222222', 10],
    ]);
  });

  it('lists the lines that fell for a drop, not those that rose', () => {
    const rows = costs((service, _account, d) => (d === 2 ? (service === 'Amazon S3' ? 0 : 60) : 50));
    const impact = costImpact(rows, { service: 'total', timestamp: `${date(2)}T00:00:00.000Z` });

    expect(impact).toMatchObject({ expectedUsd: 200, observedUsd: 120, impactUsd: -80, impactDays: 1 });
    expect(impact.contributors.filter((c) => c.dimension === 'service')).toEqual([
      { dimension: 'service', key: 'Amazon S3', expectedUsd: 100, observedUsd: 0, deltaUsd: -100 },
    ]);
  });
});
