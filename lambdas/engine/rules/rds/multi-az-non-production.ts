import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { environmentTag, isNonProduction } from '../support/environment.js';
import { computeKgCo2ePerMonth, storageKgCo2ePerMonth } from '../../carbon/estimate.js';
import { dbClassSpec } from './instance-class.js';
import { storageMonthlyUsdPerCopy } from './storage-cost.js';

const RULE_ID = 'rds/multi-az-non-production';
/** The decision rests on a tag, not on measurements: someone may have tagged a production database "staging". */
const TAG_CONFIDENCE = 0.8;
/** CCF's assumed utilisation for a standby that only replays writes. */
const STANDBY_CPU_FRACTION = 0.1;

/**
 * Multi-AZ on a non-production database: an available Multi-AZ DB instance (not an Aurora or Multi-AZ DB cluster
 * member) whose environment tag (env, environment, stage...) says dev, test, qa, staging, sandbox, demo or preview.
 * The standby exists for automatic failover, which non-production rarely needs (AWS Well-Architected Cost
 * Optimization, COST06: "match resource capacity to environment"). Proposes Single-AZ:
 *
 *   savings = (hourly Multi-AZ − hourly Single-AZ) × 730 + storage of one copy (storage-cost.ts)
 *
 * A class or engine without a bundled price keeps the storage term only (`priceKnown: false`). Converting to
 * Single-AZ is online (no reboot); going back re-creates the standby from a snapshot. Risk 1 (no automatic failover
 * during an AZ outage or a maintenance window); confidence 0.8 (tag-based). No executor.
 */
export const multiAzNonProduction: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: 'Turn off Multi-AZ on an RDS instance tagged as non-production (the standby doubles instance and storage cost).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (!config.multiAz || config.status !== 'available' || config.dbClusterId !== undefined) return [];
    if (!isNonProduction(slice.resource.tags)) return [];
    const multi = context.prices.rdsHourlyUsd(config.instanceClass, config.engine, true);
    const single = context.prices.rdsHourlyUsd(config.instanceClass, config.engine, false);
    const instanceUsd = multi === undefined || single === undefined ? 0 : (multi - single) * HOURS_PER_MONTH;
    const storageUsd = storageMonthlyUsdPerCopy(context.prices, config);
    const monthlySavingsUsd = instanceUsd + storageUsd;
    if (monthlySavingsUsd <= 0) return [];
    const spec = dbClassSpec(context.prices, config.instanceClass);
    const carbon =
      (spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, STANDBY_CPU_FRACTION) : 0) + storageKgCo2ePerMonth(slice.resource.region, config.storageGiB, 'ssd');

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { multiAz: true, instanceClass: config.instanceClass, engine: config.engine },
        proposed: { multiAz: false },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: TAG_CONFIDENCE,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            environmentTag: environmentTag(slice.resource.tags) ?? '',
            standbyInstanceMonthlyUsd: roundTo(instanceUsd, 2),
            standbyStorageMonthlyUsd: roundTo(storageUsd, 2),
            storageGiB: config.storageGiB,
            ...(multi === undefined ? { priceKnown: false } : { multiAzUsdPerHour: roundTo(multi, 4) }),
          },
          quantiles: {},
          series: [],
          sources: ['rds-config', 'tags', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
