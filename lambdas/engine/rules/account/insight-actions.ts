import type { AccountRule } from '../account-rule.js';
import type { Domain, Finding } from '../../types/action.js';
import type { NamedForecast } from '../../insights/cost-forecasts.js';
import type { ReportedAnomaly } from '../../insights/reported-anomalies.js';
import { DynamoDbConfigSchema, type Resource, type ResourceType } from '../../types/snapshot.js';
import type { RuleContext } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { withStableId } from '../../prioritise/stable-id.js';
import { protectedMonthlyUsd } from './protected-monthly-usd.js';

export const INSIGHT_ACTIONS_RULE_ID = 'account/insight-actions';
/** DynamoDB capacity is raised to the forecast peak at auto scaling's default 70 % target utilisation. */
const TARGET_UTILISATION = 0.7;
/** Urgency of a capacity forecast (how soon performance suffers), by days to the crossing: ≤ 3 → 4, ≤ 7 → 3, later → 2. */
function capacityUrgency(daysToCrossing: number): number {
  return daysToCrossing <= 3 ? 4 : daysToCrossing <= 7 ? 3 : 2;
}
/**
 * Risk OF adding capacity (Compute Optimizer's scale, SPEC §5): DynamoDB units are raised online → 0 (very low); an
 * EC2/RDS resize or scale-out restarts or shifts load → 1 (low).
 */
const ADD_CAPACITY_RISK = { online: 0, restart: 1 } as const;
/** Risk OF an investigation: it changes nothing → 0. */
const INVESTIGATE_RISK = 0;
/**
 * Metrics whose anomalies call for an investigation, with the urgency of ignoring them: errors and 5xx → 3 (users see
 * failures), throttles and latency → 2 (users wait or retry).
 */
export const INVESTIGATE_METRICS: Readonly<Record<string, number>> = {
  Errors: 3,
  SystemErrors: 3,
  UserErrors: 3,
  HTTPCode_Target_5XX_Count: 3,
  HTTPCode_ELB_5XX_Count: 3,
  '5XXError': 3,
  Throttles: 2,
  ThrottledRequests: 2,
  ReadThrottleEvents: 2,
  WriteThrottleEvents: 2,
  Duration: 2,
  Latency: 2,
  TargetResponseTime: 2,
};

const DOMAIN_BY_TYPE: Readonly<Record<ResourceType, Domain>> = {
  'ec2:instance': 'compute',
  'ebs:volume': 'storage',
  'ebs:snapshot': 'storage',
  'ec2:elastic-ip': 'network',
  'ec2:nat-gateway': 'network',
  'elb:load-balancer': 'network',
  'lambda:function': 'serverless',
  'rds:db-instance': 'database',
  'dynamodb:table': 'database',
  'logs:log-group': 'data',
  's3:bucket': 'storage',
  'ecs:service': 'compute',
  'apigateway:api': 'web',
  'kinesis:stream': 'data',
  'states:state-machine': 'serverless',
  'savingsplans:commitment': 'compute',
  'sqs:queue': 'data',
  'autoscaling:group': 'compute',
  'elasticache:cluster': 'database',
};

/**
 * Anomalies and capacity-exhaustion forecasts of the run, surfaced as performance actions (SPEC §6). Savings are
 * never positive: these actions protect performance. Each carries `urgency` (0–4, how soon or how badly performance
 * suffers if nothing is done) and `protectedMonthlyUsd` (the monthly cost of the resource at stake,
 * protected-monthly-usd.ts), which the priority formula (prioritise/priority.ts) turns into value at stake, so an
 * urgent fix on an expensive resource outranks small savings.
 *
 * Capacity forecast (NamedForecast kind 'capacity', insights/capacity-forecasts.ts: the hourly forecast crosses the
 * threshold within the horizon) → action 'add-capacity' on that resource:
 * - DynamoDB (provisioned, no auto scaling): proposes units = ⌈peak forecast ÷ 0.7⌉ (auto scaling's default target);
 *   savings = −(proposed − current units) × $/unit-hour × 730 — the known price of acting;
 * - EC2 / RDS: scale up or out before the crossing; savings 0, because the price depends on the chosen size or count
 *   (the rightsizing rules price a specific type; this action only says capacity runs out).
 * Urgency by days to the crossing: ≤ 3 → 4, ≤ 7 → 3, later → 2. Performance risk is the risk OF the change (SPEC §5,
 * as Compute Optimizer defines it): 0 for DynamoDB (online), 1 for EC2/RDS (a resize). Confidence 0.9 when the
 * forecast's 80 % lower bound also reaches the threshold within the horizon (the crossing stands out of the noise),
 * else 0.5. Restart required for EC2/RDS (a resize), not for DynamoDB.
 *
 * Metric anomaly (insights/reported-anomalies.ts) on an error, throttle or latency metric (INVESTIGATE_METRICS) →
 * one 'investigate' action per resource with all its such anomalies as evidence; savings 0; risk 0 (looking changes
 * nothing); urgency = the largest metric urgency; confidence = the highest detector score. Anomalies and forecasts whose resource is not in
 * input.resources are skipped. Not automated (executor null). Ids name the action and metric, never dates or values.
 */
export const insightActions: AccountRule = {
  id: INSIGHT_ACTIONS_RULE_ID,
  domain: 'compute',
  summary: 'Turn capacity-exhaustion forecasts and error/throttle/latency anomalies into performance actions (add capacity, investigate).',
  evaluate(input, context) {
    const byArn = new Map(input.resources.map((r) => [r.arn, r]));
    const findings: Finding[] = [];
    for (const forecast of input.forecasts) {
      if (forecast.kind !== 'capacity') continue;
      const resource = byArn.get(String(forecast.facts.resourceArn));
      if (resource) findings.push(capacityAction(resource, forecast, context));
    }
    const anomaliesByArn = new Map<string, ReportedAnomaly[]>();
    for (const anomaly of input.anomalies) {
      if (anomaly.subject.kind !== 'metric') continue;
      const metricName = anomaly.subject.metric.split('/').pop() ?? '';
      if (!Object.hasOwn(INVESTIGATE_METRICS, metricName) || !byArn.has(anomaly.subject.resourceArn)) continue;
      anomaliesByArn.set(anomaly.subject.resourceArn, [...(anomaliesByArn.get(anomaly.subject.resourceArn) ?? []), anomaly]);
    }
    for (const arn of [...anomaliesByArn.keys()].sort()) findings.push(investigateAction(byArn.get(arn)!, anomaliesByArn.get(arn)!, context));
    return findings;
  },
};

function capacityAction(resource: Resource, forecast: NamedForecast, context: RuleContext): Finding {
  const facts = forecast.facts;
  const metric = String(facts.metric);
  const metricName = metric.split('/').pop() ?? metric;
  const threshold = Number(facts.threshold);
  const daysToCrossing = Number(facts.daysToCrossing);
  const peakForecast = Number(facts.peakForecast);
  const lowerCrosses = forecast.points.some((p) => p.lower80 >= threshold);

  let proposed: Record<string, unknown> = { action: 'add-capacity', metric };
  let savings = 0;
  const isDynamo = resource.type === 'dynamodb:table';
  if (isDynamo) {
    const config = DynamoDbConfigSchema.parse(resource.config);
    const isRead = metricName === 'ConsumedReadCapacityUnits';
    const current = (isRead ? config.readCapacityUnits : config.writeCapacityUnits) ?? threshold;
    const units = Math.max(Math.ceil(peakForecast / TARGET_UTILISATION), Math.ceil(current));
    const unitHour = isRead ? context.prices.dynamoDb.rcuHourUsd : context.prices.dynamoDb.wcuHourUsd;
    proposed = { ...proposed, [isRead ? 'readCapacityUnits' : 'writeCapacityUnits']: units };
    savings = -(units - current) * unitHour * HOURS_PER_MONTH;
  }
  const finding = buildFinding({
    ruleId: INSIGHT_ACTIONS_RULE_ID,
    domain: DOMAIN_BY_TYPE[resource.type],
    resource,
    current: { metric, threshold, thresholdUnit: facts.thresholdUnit ?? null },
    proposed,
    monthlySavingsUsd: savings,
    performanceRisk: isDynamo ? ADD_CAPACITY_RISK.online : ADD_CAPACITY_RISK.restart,
    confidence: lowerCrosses ? 0.9 : 0.5,
    effort: 'medium',
    restartRequired: !isDynamo,
    reversible: true,
    evidence: {
      statistics: {
        forecast: forecast.name,
        crossesAt: String(facts.crossesAt),
        daysToCrossing,
        threshold,
        peakForecast,
        lastHourlyMean: Number(facts.lastHourlyMean),
        historyPeakHourlyMean: Number(facts.historyPeakHourlyMean),
        lowerBoundCrosses: lowerCrosses,
        model: String(facts.model),
      },
      quantiles: {},
      series: [
        excerpt(
          `${metricName} (forecast)`,
          String(facts.stat),
          String(facts.thresholdUnit ?? ''),
          forecast.points.map((p) => Date.parse(p.timestamp)),
          forecast.points.map((p) => p.forecast),
        ),
      ],
      sources: ['cloudwatch', 'headroom-forecast', ...(isDynamo ? context.prices.sources : [])],
    },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
    urgency: capacityUrgency(daysToCrossing),
    protectedMonthlyUsd: roundTo(protectedMonthlyUsd(resource, context.prices), 2),
  });
  return withStableId(finding, { action: 'add-capacity', metric });
}

function investigateAction(resource: Resource, anomalies: readonly ReportedAnomaly[], context: RuleContext): Finding {
  const metricOf = (a: ReportedAnomaly) => (a.subject.kind === 'metric' ? a.subject.metric : '');
  const metrics = [...new Set(anomalies.map(metricOf))].sort();
  const latest = anomalies.reduce((a, b) => (b.timestamp > a.timestamp ? b : a));
  const strongest = anomalies.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.timestamp > a.timestamp) ? b : a));
  const urgency = Math.max(...metrics.map((m) => INVESTIGATE_METRICS[m.split('/').pop() ?? ''] ?? 2));
  const charted = anomalies.filter((a) => a.excerpt).sort((a, b) => b.score - a.score)[0];
  const finding = buildFinding({
    ruleId: INSIGHT_ACTIONS_RULE_ID,
    domain: DOMAIN_BY_TYPE[resource.type],
    resource,
    current: { anomalousMetrics: metrics },
    proposed: { action: 'investigate' },
    monthlySavingsUsd: 0,
    performanceRisk: INVESTIGATE_RISK,
    confidence: roundTo(strongest.score, 2),
    effort: 'medium',
    restartRequired: false,
    reversible: true,
    evidence: {
      statistics: {
        anomalies: anomalies.length,
        metrics: metrics.join(', '),
        latestAt: latest.timestamp,
        strongestAt: strongest.timestamp,
        strongestMetric: metricOf(strongest),
        strongestValue: roundTo(strongest.value),
        strongestScore: roundTo(strongest.score),
        daysSinceLatest: roundTo((context.now - Date.parse(latest.timestamp)) / 86_400_000, 1),
      },
      quantiles: {},
      series: charted?.excerpt
        ? [excerpt(metricOf(charted), charted.subject.kind === 'metric' ? charted.subject.stat : '', charted.unit, charted.excerpt.timestamps, charted.excerpt.values)]
        : [],
      sources: ['cloudwatch', 'headroom-detect'],
    },
    automation: { executor: null },
    carbonKgCo2eMonthly: 0,
    urgency,
    protectedMonthlyUsd: roundTo(protectedMonthlyUsd(resource, context.prices), 2),
  });
  return withStableId(finding, { action: 'investigate' });
}
