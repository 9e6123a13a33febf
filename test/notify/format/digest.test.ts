import { describe, expect, it } from 'vitest';
import { buildDigest, DEFAULT_TOP_N, omittedLine, omittedMonthlySavings, PINNED_MAX } from '../../../lambdas/notify/format/digest.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomaly, costAnomalyWithImpact, cpuAnomaly } from '../anomaly-fixtures.js';

describe('buildDigest', () => {
  it('totals every action, not only the listed ones, and separates upsizes from savings', () => {
    // Prepare
    const actions = sampleActions(40);
    const positive = actions.filter((a) => a.monthlySavingsUsd > 0).reduce((s, a) => s + a.monthlySavingsUsd, 0);
    const negative = actions.filter((a) => a.monthlySavingsUsd < 0).reduce((s, a) => s - a.monthlySavingsUsd, 0);
    expect(negative).toBeGreaterThan(0);

    // Act
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: [] });

    // Assess
    expect(digest.totals.actionCount).toBe(40);
    expect(digest.totals.grossMonthlySavingsUsd).toBeCloseTo(positive, 6);
    expect(digest.totals.monthlyCostIncreaseUsd).toBeCloseTo(negative, 6);
    expect(digest.totals.netMonthlySavingsUsd).toBeCloseTo(positive - negative, 6);
    expect(digest.totals.netAnnualSavingsUsd).toBeCloseTo((positive - negative) * 12, 6);
    expect(digest.totals.automatableCount).toBe(actions.filter((a) => a.automation.executor !== null).length);
    expect(digest.top).toHaveLength(DEFAULT_TOP_N);
    expect(digest.omitted).toBe(40 - DEFAULT_TOP_N);
  });

  it('also lists pinned actions ranked below topN, at their own rank and at most PINNED_MAX of them', () => {
    const actions = sampleActions(12);
    const pinnedIds = new Set([actions[1].id, actions[5].id, actions[7].id, actions[8].id, actions[9].id, actions[11].id]);
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: [], topN: 3, pinned: (a) => pinnedIds.has(a.id) });
    expect(digest.top.map((item) => item.rank)).toEqual([1, 2, 3, 6, 8, 9].slice(0, 3 + PINNED_MAX));
    expect(digest.omitted).toBe(12 - digest.top.length);
    expect(buildDigest({ run: sampleRun(actions), actions, forecasts: [], topN: 3 }).top.map((item) => item.rank)).toEqual([1, 2, 3]);
  });

  it('keeps the stored ranking and numbers ranks from 1', () => {
    const actions = sampleActions(5);
    const digest = buildDigest({ run: sampleRun(actions), actions: [...actions].reverse(), forecasts: [], topN: 3 });
    expect(digest.top.map((item) => item.rank)).toEqual([1, 2, 3]);
    expect(digest.top.map((item) => item.action.id)).toEqual([actions[4].id, actions[3].id, actions[2].id]);
  });

  it('counts by domain (largest savings first) and by every risk level 0–4 with Compute Optimizer labels', () => {
    const actions = sampleActions(16);
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: [] });
    expect(digest.byDomain.reduce((sum, entry) => sum + entry.count, 0)).toBe(16);
    const savings = digest.byDomain.map((entry) => entry.monthlySavingsUsd);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(digest.byRisk.map((entry) => entry.label)).toEqual(['very low', 'low', 'medium', 'high', 'very high']);
    expect(digest.byRisk.reduce((sum, entry) => sum + entry.count, 0)).toBe(16);
  });

  it('labels fractional risk scores by the nearest level', () => {
    const [action] = sampleActions(1);
    const digest = buildDigest({ run: sampleRun([action]), actions: [{ ...action, performanceRisk: 2.6 }], forecasts: [] });
    expect(digest.top[0].riskLabel).toBe('high');
  });

  it('summarises a cost forecast as the sum of its daily points', () => {
    const forecasts = sampleForecasts();
    const digest = buildDigest({ run: sampleRun([]), actions: [], forecasts });
    const expected = forecasts[0].points.reduce((sum, point) => sum + point.forecast, 0);
    expect(digest.forecasts[0].forecastTotal).toBeCloseTo(expected, 6);
    expect(digest.forecasts[0].horizonPoints).toBe(30);
    expect(digest.totals.actionCount).toBe(0);
  });

  it('carries the cost anomalies that have a $ impact, not the metric ones', () => {
    const actions = sampleActions(2);
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: [], anomalies: [cpuAnomaly(), costAnomaly(), costAnomalyWithImpact()] });
    expect(digest.costAnomalies).toEqual([costAnomalyWithImpact()]);
    expect(buildDigest({ run: sampleRun(actions), actions, forecasts: [] }).costAnomalies).toEqual([]);
  });

  it('carries the run’s anomaly count whoever the digest is for, 0 when none were given', () => {
    const actions = sampleActions(3);
    expect(buildDigest({ run: sampleRun(actions), actions: actions.slice(0, 1), forecasts: [], anomalies: [cpuAnomaly(), costAnomaly()] }).anomalyCount).toBe(2);
    expect(buildDigest({ run: sampleRun(actions), actions, forecasts: [] }).anomalyCount).toBe(0);
  });

  it('rejects a negative topN', () => {
    expect(() => buildDigest({ run: sampleRun([]), actions: [], forecasts: [], topN: -1 })).toThrow(/topN/);
  });
});

describe('omittedLine', () => {
  it('sums what the digest does not list, upsizes included, and says it in one line', () => {
    const actions = sampleActions(4).map((action, index) => ({ ...action, monthlySavingsUsd: [100, 50, 30, -5][index] }));
    const digest = buildDigest({ run: sampleRun(actions), actions, forecasts: [], topN: 2 });
    expect(omittedMonthlySavings(digest)).toBe(25);
    expect(omittedLine(digest.omitted, omittedMonthlySavings(digest))).toBe('+2 more actions worth $25.00/month in the report.');
    expect(omittedLine(1, 250)).toBe('+1 more action worth $250/month in the report.');
  });
});
