import { describe, expect, it } from 'vitest';
import { insightActions } from '../../../../lambdas/engine/rules/account/insight-actions.js';
import type { AccountRuleInput } from '../../../../lambdas/engine/rules/account-rule.js';
import type { NamedForecast } from '../../../../lambdas/engine/insights/cost-forecasts.js';
import type { ReportedAnomaly } from '../../../../lambdas/engine/insights/reported-anomalies.js';
import { context, NOW, resource } from '../fixtures.js';

const HOUR = 3_600_000;
const table = resource('dynamodb:table', 'orders', { billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 50 });
const instance = resource('ec2:instance', 'web', { instanceType: 'm5.large', state: 'running' });
const fn = resource('lambda:function', 'api', { memoryMb: 512, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs22.x' });

function capacityForecast(arn: string, type: string, metric: string, threshold: number, daysToCrossing: number, lowerFactor: number): NamedForecast {
  const points = Array.from({ length: 48 }, (_, i) => {
    const forecast = threshold * (0.8 + (i / 47) * 0.3);
    return { timestamp: new Date(NOW + (i + 1) * HOUR).toISOString(), forecast, lower80: forecast * lowerFactor, upper80: forecast * 1.1 };
  });
  return {
    name: `capacity-${metric}`,
    kind: 'capacity',
    subject: arn,
    step: 'hour',
    points,
    facts: {
      resourceArn: arn,
      resourceType: type,
      metric,
      stat: 'Sum',
      threshold,
      thresholdUnit: 'units/s',
      crossesAt: new Date(NOW + daysToCrossing * 86_400_000).toISOString(),
      daysToCrossing,
      lastHourlyMean: threshold * 0.8,
      historyPeakHourlyMean: threshold * 0.9,
      peakForecast: threshold * 1.1,
      model: 'seasonal-profile',
    },
  };
}

function anomaly(arn: string, metric: string, score: number, hoursAgo: number): ReportedAnomaly {
  return { subject: { kind: 'metric', resourceArn: arn, metric, stat: 'Sum' }, timestamp: new Date(NOW - hoursAgo * HOUR).toISOString(), value: 42, score };
}

const input = (partial: Partial<AccountRuleInput>): AccountRuleInput => ({ resources: [table, instance, fn], findings: [], costs: [], anomalies: [], forecasts: [], ...partial });

describe('account/insight-actions', () => {
  it('turns a DynamoDB capacity forecast into raising the units, priced as a negative saving', () => {
    const [finding] = insightActions.evaluate(input({ forecasts: [capacityForecast(table.arn, 'dynamodb:table', 'AWS/DynamoDB/ConsumedReadCapacityUnits', 100, 2, 0.95)] }), context());
    // peak forecast 110 units/s ÷ 0.7 → 158 RCU, 58 more than today at $0.00013 an hour.
    expect(finding.proposed).toEqual({ action: 'add-capacity', metric: 'AWS/DynamoDB/ConsumedReadCapacityUnits', readCapacityUnits: 158 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(-58 * 0.00013 * 730, 2);
    expect(finding.performanceRisk).toBe(4);
    expect(finding.confidence).toBe(0.9);
    expect(finding.restartRequired).toBe(false);
  });

  it('asks for EC2 capacity without claiming a price, with risk falling as the crossing is further away', () => {
    const [finding] = insightActions.evaluate(input({ forecasts: [capacityForecast(instance.arn, 'ec2:instance', 'AWS/EC2/CPUUtilization', 80, 10, 0.5)] }), context());
    expect(finding.monthlySavingsUsd).toBe(0);
    expect(finding.performanceRisk).toBe(2);
    expect(finding.confidence).toBe(0.5);
    expect(finding.domain).toBe('compute');
  });

  it('groups error and throttle anomalies of one resource into one investigate action', () => {
    const anomalies = [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.8, 5), anomaly(fn.arn, 'AWS/Lambda/Throttles', 1, 2)];
    const [finding] = insightActions.evaluate(input({ anomalies }), context());
    expect(finding.proposed).toEqual({ action: 'investigate' });
    expect(finding.performanceRisk).toBe(3);
    expect(finding.confidence).toBe(1);
    expect(finding.evidence.statistics.metrics).toBe('AWS/Lambda/Errors, AWS/Lambda/Throttles');
    expect(finding.domain).toBe('serverless');
  });

  it('skips cost forecasts, CPU anomalies, cost anomalies and resources it does not know', () => {
    const anomalies: ReportedAnomaly[] = [
      anomaly(instance.arn, 'AWS/EC2/CPUUtilization', 1, 1),
      anomaly('arn:aws:lambda:us-east-1:123456789012:function/gone', 'AWS/Lambda/Errors', 1, 1),
      { subject: { kind: 'cost', service: 'AWS Lambda' }, timestamp: new Date(NOW).toISOString(), value: 3, score: 1 },
    ];
    const forecasts = [
      { ...capacityForecast(table.arn, 'dynamodb:table', 'x', 1, 1, 1), kind: 'cost' as const },
      capacityForecast('arn:unknown', 'ec2:instance', 'AWS/EC2/CPUUtilization', 80, 1, 1),
    ];
    expect(insightActions.evaluate(input({ anomalies, forecasts }), context())).toEqual([]);
  });

  it('keeps ids across runs whose dates and values differ', () => {
    const first = insightActions.evaluate(input({ anomalies: [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.8, 5)] }), context())[0];
    const next = insightActions.evaluate(input({ anomalies: [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.9, 30)] }), context({ now: NOW + 86_400_000 }))[0];
    expect(next.id).toBe(first.id);
  });
});
