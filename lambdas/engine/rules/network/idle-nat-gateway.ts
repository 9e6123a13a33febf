import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries, type WindowedSeries } from '../support/series-window.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';

const RULE_ID = 'network/idle-nat-gateway';
/** Below 1 GB in the whole lookback (≈ 70 MB a day over 14 days) a NAT gateway carries no workload worth its hours. */
const MAX_TOTAL_BYTES = 1_000_000_000;
/** At least a week of data, so weekly jobs are seen (Trusted Advisor's idle checks use 7 days too). */
const MIN_DAYS_OBSERVED = 7;
/** Without ActiveConnectionCount the bytes alone decide, and a few long idle connections could be missed. */
const CONFIDENCE_FACTOR_NO_CONNECTIONS = 0.8;
const BYTES_PER_GB = 1_000_000_000;

/**
 * Idle NAT gateway: an available NAT gateway that forwarded (nearly) nothing over the lookback — CloudWatch
 * AWS/NATGateway `BytesInFromSource` + `BytesInFromDestination` (Sum) below 1 GB in total over ≥ 7 observed days, and
 * `ActiveConnectionCount` (Maximum), when collected, 0 throughout. Those two are the bytes the gateway *processes*, one
 * per direction (clients → internet, and the replies internet → clients), which is what the per-GB processing charge
 * bills; `BytesOutToDestination` is the same outbound traffic as `BytesInFromSource` seen on the other side, so adding
 * it would count outbound twice and miss downloads entirely. The signals are those AWS Cost Optimization Hub
 * reports for its idle NAT gateway recommendation (NatGatewayConfiguration: activeConnectionCount, packets in from
 * source and destination); Steampipe's aws_thrifty "Unused NAT gateways" uses BytesOutToDestination = 0. The 1 GB bound
 * is ours, to tolerate stray probes: at $0.045/GB it is under 5 cents of processing against $32.85 of hours.
 * Gateways created within the lookback are left alone. Proposes deleting it.
 *
 *   processed GB = Σ (BytesInFromSource + BytesInFromDestination) ÷ 10⁹ over the lookback
 *   savings = $0.045 × 730 (hours) + processed GB ÷ observed days × 30.42 × $0.045 (processing, ≈ 0 here)
 *
 * Risk 2 (medium): private subnets' default routes point at it, and any instance that still needs outbound internet
 * loses it. Effort medium (route tables change), not reversible (a replacement has a new id; routes must be re-pointed),
 * no executor. Its Elastic IP stays allocated after deletion: network/unassociated-elastic-ip flags it on the next run.
 * Confidence = data confidence × 0.8 when connections were not collected. Carbon 0: CCF attributes network energy
 * to data transferred (0.001 kWh/GB), which is below 1 GB here.
 */
export const idleNatGateway: Rule = {
  id: RULE_ID,
  domain: 'network',
  resourceType: 'ec2:nat-gateway',
  summary: 'Delete a NAT gateway that forwarded under 1 GB in the lookback with no active connections (update its route tables first).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ec2:nat-gateway');
    if (config.state !== 'available') return [];
    const lookbackStart = context.now - context.lookbackDays * MS_PER_DAY;
    if (config.createTime !== undefined && Date.parse(config.createTime) > lookbackStart) return [];

    const bytes = ['BytesInFromSource', 'BytesInFromDestination']
      .map((metric) => findSeries(slice.series, metric, ['Sum']))
      .filter((s) => s !== undefined)
      .map((s) => windowSeries(s, context.now, context.lookbackDays));
    if (bytes.length === 0) return [];
    const daysObserved = Math.max(...bytes.map((w) => w.daysObserved));
    if (daysObserved < MIN_DAYS_OBSERVED) return [];
    const totalBytes = bytes.reduce((acc, w) => acc + sum(w), 0);
    if (totalBytes >= MAX_TOTAL_BYTES) return [];

    const connectionsSeries = findSeries(slice.series, 'ActiveConnectionCount', ['Maximum']);
    const connections = connectionsSeries ? windowSeries(connectionsSeries, context.now, context.lookbackDays) : undefined;
    const maxConnections = connections?.values.reduce((a, b) => Math.max(a, b), 0);
    if (maxConnections !== undefined && maxConnections > 0) return [];

    const coverage = Math.max(...bytes.map((w) => w.coverage));
    const confidence = dataConfidence(coverage, daysObserved, context.lookbackDays) * (connections ? 1 : CONFIDENCE_FACTOR_NO_CONNECTIONS);
    const hoursUsd = context.prices.natGateway.hourlyUsd * HOURS_PER_MONTH;
    const processingUsd = (totalBytes / BYTES_PER_GB / daysObserved) * (HOURS_PER_MONTH / 24) * context.prices.natGateway.perGbProcessedUsd;
    const primary = bytes[0];

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'network',
        resource: slice.resource,
        current: { state: 'available', connectivityType: config.connectivityType, ...(config.vpcId ? { vpcId: config.vpcId } : {}) },
        proposed: { state: 'deleted' },
        monthlySavingsUsd: hoursUsd + processingUsd,
        performanceRisk: 2,
        confidence: roundTo(confidence, 2),
        effort: 'medium',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: {
            totalBytes: Math.round(totalBytes),
            thresholdTotalBytes: MAX_TOTAL_BYTES,
            daysObserved,
            lookbackDays: context.lookbackDays,
            ...(maxConnections === undefined ? { connectionsCollected: false } : { maxActiveConnections: maxConnections }),
            hoursMonthlyUsd: roundTo(hoursUsd, 2),
            processingMonthlyUsd: roundTo(processingUsd, 4),
            routeTablesMustChange: true,
          },
          quantiles: {},
          series: [excerpt(primary.series.metricName, primary.series.stat, primary.series.unit ?? 'Bytes', primary.timestamps, primary.values)],
          sources: ['cloudwatch', 'ec2-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};

function sum(w: WindowedSeries): number {
  let total = 0;
  for (const v of w.values) total += v;
  return total;
}
