import type { MetricSeries } from '../../types/snapshot.js';
import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { aggregateByUtcDay } from '../support/daily.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';

const RULE_ID = 'elb/idle-load-balancer';
/** Trusted Advisor "Idle Load Balancers": fewer than 100 requests a day over the last 7 days. */
const WINDOW_DAYS = 7;
const MAX_DAILY_REQUESTS = 100;
/** Auto Scaling may register targets again later: a config-only finding is not certain. */
const CONFIDENCE_NO_TARGETS = 0.9;
/** The load balancer may be younger than the window when neither its creation time nor older data proves its age. */
const CONFIDENCE_UNKNOWN_AGE = 0.6;

type IdleReason = 'no-registered-targets' | 'no-healthy-targets' | 'low-traffic';

/** The traffic metric of each type: requests for ALB/CLB, new flows for NLB/GWLB (plus concurrent flows as a check). */
const TRAFFIC_METRIC = { application: 'RequestCount', classic: 'RequestCount', network: 'NewFlowCount', gateway: 'NewFlowCount' } as const;

/**
 * Idle load balancer, Trusted Advisor's definition ("Idle Load Balancers"): an active load balancer with no registered
 * targets, no healthy target, or fewer than 100 requests on each of the last 7 whole UTC days — `RequestCount` (Sum)
 * for Application and Classic, `NewFlowCount` (Sum) for Network and Gateway, where `ActiveFlowCount` (Maximum), when
 * collected, must also stay under 100 (a few long-lived connections are real use). ELB publishes these metrics only
 * while traffic flows (ELB User Guide, "CloudWatch metrics"), so a day without points counts as 0 requests.
 * Load balancers created within the window are left alone.
 *
 *   savings = hourly charge by type × 730   ($0.0225 ALB/NLB, $0.0125 GWLB, $0.025 CLB; capacity units of an idle
 *             load balancer are ≈ 0 and its public IPv4 addresses per AZ are not counted: a lower bound)
 *
 * Risk 0 with no (healthy) target — it cannot serve anything — and 1 for low traffic (some client still calls it).
 * Confidence 0.9 for the target reasons; for traffic 1, or 0.6 when the age is unknown. Not reversible: a new load
 * balancer gets a new DNS name. No executor. Carbon 0: CCF attributes managed-network energy to data transferred
 * (0.001 kWh/GB) and an idle load balancer transfers next to nothing.
 */
export const idleLoadBalancer: Rule = {
  id: RULE_ID,
  domain: 'network',
  resourceType: 'elb:load-balancer',
  summary: "Delete a load balancer idle by Trusted Advisor's definition (no healthy targets, or < 100 requests a day for 7 days).",
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'elb:load-balancer');
    if (config.state !== 'active' && config.state !== 'active_impaired') return [];
    // Whole UTC days only: the 7 days before the one `now` falls in.
    const windowEnd = Math.floor(context.now / MS_PER_DAY) * MS_PER_DAY - 1;
    const windowStart = windowEnd + 1 - WINDOW_DAYS * MS_PER_DAY;
    const created = config.createdTime === undefined ? undefined : Date.parse(config.createdTime);
    if (created !== undefined && created > windowStart) return [];

    const traffic = dailyTraffic(slice.series, TRAFFIC_METRIC[config.lbType], windowEnd);
    const activeFlows = config.lbType === 'network' || config.lbType === 'gateway' ? findSeries(slice.series, 'ActiveFlowCount', ['Maximum']) : undefined;
    const maxActiveFlows = activeFlows ? windowSeries(activeFlows, windowEnd, WINDOW_DAYS).values.reduce((a, b) => Math.max(a, b), 0) : undefined;

    let reason: IdleReason | undefined;
    if (config.registeredTargets === 0) reason = 'no-registered-targets';
    else if (config.healthyTargets === 0) reason = 'no-healthy-targets';
    else if (traffic && traffic.maxDaily < MAX_DAILY_REQUESTS && (maxActiveFlows === undefined || maxActiveFlows < MAX_DAILY_REQUESTS)) reason = 'low-traffic';
    if (!reason) return [];

    const ageKnown = created !== undefined || (traffic?.firstPointBefore(windowStart) ?? false);
    const confidence = reason === 'low-traffic' ? (ageKnown ? 1 : CONFIDENCE_UNKNOWN_AGE) : CONFIDENCE_NO_TARGETS;
    const hourly = context.prices.loadBalancerHourlyUsd(config.lbType);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'network',
        resource: slice.resource,
        current: { state: config.state, lbType: config.lbType, scheme: config.scheme },
        proposed: { state: 'deleted' },
        monthlySavingsUsd: hourly * HOURS_PER_MONTH,
        performanceRisk: reason === 'low-traffic' ? 1 : 0,
        confidence,
        effort: reason === 'low-traffic' ? 'medium' : 'low',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: {
            reason,
            windowDays: WINDOW_DAYS,
            thresholdDailyRequests: MAX_DAILY_REQUESTS,
            ...(config.registeredTargets === undefined ? {} : { registeredTargets: config.registeredTargets }),
            ...(config.healthyTargets === undefined ? {} : { healthyTargets: config.healthyTargets }),
            ...(traffic ? { trafficMetric: traffic.metric, maxDailyRequests: traffic.maxDaily, totalRequests: traffic.total } : { trafficCollected: false }),
            ...(maxActiveFlows === undefined ? {} : { maxActiveFlows }),
            currentUsdPerHour: hourly,
          },
          quantiles: {},
          series: traffic ? [excerpt(traffic.metric, traffic.series.stat, traffic.series.unit ?? 'Count', traffic.timestamps, traffic.values)] : [],
          sources: ['elb-config', ...(traffic ? ['cloudwatch'] : []), 'trusted-advisor-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};

/** Per-day totals of a count metric over the 7 whole days ending at `windowEnd`; days without points are 0. */
function dailyTraffic(all: readonly MetricSeries[], metric: string, windowEnd: number) {
  const series = findSeries(all, metric, ['Sum']);
  if (!series) return undefined;
  const windowed = windowSeries(series, windowEnd, WINDOW_DAYS);
  const days = aggregateByUtcDay(windowed.timestamps, windowed.values);
  return {
    metric,
    series,
    timestamps: windowed.timestamps,
    values: windowed.values,
    maxDaily: Math.max(0, ...days.map((d) => d.sum)),
    total: days.reduce((acc, d) => acc + d.sum, 0),
    /** Whether the collected series reaches back before `bound` (so the resource existed then). */
    firstPointBefore: (bound: number) => series.timestamps.some((t) => t <= bound),
  };
}
