import type { Rule } from '../rule.js';
import type { Ec2InstanceSpec } from '../../pricing/price-book.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { mean } from '../../stats/index.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { clampRisk, riskFromProjectedUtilisation } from '../support/performance-risk.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dbClassSpec, defaultMaxConnections } from './instance-class.js';

const RULE_ID = 'rds/rightsize-instance';
/** Compute Optimizer's minimum for RDS recommendations is 30 hours of metrics; so is ours. */
const MIN_HOURS_OF_DATA = 30;
const MIN_MONTHLY_SAVINGS_USD = 1;
const GIB = 2 ** 30;
/** Families a general-purpose or memory-optimised database may move between (burstable t-classes stay burstable). */
const INTERCHANGEABLE = new Set(['General Purpose', 'Memory Optimized']);

/**
 * RDS instance rightsizing (MySQL, MariaDB, PostgreSQL; Aurora instances are sized with their cluster and are not
 * bundled). Over the lookback, with h = headroom percent:
 *
 *   neededVcpu       = vCPU × p99.5(CPUUtilization) / 100 × (1 + h/100)
 *   workingSetGiB    = memoryGiB − min(FreeableMemory) / 2³⁰        (memory the engine held at its fullest)
 *   neededMemoryGiB  = workingSetGiB × (1 + h/100)                   (memory is never cut below the working set;
 *                                                                      without FreeableMemory: the current memory)
 *   neededConnections = max(DatabaseConnections) × (1 + h/100) ≤ the candidate's default max_connections
 *
 * and proposes the cheapest priced class (rds-prices.ts) that fits: same or newer generation, burstable only from
 * burstable, general purpose ↔ memory optimised, Graviton allowed (RDS runs these engines on Graviton without a
 * rebuild). Savings = (current − proposed $/h, Multi-AZ doubling both) × 730. Performance risk = max over CPU and
 * memory of riskFromProjectedUtilisation(projected p99.5 CPU, projected working set share). Confidence = coverage ×
 * days observed / lookback. Read/write IOPS are not part of the sizing: a smaller class also has less EBS bandwidth,
 * and those per-class limits are not bundled (a known gap, docs/coverage-containers-db.md). Applying it restarts the
 * instance (a failover when Multi-AZ): effort low, no executor.
 */
export const rightsizeRdsInstance: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: 'Move an over-provisioned RDS instance to the cheapest class that fits its p99.5 CPU, working set and connections plus headroom (Graviton, newer generations).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (config.status !== 'available' || config.dbClusterId !== undefined) return [];
    const { prices } = context;
    const currentUsd = prices.rdsHourlyUsd(config.instanceClass, config.engine, config.multiAz);
    const current = dbClassSpec(prices, config.instanceClass);
    if (currentUsd === undefined || current === undefined || current.vcpu === null || current.memoryGiB === null) return [];

    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average', 'Maximum']);
    if (!cpuSeries) return [];
    const cpu = windowSeries(cpuSeries, context.now, context.lookbackDays);
    if ((cpu.values.length * cpuSeries.periodSec) / 3600 < MIN_HOURS_OF_DATA) return [];
    const headroom = 1 + context.headroomPercent / 100;
    const { exact, quantiles } = evidenceQuantiles(cpu.values);
    const p995Cpu = exact['p99.5'];
    const neededVcpu = (current.vcpu * p995Cpu * headroom) / 100;

    const freeSeries = findSeries(slice.series, 'FreeableMemory', ['Minimum', 'Average']);
    const free = freeSeries ? windowSeries(freeSeries, context.now, context.lookbackDays).values : [];
    const workingSetGiB = free.length > 0 ? Math.max(0, current.memoryGiB - Math.min(...free) / GIB) : current.memoryGiB;
    const neededMemoryGiB = free.length > 0 ? workingSetGiB * headroom : current.memoryGiB;

    const connSeries = findSeries(slice.series, 'DatabaseConnections', ['Maximum', 'Average']);
    const conn = connSeries ? windowSeries(connSeries, context.now, context.lookbackDays).values : [];
    const maxConnections = conn.length > 0 ? Math.max(...conn) : 0;
    const neededConnections = maxConnections * headroom;

    let best: { instanceClass: string; spec: Ec2InstanceSpec; usd: number } | undefined;
    for (const instanceClass of prices.rdsInstanceClasses(config.engine)) {
      if (instanceClass === config.instanceClass) continue;
      const spec = dbClassSpec(prices, instanceClass);
      const usd = prices.rdsHourlyUsd(instanceClass, config.engine, config.multiAz);
      if (!spec || spec.vcpu === null || spec.memoryGiB === null || usd === undefined || usd >= currentUsd) continue;
      const familyOk = spec.burstable === current.burstable && (current.burstable || (INTERCHANGEABLE.has(spec.category ?? '') && INTERCHANGEABLE.has(current.category ?? '')));
      const connectionsOk = (defaultMaxConnections(config.engine, spec.memoryGiB) ?? Infinity) >= neededConnections;
      if (!familyOk || spec.generation < current.generation || spec.vcpu < neededVcpu || spec.memoryGiB < neededMemoryGiB || !connectionsOk) continue;
      if (!best || usd < best.usd || (usd === best.usd && spec.vcpu < (best.spec.vcpu ?? 0))) best = { instanceClass, spec, usd };
    }
    if (!best || best.spec.vcpu === null || best.spec.memoryGiB === null) return [];
    const monthlySavingsUsd = (currentUsd - best.usd) * HOURS_PER_MONTH;
    if (monthlySavingsUsd < MIN_MONTHLY_SAVINGS_USD) return [];

    const projectedCpu = (p995Cpu * current.vcpu) / best.spec.vcpu;
    const projectedMemory = (100 * workingSetGiB) / best.spec.memoryGiB;
    const performanceRisk = clampRisk(Math.max(riskFromProjectedUtilisation(projectedCpu), free.length > 0 ? riskFromProjectedUtilisation(projectedMemory) : 0));
    const copies = config.multiAz ? 2 : 1;
    const meanCpuFraction = mean(cpu.values) / 100;
    const carbon =
      (computeKgCo2ePerMonth(slice.resource.region, current.vcpu, current.memoryGiB, meanCpuFraction) -
        computeKgCo2ePerMonth(slice.resource.region, best.spec.vcpu, best.spec.memoryGiB, Math.min(1, (meanCpuFraction * current.vcpu) / best.spec.vcpu))) *
      copies;

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { instanceClass: config.instanceClass, vcpu: current.vcpu, memoryGiB: current.memoryGiB, engine: config.engine, multiAz: config.multiAz },
        proposed: { instanceClass: best.instanceClass, vcpu: best.spec.vcpu, memoryGiB: best.spec.memoryGiB },
        monthlySavingsUsd,
        performanceRisk,
        confidence: dataConfidence(cpu.coverage, cpu.daysObserved, context.lookbackDays),
        effort: 'low',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            p99_5CpuPercent: roundTo(p995Cpu),
            meanCpuPercent: roundTo(meanCpuFraction * 100),
            headroomPercent: context.headroomPercent,
            neededVcpu: roundTo(neededVcpu),
            workingSetGiB: roundTo(workingSetGiB),
            neededMemoryGiB: roundTo(neededMemoryGiB),
            maxDatabaseConnections: maxConnections,
            proposedDefaultMaxConnections: defaultMaxConnections(config.engine, best.spec.memoryGiB) ?? 'unknown',
            projectedP99_5CpuPercent: roundTo(projectedCpu),
            currentUsdPerHour: roundTo(currentUsd, 4),
            proposedUsdPerHour: roundTo(best.usd, 4),
            coverageFraction: roundTo(cpu.coverage),
            daysObserved: cpu.daysObserved,
            ...(free.length > 0 ? {} : { memoryMeasured: false }),
          },
          quantiles,
          series: [excerpt('CPUUtilization', cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values)],
          sources: ['cloudwatch', 'rds-config', ...prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
