import type { Rule } from '../rule.js';
import type { CacheNodeSpec } from '../../pricing/price-book.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import type { ElastiCacheClusterConfig } from '../../types/snapshot.js';
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

const RULE_ID = 'elasticache/rightsize-node';
const MIN_HOURS_OF_DATA = 30;
const MIN_MONTHLY_SAVINGS_USD = 1;
const GIB = 2 ** 30;
/** Minimum engine versions for Graviton node types (ElastiCache User Guide, "Supported node types"). */
const GRAVITON_MIN_VERSION: Readonly<Record<string, readonly number[]>> = { redis: [5, 0, 6], memcached: [1, 5, 16], valkey: [0] };

/**
 * ElastiCache node rightsizing (Redis OSS, Valkey, Memcached). Over the lookback, with h = headroom percent:
 *
 *   Redis OSS / Valkey (the engine runs commands on one thread):
 *     neededMemoryGiB = nodeMemory × max(DatabaseMemoryUsagePercentage) / 100 × (1 + h/100)
 *     engine CPU fits when p99.5(EngineCPUUtilization) × (1 + h/100) ≤ 100 (one core of any candidate), and the
 *     candidate keeps at least the current vCPUs when the engine is above 50 % (I/O threads use the other cores)
 *   Memcached (multi-threaded):
 *     neededMemoryGiB = max(BytesUsedForCacheItems) / 2³⁰ × (1 + h/100)
 *     neededVcpu      = vCPU × p99.5(CPUUtilization) / 100 × (1 + h/100)
 *
 * Memory is sized on its maximum (a full cache evicts). Proposes the cheapest bundled node type (elasticache-prices.ts)
 * that fits: same or newer generation, burstable only from burstable, Graviton when the engine version supports it.
 * Savings = numNodes × (current − proposed $/h) × 730. Risk = max over CPU and memory of the projected utilisation
 * risk. Redis OSS and Valkey change node type online (effort low); Memcached needs a new cluster (effort high).
 */
export const rightsizeCacheNode: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'elasticache:cluster',
  summary: 'Move an ElastiCache cluster to the cheapest node type that fits its peak memory and p99.5 engine CPU plus headroom (Graviton, newer generations).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'elasticache:cluster');
    if (config.status !== 'available') return [];
    const { prices } = context;
    const current = prices.cacheNodeSpec(config.nodeType);
    const currentUsd = prices.cacheNodeHourlyUsd(config.nodeType, config.engine);
    if (!current || currentUsd === undefined) return [];
    const memcached = config.engine === 'memcached';
    const cpuSeries = findSeries(slice.series, memcached ? 'CPUUtilization' : 'EngineCPUUtilization', ['Maximum', 'Average']);
    const memSeries = findSeries(slice.series, memcached ? 'BytesUsedForCacheItems' : 'DatabaseMemoryUsagePercentage', ['Maximum']);
    if (!cpuSeries || !memSeries) return [];
    const cpu = windowSeries(cpuSeries, context.now, context.lookbackDays);
    const mem = windowSeries(memSeries, context.now, context.lookbackDays);
    if ((Math.min(cpu.values.length, mem.values.length) * cpuSeries.periodSec) / 3600 < MIN_HOURS_OF_DATA) return [];

    const headroom = 1 + context.headroomPercent / 100;
    const { exact, quantiles } = evidenceQuantiles(cpu.values);
    const p995Cpu = exact['p99.5'];
    const maxMem = Math.max(...mem.values);
    const usedGiB = memcached ? maxMem / GIB : (current.memoryGiB * maxMem) / 100;
    const neededMemoryGiB = usedGiB * headroom;
    if (!memcached && p995Cpu * headroom > 100) return [];
    const neededVcpu = memcached ? (current.vcpu * p995Cpu * headroom) / 100 : p995Cpu > 50 ? current.vcpu : 1;
    const allowArm = supportsGraviton(config);

    let best: { spec: CacheNodeSpec; usd: number } | undefined;
    for (const spec of prices.cacheNodeCandidates()) {
      const usd = prices.cacheNodeHourlyUsd(spec.nodeType, config.engine);
      if (usd === undefined || usd >= currentUsd || spec.nodeType === current.nodeType) continue;
      if (spec.generation < current.generation || spec.burstable !== current.burstable) continue;
      if (spec.architecture !== current.architecture && !(allowArm && spec.architecture === 'arm64')) continue;
      if (spec.memoryGiB < neededMemoryGiB || spec.vcpu < neededVcpu) continue;
      if (!best || usd < best.usd) best = { spec, usd };
    }
    if (!best) return [];
    const monthlySavingsUsd = config.numNodes * (currentUsd - best.usd) * HOURS_PER_MONTH;
    if (monthlySavingsUsd < MIN_MONTHLY_SAVINGS_USD) return [];

    const projectedMemory = (100 * usedGiB) / best.spec.memoryGiB;
    const projectedCpu = memcached ? (p995Cpu * current.vcpu) / best.spec.vcpu : p995Cpu;
    const performanceRisk = clampRisk(Math.max(riskFromProjectedUtilisation(projectedMemory), riskFromProjectedUtilisation(projectedCpu)));
    const cpuFraction = memcached ? mean(cpu.values) / 100 : mean(cpu.values) / 100 / current.vcpu;
    const carbon =
      config.numNodes *
      (computeKgCo2ePerMonth(slice.resource.region, current.vcpu, current.memoryGiB, cpuFraction, current.architecture) -
        computeKgCo2ePerMonth(slice.resource.region, best.spec.vcpu, best.spec.memoryGiB, Math.min(1, (cpuFraction * current.vcpu) / best.spec.vcpu), best.spec.architecture));

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { nodeType: current.nodeType, vcpu: current.vcpu, memoryGiB: current.memoryGiB, engine: config.engine, numNodes: config.numNodes },
        proposed: { nodeType: best.spec.nodeType, vcpu: best.spec.vcpu, memoryGiB: best.spec.memoryGiB },
        monthlySavingsUsd,
        performanceRisk,
        confidence: dataConfidence(Math.min(cpu.coverage, mem.coverage), Math.min(cpu.daysObserved, mem.daysObserved), context.lookbackDays),
        effort: memcached ? 'high' : 'low',
        restartRequired: memcached,
        reversible: true,
        evidence: {
          statistics: {
            [memcached ? 'p99_5CpuPercent' : 'p99_5EngineCpuPercent']: roundTo(p995Cpu),
            usedMemoryGiB: roundTo(usedGiB),
            neededMemoryGiB: roundTo(neededMemoryGiB),
            headroomPercent: context.headroomPercent,
            projectedMemoryPercent: roundTo(projectedMemory),
            currentUsdPerHour: roundTo(currentUsd, 4),
            proposedUsdPerHour: roundTo(best.usd, 4),
            daysObserved: Math.min(cpu.daysObserved, mem.daysObserved),
          },
          quantiles,
          series: [
            excerpt(cpuSeries.metricName, cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values),
            excerpt(memSeries.metricName, memSeries.stat, memSeries.unit, mem.timestamps, mem.values),
          ],
          sources: ['cloudwatch', 'elasticache-config', ...prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};

/** Whether the engine version runs on Graviton node types; an unknown version is not assumed to. */
function supportsGraviton(config: ElastiCacheClusterConfig): boolean {
  if (config.engine === 'valkey') return true;
  if (config.engineVersion === undefined) return false;
  const version = config.engineVersion.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const minimum = GRAVITON_MIN_VERSION[config.engine];
  for (let i = 0; i < minimum.length; i++) {
    const v = version[i] ?? 0;
    if (v !== minimum[i]) return v > minimum[i];
  }
  return true;
}
