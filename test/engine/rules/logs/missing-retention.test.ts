import { describe, expect, it } from 'vitest';
import { missingRetention } from '../../../../lambdas/engine/rules/logs/missing-retention.js';
import { context, resource, series, slice } from '../fixtures.js';

const GB = 1024 ** 3;
const group = (config: Record<string, unknown>) => resource('logs:log-group', 'app', config);

describe('logs/missing-retention', () => {
  it('flags a never-expiring group and estimates the storage beyond 30 days of ingestion', () => {
    const res = group({ storedBytes: 100 * GB });
    // 1 GB a day: hourly sums of 1/24 GB for 14 days.
    const incoming = series(res.arn, 'IncomingBytes', 'Sum', () => GB / 24, { periodSec: 3600, namespace: 'AWS/Logs', unit: 'Bytes' });
    const [finding] = missingRetention.evaluate(slice(res, [incoming]), context());
    expect(finding.proposed).toEqual({ retentionDays: 30 });
    expect(finding.evidence.statistics.estimatedKeptGb).toBeCloseTo(30, 1);
    expect(finding.monthlySavingsUsd).toBeCloseTo(70 * 0.03, 2);
    expect(finding.reversible).toBe(false);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.automation.executor).toBe('log-retention');
  });

  it('claims no saving without the ingestion rate, but still proposes retention', () => {
    const [finding] = missingRetention.evaluate(slice(group({ storedBytes: 100 * GB })), context());
    expect(finding.monthlySavingsUsd).toBe(0);
    expect(finding.evidence.statistics.savingsEstimated).toBe(false);
    expect(finding.confidence).toBe(0.3);
  });

  it('passes groups with a retention or without stored data', () => {
    expect(missingRetention.evaluate(slice(group({ storedBytes: GB, retentionDays: 14 })), context())).toEqual([]);
    expect(missingRetention.evaluate(slice(group({ storedBytes: 0 })), context())).toEqual([]);
  });
});
