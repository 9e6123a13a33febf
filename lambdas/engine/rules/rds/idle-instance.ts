import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth, storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { IDLE_DAYS, idleConnectionWindow } from './idle-connections.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';

const RULE_ID = 'rds/idle-instance';
/** CCF's assumed average CPU utilisation when none is measured (AVG_CPU_UTILIZATION_2020 = 50 %). */
const CCF_DEFAULT_CPU_FRACTION = 0.5;

/**
 * Idle RDS DB instance, Trusted Advisor's definition ("Amazon RDS Idle DB Instances"): an available instance with no
 * connection in the last 7 days — CloudWatch `DatabaseConnections` (AWS/RDS, Maximum per period) is 0 at every point
 * of the 7-day window, and the points span at least 6 of those days. Proposes deleting it with a final snapshot (a
 * stopped RDS instance restarts by itself after 7 days, so stopping saves nothing durable).
 *
 *   savings = hourly(class, engine, Multi-AZ) × 730                                  (instance hours)
 *           + storageGiB × $0.115 × (Multi-AZ ? 2 : 1)                               (provisioned storage)
 *           − storageGiB × $0.095                                                    (the final snapshot, an upper bound:
 *                                                                                     it holds used blocks only)
 *
 * An engine or class without a price keeps the storage terms only (`priceKnown: false`). Performance risk 1 (monthly
 * jobs may connect less often than weekly); confidence = data confidence (coverage × observed days / 7). Effort medium:
 * someone must confirm the database is unused. Reversible by restoring the snapshot (under a new endpoint).
 * No executor: deleting a database is left to a person. Read replicas are rds/idle-read-replica's (no final snapshot
 * needed there).
 */
export const idleRdsInstance: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: "Delete (final snapshot first) an RDS instance with no connection for 7 days (Trusted Advisor's idle DB instance).",
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (config.status !== 'available' || config.readReplicaSource !== undefined) return [];
    const idle = idleConnectionWindow(slice, context.now);
    if (!idle) return [];
    const { series: connectionsSeries, window: connections } = idle;

    const hourly = context.prices.rdsHourlyUsd(config.instanceClass, config.engine, config.multiAz);
    const copies = config.multiAz ? 2 : 1;
    const instanceUsd = hourly === undefined ? 0 : hourly * HOURS_PER_MONTH;
    const storageUsd = config.storageGiB * context.prices.rdsStorageGbMonthUsd * copies;
    const snapshotUsd = config.storageGiB * context.prices.rdsSnapshotGbMonthUsd;
    const monthlySavingsUsd = instanceUsd + storageUsd - snapshotUsd;
    if (monthlySavingsUsd <= 0) return [];

    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average']);
    const cpu = cpuSeries ? windowSeries(cpuSeries, context.now, IDLE_DAYS).values : [];
    const cpuFraction = cpu.length > 0 ? cpu.reduce((a, b) => a + b, 0) / cpu.length / 100 : CCF_DEFAULT_CPU_FRACTION;
    // CCF estimates RDS from the EC2 instance of the same shape (db.m5.large → m5.large), SSD storage per copy.
    const spec = context.prices.ec2Spec(config.instanceClass.replace(/^db\./, ''));
    const computeKg = spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, cpuFraction, spec.architecture) * copies : 0;
    const carbon = computeKg + storageKgCo2ePerMonth(slice.resource.region, config.storageGiB, 'ssd') * copies;

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { status: 'available', instanceClass: config.instanceClass, engine: config.engine, multiAz: config.multiAz, storageGiB: config.storageGiB },
        proposed: { status: 'deleted', finalSnapshot: true },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: dataConfidence(connections.coverage, connections.daysObserved, IDLE_DAYS),
        effort: 'medium',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            maxDatabaseConnections: Math.max(...connections.values),
            windowDays: IDLE_DAYS,
            daysObserved: connections.daysObserved,
            coverage: roundTo(connections.coverage, 3),
            instanceMonthlyUsd: roundTo(instanceUsd, 2),
            storageMonthlyUsd: roundTo(storageUsd, 2),
            finalSnapshotMonthlyUsdUpperBound: roundTo(snapshotUsd, 2),
            ...(hourly === undefined ? { priceKnown: false } : { currentUsdPerHour: roundTo(hourly, 4) }),
          },
          quantiles: {},
          series: [excerpt('DatabaseConnections', connectionsSeries.stat, connectionsSeries.unit ?? 'Count', connections.timestamps, connections.values)],
          sources: ['cloudwatch', 'rds-config', 'trusted-advisor-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
