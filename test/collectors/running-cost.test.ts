import { describe, expect, it } from 'vitest';
import { estimateMonthlyRunningCost, PRICES } from '../../lambdas/collectors/running-cost.js';
import { BYTES_PER_PACKED_VALUE } from '../../lambdas/shared/store/series-codec.js';

describe('estimateMonthlyRunningCost', () => {
  it('keeps a 1,000-resource account under $5/month with daily collection (SPEC §10)', () => {
    const estimate = estimateMonthlyRunningCost({ resources: 1000 });
    expect(estimate.monthlyUsd.total).toBeLessThanOrEqual(5);
    expect(estimate.monthlyUsd.total).toBeGreaterThan(1);
  });

  it('counts GetMetricData calls and billed metrics from the 500-query and 100,800-datapoint limits', () => {
    // 3,700 queries: 8 calls; 7 full calls of 500 × 4,032 points = 20 pages each, the last (200) 8 pages.
    // Billed = 3,700 + (148 pages − 8 calls) = 3,840 metrics.
    const estimate = estimateMonthlyRunningCost({ resources: 1000, queriesPerResource: 3.7 });
    expect(estimate.getMetricDataCallsPerRun).toBe(8);
    expect(estimate.metricsBilledPerRun).toBe(3840);
    expect(estimate.monthlyUsd.cloudwatch).toBeCloseTo(3840 * PRICES.getMetricDataPerMetric * 30.4375, 10);
  });

  it('charges Cost Explorer $0.01 per request: 3 pages of 90 days + 1 forecast per collection', () => {
    const estimate = estimateMonthlyRunningCost({ resources: 10 });
    expect(estimate.costExplorerRequestsPerRun).toBe(4);
    expect(estimate.monthlyUsd.costExplorer).toBeCloseTo(4 * 0.01 * 30.4375, 10);
  });

  it('grows with collection frequency and refuses a negative size', () => {
    const daily = estimateMonthlyRunningCost({ resources: 1000 });
    const hourly = estimateMonthlyRunningCost({ resources: 1000, metricCollectionsPerDay: 24 });
    expect(hourly.monthlyUsd.cloudwatch).toBeCloseTo(daily.monthlyUsd.cloudwatch * 24, 6);
    expect(() => estimateMonthlyRunningCost({ resources: -1 })).toThrow(RangeError);
  });

  it('prices DynamoDB at the store’s packed Float64 size: 8 bytes a point', () => {
    // 3,700 series of 4,032 points: 4,032 × 8 + 200 = 32,456 B → 32 WRU per write, 8 RRU (÷ 2) per read.
    const writes = 3700 * 32 * PRICES.dynamoPerWriteUnit;
    const reads = ((3700 * 8) / 2) * PRICES.dynamoPerReadUnit;
    const storage = ((3700 * 32_456) / 1e9) * PRICES.dynamoPerGbMonth;
    const estimate = estimateMonthlyRunningCost({ resources: 1000 });
    expect(estimate.monthlyUsd.dynamodb).toBeCloseTo((writes + reads) * 30.4375 + storage, 10);
    expect(BYTES_PER_PACKED_VALUE).toBe(8);
  });
});

