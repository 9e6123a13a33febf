import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';

const RULE_ID = 'elasticache/idle-cluster';
/** The same 7-day window Trusted Advisor uses for idle databases. */
const IDLE_DAYS = 7;
const MIN_SPAN_DAYS = IDLE_DAYS - 1;
/**
 * ElastiCache itself holds connections to monitor a node: "ElastiCache uses two to four of the connections to monitor
 * the cluster" (ElastiCache User Guide, "Metrics for Valkey and Redis OSS", CurrConnections; two to three for
 * Memcached). At most this many at every point means no client was connected.
 */
const MONITORING_CONNECTIONS = 4;
/** An idle node's CPU for CCF: the minimum of its utilisation curve. */
const IDLE_CPU_FRACTION = 0;

/**
 * Idle ElastiCache cluster: an available cache cluster whose CurrConnections (Maximum per period, cluster level) never
 * exceeds ElastiCache's own 4 monitoring connections over the last 7 days, the points spanning at least 6 of them.
 * Proposes deleting it (Redis OSS and Valkey with a final backup; for a replication group member, the group):
 *
 *   savings = numNodes × node $/h (engine, nodeType) × 730
 *
 * A final backup costs $0.085 per GB-month beyond the free one per cluster; it is at most the node memory and is left
 * out. Risk 1; confidence = coverage × observed days / 7; effort medium (someone must confirm nothing will connect).
 * Reversible for Redis OSS and Valkey (restore the backup), not for Memcached (no persistence; a cache refills, but
 * what it held is gone). No executor.
 */
export const idleCacheCluster: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'elasticache:cluster',
  summary: 'Delete an ElastiCache cluster no client connected to for 7 days (final backup for Redis OSS and Valkey).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'elasticache:cluster');
    if (config.status !== 'available') return [];
    const connectionsSeries = findSeries(slice.series, 'CurrConnections', ['Maximum', 'Average']);
    if (!connectionsSeries) return [];
    const connections = windowSeries(connectionsSeries, context.now, IDLE_DAYS);
    if (connections.values.length === 0) return [];
    const spanDays = (connections.timestamps[connections.timestamps.length - 1] - connections.timestamps[0]) / MS_PER_DAY;
    const maxConnections = Math.max(...connections.values);
    if (spanDays < MIN_SPAN_DAYS || maxConnections > MONITORING_CONNECTIONS) return [];
    const hourly = context.prices.cacheNodeHourlyUsd(config.nodeType, config.engine);
    if (hourly === undefined) return [];
    const monthlySavingsUsd = config.numNodes * hourly * HOURS_PER_MONTH;
    const spec = context.prices.cacheNodeSpec(config.nodeType);
    const carbon = spec ? config.numNodes * computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, IDLE_CPU_FRACTION) : 0;
    const persistent = config.engine !== 'memcached';

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { status: 'available', engine: config.engine, nodeType: config.nodeType, numNodes: config.numNodes },
        proposed: {
          status: 'deleted',
          finalBackup: persistent,
          ...(config.replicationGroupId === undefined ? {} : { replicationGroupId: config.replicationGroupId }),
        },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: dataConfidence(connections.coverage, connections.daysObserved, IDLE_DAYS),
        effort: 'medium',
        restartRequired: true,
        reversible: persistent,
        evidence: {
          statistics: {
            maxCurrConnections: maxConnections,
            monitoringConnections: MONITORING_CONNECTIONS,
            windowDays: IDLE_DAYS,
            daysObserved: connections.daysObserved,
            coverage: roundTo(connections.coverage, 3),
            nodeUsdPerHour: roundTo(hourly, 4),
          },
          quantiles: {},
          series: [excerpt('CurrConnections', connectionsSeries.stat, connectionsSeries.unit ?? 'Count', connections.timestamps, connections.values)],
          sources: ['cloudwatch', 'elasticache-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
