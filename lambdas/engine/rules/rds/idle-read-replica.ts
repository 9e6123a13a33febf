import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth, storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { IDLE_DAYS, idleConnectionWindow } from './idle-connections.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';
import { dbClassSpec } from './instance-class.js';
import { storageMonthlyUsdPerCopy } from './storage-cost.js';

const RULE_ID = 'rds/idle-read-replica';
/** A replica that only applies the source's changes: CCF-style low utilisation. */
const REPLICA_CPU_FRACTION = 0.1;

/**
 * Idle read replica: an available instance with a ReadReplicaSourceDBInstanceIdentifier whose DatabaseConnections
 * (Maximum per period) is 0 at every point of the last 7 days, the points spanning at least 6 of them — Trusted
 * Advisor's idle definition, applied to the replica, which nobody reads. Proposes deleting it; no final snapshot is
 * needed, the source holds the data:
 *
 *   savings = hourly(class, engine, Multi-AZ) × 730 + storage (storage-cost.ts) × (Multi-AZ ? 2 : 1)
 *
 * An engine or class without a price keeps the storage term (`priceKnown: false`). Risk 1 (a monthly report may read it
 * less often than weekly); confidence = coverage × observed days / 7; effort low; reversible by creating a replica
 * again (a new endpoint, hours for a large database). rds/idle-instance skips replicas so the two never both fire.
 */
export const idleReadReplica: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: 'Delete an RDS read replica with no connection for 7 days (its source keeps the data).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (config.readReplicaSource === undefined || config.status !== 'available') return [];
    const idle = idleConnectionWindow(slice, context.now);
    if (!idle) return [];
    const { series: connectionsSeries, window: connections } = idle;

    const copies = config.multiAz ? 2 : 1;
    const hourly = context.prices.rdsHourlyUsd(config.instanceClass, config.engine, config.multiAz);
    const instanceUsd = hourly === undefined ? 0 : hourly * HOURS_PER_MONTH;
    const storageUsd = storageMonthlyUsdPerCopy(context.prices, config) * copies;
    const monthlySavingsUsd = instanceUsd + storageUsd;
    if (monthlySavingsUsd <= 0) return [];
    const spec = dbClassSpec(context.prices, config.instanceClass);
    const carbon =
      ((spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, REPLICA_CPU_FRACTION) : 0) + storageKgCo2ePerMonth(slice.resource.region, config.storageGiB, 'ssd')) * copies;

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { status: 'available', role: 'read-replica', source: config.readReplicaSource, instanceClass: config.instanceClass },
        proposed: { status: 'deleted', finalSnapshot: false },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: dataConfidence(connections.coverage, connections.daysObserved, IDLE_DAYS),
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            maxDatabaseConnections: 0,
            windowDays: IDLE_DAYS,
            daysObserved: connections.daysObserved,
            coverage: roundTo(connections.coverage, 3),
            replicaSource: config.readReplicaSource,
            instanceMonthlyUsd: roundTo(instanceUsd, 2),
            storageMonthlyUsd: roundTo(storageUsd, 2),
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
