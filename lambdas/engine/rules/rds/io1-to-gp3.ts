import type { Rule } from '../rule.js';
import {
  RDS_GP3_LARGE_BASELINE_IOPS,
  RDS_GP3_LARGE_VOLUME_GIB,
  RDS_GP3_MAX_IOPS,
  RDS_GP3_SMALL_BASELINE_IOPS,
} from '../../pricing/rds-prices.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { riskFromProjectedUtilisation } from '../support/performance-risk.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

const RULE_ID = 'rds/io1-to-gp3';
const MIN_HOURS_OF_DATA = 30;
const MIN_MONTHLY_SAVINGS_USD = 1;
/** gp3 IOPS are provisioned in whole thousands here, so a proposal is a round number an operator would type. */
const IOPS_STEP = 1000;
/** Engines whose gp3 baseline follows the 400 GiB rule (Oracle and SQL Server use other thresholds). */
const ENGINES = new Set(['mysql', 'mariadb', 'postgres']);

/**
 * Over-provisioned Provisioned IOPS storage: an io1 RDS instance (MySQL, MariaDB, PostgreSQL) whose observed IOPS
 * fit gp3. With p = p99.5 over the lookback of ReadIOPS + WriteIOPS (Average per period, summed per timestamp) and
 * h = headroom percent:
 *
 *   neededIops = p × (1 + h/100)
 *   gp3 < 400 GiB:  3,000 IOPS fixed        → fits when neededIops ≤ 3,000
 *   gp3 ≥ 400 GiB:  12,000 IOPS included    → proposedIops = max(12,000, ⌈neededIops / 1,000⌉ × 1,000) ≤ 64,000
 *   savings = copies × [GiB × $0.125 + provisioned IOPS × $0.10 − GiB × $0.115 − (proposedIops − baseline) × $0.02]
 *
 * (rds-prices.ts; copies = 2 for Multi-AZ). Storage type changes are online (the instance enters storage-optimization
 * and cannot be modified again for 6 hours). Performance risk from the projected p99.5 share of the proposed IOPS;
 * confidence = coverage × observed days / lookback. Only IOPS are checked: gp3 throughput is 125 MiB/s below
 * 400 GiB and 500 MiB/s above, which io1's per-IOPS throughput rarely exceeds at these rates. No executor.
 */
export const io1ToGp3Rds: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: 'Move an RDS instance from io1 to gp3 when its p99.5 IOPS plus headroom fit the gp3 baseline (or a smaller provisioned rate).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (config.storageType !== 'io1' || config.status !== 'available' || !ENGINES.has(config.engine.toLowerCase()) || config.dbClusterId !== undefined) return [];
    const reads = findSeries(slice.series, 'ReadIOPS', ['Average']);
    const writes = findSeries(slice.series, 'WriteIOPS', ['Average']);
    if (!reads || !writes) return [];
    const r = windowSeries(reads, context.now, context.lookbackDays);
    const w = windowSeries(writes, context.now, context.lookbackDays);
    const writesAt = new Map<number, number>();
    for (let i = 0; i < w.timestamps.length; i++) writesAt.set(w.timestamps[i], w.values[i]);
    const timestamps: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < r.timestamps.length; i++) {
      const write = writesAt.get(r.timestamps[i]);
      if (write === undefined) continue;
      timestamps.push(r.timestamps[i]);
      total.push(r.values[i] + write);
    }
    if ((total.length * reads.periodSec) / 3600 < MIN_HOURS_OF_DATA) return [];

    const { exact, quantiles } = evidenceQuantiles(total);
    const neededIops = exact['p99.5'] * (1 + context.headroomPercent / 100);
    const large = config.storageGiB >= RDS_GP3_LARGE_VOLUME_GIB;
    const baseline = large ? RDS_GP3_LARGE_BASELINE_IOPS : RDS_GP3_SMALL_BASELINE_IOPS;
    const proposedIops = large ? Math.max(baseline, Math.ceil(neededIops / IOPS_STEP) * IOPS_STEP) : baseline;
    if (neededIops > proposedIops || proposedIops > RDS_GP3_MAX_IOPS) return [];

    const { rdsStorage } = context.prices;
    const copies = config.multiAz ? 2 : 1;
    const currentUsd = (config.storageGiB * rdsStorage.io1GbMonthUsd + (config.iops ?? 0) * rdsStorage.io1IopsMonthUsd) * copies;
    const proposedUsd = (config.storageGiB * rdsStorage.gp3GbMonthUsd + (proposedIops - baseline) * rdsStorage.gp3IopsMonthUsd) * copies;
    const monthlySavingsUsd = currentUsd - proposedUsd;
    if (monthlySavingsUsd < MIN_MONTHLY_SAVINGS_USD) return [];

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { storageType: 'io1', iops: config.iops ?? null, storageGiB: config.storageGiB },
        proposed: { storageType: 'gp3', iops: proposedIops, storageGiB: config.storageGiB },
        monthlySavingsUsd,
        performanceRisk: riskFromProjectedUtilisation((100 * exact['p99.5']) / proposedIops),
        confidence: dataConfidence(Math.min(r.coverage, w.coverage), Math.min(r.daysObserved, w.daysObserved), context.lookbackDays),
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            p99_5Iops: roundTo(exact['p99.5']),
            neededIops: roundTo(neededIops),
            provisionedIops: config.iops ?? 0,
            gp3BaselineIops: baseline,
            headroomPercent: context.headroomPercent,
            currentStorageMonthlyUsd: roundTo(currentUsd, 2),
            proposedStorageMonthlyUsd: roundTo(proposedUsd, 2),
            daysObserved: Math.min(r.daysObserved, w.daysObserved),
          },
          quantiles,
          series: [excerpt('ReadIOPS+WriteIOPS', 'Average', 'Count/Second', timestamps, total)],
          sources: ['cloudwatch', 'rds-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
