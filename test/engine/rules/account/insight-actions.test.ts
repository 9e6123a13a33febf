import { describe, expect, it } from 'vitest';
import { insightActions } from '../../../../lambdas/engine/rules/account/insight-actions.js';
import type { AccountRuleInput } from '../../../../lambdas/engine/rules/account-rule.js';
import type { NamedForecast } from '../../../../lambdas/engine/insights/cost-forecasts.js';
import type { ReportedAnomaly } from '../../../../lambdas/engine/insights/reported-anomalies.js';
import { context, NOW, resource } from '../fixtures.js';
import { prioritise } from '../../../../lambdas/engine/prioritise/prioritise.js';

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

const input = (partial: Partial<AccountRuleInput>): AccountRuleInput => ({ resources: [table, instance, fn], findings: [], hourlyComputeSpend: [], costs: [], anomalies: [], forecasts: [], ...partial });

describe('account/insight-actions', () => {
  it('turns a DynamoDB capacity forecast into raising the units, priced as a negative saving', () => {
    const [finding] = insightActions.evaluate(input({ forecasts: [capacityForecast(table.arn, 'dynamodb:table', 'AWS/DynamoDB/ConsumedReadCapacityUnits', 100, 2, 0.95)] }), context());
    // peak forecast 110 units/s ÷ 0.7 → 158 RCU, 58 more than today at $0.00013 an hour.
    expect(finding.proposed).toEqual({ action: 'add-capacity', metric: 'AWS/DynamoDB/ConsumedReadCapacityUnits', readCapacityUnits: 158 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(-58 * 0.00013 * 730, 2);
    // raising units online is a very-low-risk change; the crossing in 2 days is what makes it urgent
    expect(finding.performanceRisk).toBe(0);
    expect(finding.urgency).toBe(4);
    // protects today's provisioned capacity, floored at $50: 100 × 0.00013 × 730 + 50 × 0.00065 × 730 = 33.21 → 50
    expect(finding.protectedMonthlyUsd).toBe(50);
    expect(finding.confidence).toBe(0.9);
    expect(finding.restartRequired).toBe(false);
  });

  it('asks for EC2 capacity without claiming a price, with urgency falling as the crossing is further away', () => {
    const [finding] = insightActions.evaluate(input({ forecasts: [capacityForecast(instance.arn, 'ec2:instance', 'AWS/EC2/CPUUtilization', 80, 10, 0.5)] }), context());
    expect(finding.monthlySavingsUsd).toBe(0);
    expect(finding.performanceRisk).toBe(1);
    expect(finding.urgency).toBe(2);
    // m5.large on demand: $0.096 an hour × 730
    expect(finding.protectedMonthlyUsd).toBeCloseTo(0.096 * 730, 2);
    expect(finding.confidence).toBe(0.5);
    expect(finding.domain).toBe('compute');
  });

  it('groups error and throttle anomalies of one resource into one investigate action', () => {
    const anomalies = [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.8, 5), anomaly(fn.arn, 'AWS/Lambda/Throttles', 1, 2)];
    const [finding] = insightActions.evaluate(input({ anomalies }), context());
    expect(finding.proposed).toEqual({ action: 'investigate' });
    expect(finding.performanceRisk).toBe(0);
    expect(finding.urgency).toBe(3);
    expect(finding.protectedMonthlyUsd).toBe(50);
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

  it('ranks an instance running out of CPU within 3 days above a $5/month saving', () => {
    const pricey = resource('ec2:instance', 'api', { instanceType: 'm5.2xlarge', state: 'running' });
    const [protect] = insightActions.evaluate(
      input({ resources: [pricey], forecasts: [capacityForecast(pricey.arn, 'ec2:instance', 'AWS/EC2/CPUUtilization', 80, 2, 0.5)] }),
      context(),
    );
    const saving = { ...protect, id: 'small-saving', ruleId: 'ebs/gp2-to-gp3', monthlySavingsUsd: 5, performanceRisk: 0, confidence: 1, effort: 'low' as const, urgency: undefined, protectedMonthlyUsd: undefined, resource: { ...protect.resource, arn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', type: 'ebs:volume' as const } };
    const ranked = prioritise([saving, protect]);
    expect(ranked.map((a) => a.id)).toEqual([protect.id, 'small-saving']);
  });

  it('keeps ids across runs whose dates and values differ', () => {
    const first = insightActions.evaluate(input({ anomalies: [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.8, 5)] }), context())[0];
    const next = insightActions.evaluate(input({ anomalies: [anomaly(fn.arn, 'AWS/Lambda/Errors', 0.9, 30)] }), context({ now: NOW + 86_400_000 }))[0];
    expect(next.id).toBe(first.id);
  });
});
