import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { mean } from '../../stats/index.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { evidenceQuantiles, exactQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { clampRisk, riskFromProjectedUtilisation } from '../support/performance-risk.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { cheapestRightsizingCandidate } from './instance-candidates.js';

/** Compute Optimizer needs at least 30 hours of metrics before it recommends; so do we. */
const MIN_HOURS_OF_DATA = 30;
/** Below this a change is not worth a restart. */
const MIN_MONTHLY_SAVINGS_USD = 1;
/** Sizing quantile: p99.5 ignores the few busiest 5-minute points (≈ 20 over 14 days) but keeps real peaks. */
const SIZING_QUANTILE = 'p99.5';
const RULE_ID = 'ec2/rightsize-instance';

/**
 * EC2 rightsizing. Over the lookback, with p = p99.5 of CPUUtilization (percent) and h = headroom percent:
 *
 *   neededVcpu      = currentVcpu × p / 100 × (1 + h / 100)
 *   neededMemoryGiB = currentMemoryGiB, or memoryGiB × p99.5(mem_used_percent) / 100 × (1 + h/100) when the CloudWatch
 *                     agent's memory metric is present
 *
 * and proposes the cheapest instance type that fits (see instance-candidates.ts: same or newer generation, Graviton when
 * the platform is Linux). Savings = (current − proposed $/h) × 730. Performance risk (Compute Optimizer 0–4) is the max
 * over CPU and memory of the projected p99.5 utilisation on the new type, +1 for an x86 → arm64 move (software must
 * support arm64). Confidence = coverage × days observed / lookback. Auto Scaling group members are skipped: their type
 * lives in the launch template, not on the instance.
 *
 * A move to another architecture (the instance's AMI architecture, from the inventory, or else the current type's) is
 * a migration, not a type change: the AMI must be rebuilt for the target (an x86_64 AMI cannot boot on Graviton), so it
 * has effort high and no executor (docs/safe-apply.md "Approve only where the change will succeed").
 */
export const rightsizeInstance: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ec2:instance',
  summary: 'Move an over-provisioned EC2 instance to the cheapest type that fits its p99.5 CPU plus headroom (Graviton, newer generations).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ec2:instance');
    if (config.state !== 'running' || config.autoScalingGroup) return [];
    const current = context.prices.ec2Spec(config.instanceType);
    if (!current || current.vcpu === null || current.memoryGiB === null || current.usdPerHour === null) return [];

    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average', 'Maximum']);
    if (!cpuSeries) return [];
    const cpu = windowSeries(cpuSeries, context.now, context.lookbackDays);
    if ((cpu.values.length * cpuSeries.periodSec) / 3600 < MIN_HOURS_OF_DATA) return [];

    const headroom = 1 + context.headroomPercent / 100;
    const { exact, quantiles } = evidenceQuantiles(cpu.values);
    const p995Cpu = exact[SIZING_QUANTILE];
    const neededVcpu = (current.vcpu * p995Cpu * headroom) / 100;

    const memSeries = findSeries(slice.series, 'mem_used_percent', ['Average', 'Maximum']);
    const mem = memSeries ? windowSeries(memSeries, context.now, context.lookbackDays) : undefined;
    const p995Mem = mem && mem.values.length > 0 ? exactQuantiles(mem.values)[SIZING_QUANTILE] : undefined;
    const neededMemoryGiB = p995Mem === undefined ? current.memoryGiB : (current.memoryGiB * p995Mem * headroom) / 100;

    const best = cheapestRightsizingCandidate(context.prices, {
      current,
      neededVcpu,
      neededMemoryGiB,
      allowArm: config.platform === 'linux',
    });
    if (!best || best.vcpu === null || best.memoryGiB === null || best.usdPerHour === null) return [];
    const monthlySavingsUsd = (current.usdPerHour - best.usdPerHour) * HOURS_PER_MONTH;
    if (monthlySavingsUsd < MIN_MONTHLY_SAVINGS_USD) return [];

    const projectedCpu = (p995Cpu * current.vcpu) / best.vcpu;
    const projectedMem = p995Mem === undefined ? undefined : (p995Mem * current.memoryGiB) / best.memoryGiB;
    const architectureChange = best.architecture !== (config.architecture ?? current.architecture);
    const performanceRisk = clampRisk(
      Math.max(riskFromProjectedUtilisation(projectedCpu), projectedMem === undefined ? 0 : riskFromProjectedUtilisation(projectedMem)) +
        (architectureChange ? 1 : 0),
    );
    const meanCpuFraction = mean(cpu.values) / 100;
    const carbon =
      computeKgCo2ePerMonth(slice.resource.region, current.vcpu, current.memoryGiB, meanCpuFraction, current.architecture) -
      computeKgCo2ePerMonth(slice.resource.region, best.vcpu, best.memoryGiB, Math.min(1, (meanCpuFraction * current.vcpu) / best.vcpu), best.architecture);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { instanceType: current.instanceType, vcpu: current.vcpu, memoryGiB: current.memoryGiB, architecture: config.architecture ?? current.architecture },
        proposed: { instanceType: best.instanceType, vcpu: best.vcpu, memoryGiB: best.memoryGiB, architecture: best.architecture },
        monthlySavingsUsd,
        performanceRisk,
        confidence: dataConfidence(Math.min(cpu.coverage, mem?.coverage ?? 1), cpu.daysObserved, context.lookbackDays),
        effort: architectureChange ? 'high' : 'low',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            p99_5CpuPercent: roundTo(p995Cpu),
            meanCpuPercent: roundTo(meanCpuFraction * 100),
            headroomPercent: context.headroomPercent,
            neededVcpu: roundTo(neededVcpu),
            neededMemoryGiB: roundTo(neededMemoryGiB),
            ...(p995Mem === undefined ? {} : { p99_5MemoryPercent: roundTo(p995Mem) }),
            projectedP99_5CpuPercent: roundTo(projectedCpu),
            currentUsdPerHour: current.usdPerHour,
            proposedUsdPerHour: best.usdPerHour,
            coverageFraction: roundTo(cpu.coverage),
            daysObserved: cpu.daysObserved,
            pricesRegion: context.prices.region,
          },
          quantiles,
          series: [excerpt('CPUUtilization', cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values)],
          sources: ['cloudwatch', ...context.prices.sources],
        },
        automation: { executor: architectureChange ? null : 'ec2-instance-type' },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
