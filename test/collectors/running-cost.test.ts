import { describe, expect, it } from 'vitest';
import { ANALYSIS_TRANSITIONS, estimateMonthlyRunningCost, MEASURED, PRICES } from '../../lambdas/collectors/running-cost.js';
import { BYTES_PER_PACKED_VALUE } from '../../lambdas/shared/store/series-codec.js';

const MONTH = 30.4375;

describe('estimateMonthlyRunningCost', () => {
  it('keeps a 1,000-resource account under $5/month with series packed as Float32 (SPEC §10)', () => {
    expect(BYTES_PER_PACKED_VALUE).toBe(4);
    expect(estimateMonthlyRunningCost({ resources: 1000 }).monthlyUsd.total).toBeLessThanOrEqual(5);
    // Float64 packing, as before, doubled the series writes and was above the goal.
    expect(estimateMonthlyRunningCost({ resources: 1000, bytesPerStoredPoint: 8 }).monthlyUsd.total).toBeGreaterThan(5);
  });

  it('uses the measured collection profile of the sample account by default', () => {
    const estimate = estimateMonthlyRunningCost({ resources: 1000 });
    // ⌈1,000 × 3.711⌉ = 3,711 queries: 8 calls; billed 3,711 + (149 pages − 8 calls).
    expect(estimate.getMetricDataCallsPerRun).toBe(8);
    expect(estimate.metricsBilledPerRun).toBe(3711 + 149 - 8);
    // ⌈1,000 × 3.211⌉ = 3,211 series of 4,032 × 4 B + 330 B = 16,458 B → 17 WRU each, as measured (54,291 WRU).
    expect(estimate.seriesWriteUnitsPerDay).toBe(3211 * 17);
    expect(Math.abs(estimate.seriesWriteUnitsPerDay - 54_291) / 54_291).toBeLessThan(0.01);
    expect(MEASURED.seriesPerResource).toBeLessThan(MEASURED.queriesPerResource);
  });

  it('counts GetMetricData calls and billed metrics from the 500-query and 100,800-datapoint limits', () => {
    // 3,700 queries: 8 calls; 7 full calls of 500 × 4,032 points = 20 pages each, the last (200) 8 pages.
    // Billed = 3,700 + (148 pages − 8 calls) = 3,840 metrics; plus 4 ListMetrics requests.
    const estimate = estimateMonthlyRunningCost({ resources: 1000, queriesPerResource: 3.7 });
    expect(estimate.getMetricDataCallsPerRun).toBe(8);
    expect(estimate.metricsBilledPerRun).toBe(3840);
    expect(estimate.monthlyUsd.cloudwatch).toBeCloseTo((3840 * PRICES.getMetricDataPerMetric + 4 * PRICES.cloudwatchPerRequest) * MONTH, 10);
  });

  it('pays Cost Explorer at most twice a day with the 12-hour cache: 3 pages of 90 days + 1 forecast each, and the commitments weekly', () => {
    // Existing commitments: 2 × accounts + 1 requests a week.
    const commitments = (accounts: number) => ((2 * accounts + 1) / 7) * 0.01 * MONTH;
    const daily = estimateMonthlyRunningCost({ resources: 10 });
    expect(daily.costExplorerRequestsPerRun).toBe(4);
    expect(daily.monthlyUsd.costExplorer).toBeCloseTo(4 * 0.01 * MONTH + commitments(1), 10);
    const hourly = estimateMonthlyRunningCost({ resources: 10, costCollectionsPerDay: 24 });
    expect(hourly.monthlyUsd.costExplorer).toBeCloseTo(2 * 4 * 0.01 * MONTH + commitments(1), 10);
    expect(estimateMonthlyRunningCost({ resources: 10, accounts: 5 }).monthlyUsd.costExplorer).toBeCloseTo(4 * 0.01 * MONTH + commitments(5), 10);
  });

  it('counts state transitions from the analysis shape: fixed states plus one per batch', () => {
    const estimate = estimateMonthlyRunningCost({ resources: 1000, batchSize: 100 });
    expect(estimate.stateTransitionsPerRun).toBe(ANALYSIS_TRANSITIONS.fixed + 10 * ANALYSIS_TRANSITIONS.perBatch);
    expect(estimate.monthlyUsd.stepFunctions).toBeCloseTo(estimate.stateTransitionsPerRun * PRICES.stepFunctionsPerTransition * MONTH, 10);
    // 7 daily collector runs (inventory 4, the others 1) + the weekly Price List + plan, 10 batches, forecast,
    // prioritise, persist, 2 notify.
    expect(estimate.lambdaInvocationsPerDay).toBeCloseTo(7 + 1 / 7 + 16, 10);
  });

  it('prices DynamoDB series at the packed size: rewritten each metric collection, read each analysis', () => {
    // 3,000 series of 4,032 points: 4,032 × 4 + 330 = 16,458 B → 17 WRU per write, 5 RRU (÷ 2) per read.
    // Other writes: 2 items × 1,000 resources × 4 inventory runs, 504 recommendations, 900 cost items + 120 cache
    // units once a day, 40 units a week of prices, ½ a finding per resource; 1,000 resource reads.
    const estimate = estimateMonthlyRunningCost({ resources: 1000, seriesPerResource: 3 });
    expect(estimate.dynamoWriteUnitsPerDay).toBeCloseTo(3000 * 17 + 8000 + 504 + 1020 + 40 / 7 + 500, 8);
    expect(estimate.dynamoReadUnitsPerDay).toBe((3000 * 5) / 2 + 1000);
    const storedGb = (3000 * 16_458 + 1000 * 3072) / 1e9;
    const expected = (estimate.dynamoWriteUnitsPerDay * PRICES.dynamoPerWriteUnit + estimate.dynamoReadUnitsPerDay * PRICES.dynamoPerReadUnit) * MONTH + storedGb * 0.45;
    expect(estimate.monthlyUsd.dynamodb).toBeCloseTo(expected, 10);
    // Float64 packing: 4,032 × 8 + 330 = 32,586 B → 32 WRU per series write.
    expect(estimateMonthlyRunningCost({ resources: 1000, seriesPerResource: 3, bytesPerStoredPoint: 8 }).seriesWriteUnitsPerDay).toBe(3000 * 32);
  });

  it('grows with collection frequency and refuses a negative size', () => {
    const daily = estimateMonthlyRunningCost({ resources: 1000 });
    const hourly = estimateMonthlyRunningCost({ resources: 1000, metricCollectionsPerDay: 24 });
    expect(hourly.monthlyUsd.cloudwatch).toBeCloseTo(daily.monthlyUsd.cloudwatch * 24, 6);
    expect(() => estimateMonthlyRunningCost({ resources: -1 })).toThrow(RangeError);
  });

  it('adds up every line into the total', () => {
    const { monthlyUsd } = estimateMonthlyRunningCost({ resources: 10_000 });
    const { total, ...lines } = monthlyUsd;
    expect(total).toBeCloseTo(Object.values(lines).reduce((sum, usd) => sum + usd, 0), 10);
    expect(lines.secretsManager).toBe(0.4);
  });
});
