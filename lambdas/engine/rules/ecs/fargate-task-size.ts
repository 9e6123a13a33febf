import type { Rule } from '../rule.js';
import { FARGATE_TASK_SIZES } from '../../pricing/fargate-prices.js';
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
import { serviceMonthlyUsd, sizedFargateService } from './fargate-service.js';

const RULE_ID = 'ecs/fargate-task-size';
/** Compute Optimizer asks for 24 hours of ECS service metrics; we keep the 30 hours of our other sizing rules. */
const MIN_HOURS_OF_DATA = 30;
const MIN_MONTHLY_SAVINGS_USD = 1;

/**
 * Fargate task size. Over the lookback, from the service's AWS/ECS metrics (Maximum per period: the busiest task),
 * with h = headroom percent:
 *
 *   neededCpuUnits  = max(taskCpu × p99.5(CPUUtilization) / 100 × (1 + h/100), container CPU reservations)
 *   neededMemoryMiB = max(taskMemory × max(MemoryUtilization) / 100 × (1 + h/100), container memory limits)
 *
 * Memory is a hard limit (a task over it is killed, OOM), so it is sized on the maximum, not a quantile. Proposes the
 * cheapest valid Fargate CPU/memory combination (fargate-prices.ts) that holds both, at the task's architecture:
 *
 *   savings = desiredCount × (task $/h now − task $/h proposed) × 730 × (1 − Spot share × Spot discount)
 *
 * Performance risk = max of riskFromProjectedUtilisation over projected p99.5 CPU and projected peak memory on the new
 * size. Confidence = min coverage × days observed / lookback. A new task definition revision rolls the tasks
 * (restart), reversible by the previous revision. desiredCount is the count at collection time; an auto-scaled
 * service's average may differ.
 */
export const fargateTaskSize: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ecs:service',
  summary: 'Resize a Fargate task to the cheapest valid CPU/memory combination that fits its p99.5 CPU and peak memory plus headroom.',
  evaluate(slice, context) {
    const config = sizedFargateService(readConfig(slice.resource, 'ecs:service'));
    if (!config) return [];
    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Maximum', 'Average']);
    const memSeries = findSeries(slice.series, 'MemoryUtilization', ['Maximum', 'Average']);
    if (!cpuSeries || !memSeries) return [];
    const cpu = windowSeries(cpuSeries, context.now, context.lookbackDays);
    const mem = windowSeries(memSeries, context.now, context.lookbackDays);
    if ((Math.min(cpu.values.length, mem.values.length) * cpuSeries.periodSec) / 3600 < MIN_HOURS_OF_DATA) return [];

    const headroom = 1 + context.headroomPercent / 100;
    const { exact, quantiles } = evidenceQuantiles(cpu.values);
    const p995Cpu = exact['p99.5'];
    const maxMem = Math.max(...mem.values);
    const neededCpuUnits = Math.max((config.taskCpuUnits * p995Cpu * headroom) / 100, config.containerCpuUnits);
    const neededMemoryMiB = Math.max((config.taskMemoryMiB * maxMem * headroom) / 100, config.containerMemoryMiB);

    const currentUsd = serviceMonthlyUsd(context.prices, config, config.taskCpuUnits, config.taskMemoryMiB);
    let best: { cpuUnits: number; memoryMiB: number; usd: number } | undefined;
    for (const size of FARGATE_TASK_SIZES) {
      if (size.cpuUnits < neededCpuUnits) continue;
      const memoryMiB = size.memoryMiB.find((m) => m >= neededMemoryMiB);
      if (memoryMiB === undefined) continue;
      const usd = serviceMonthlyUsd(context.prices, config, size.cpuUnits, memoryMiB);
      if (!best || usd < best.usd) best = { cpuUnits: size.cpuUnits, memoryMiB, usd };
    }
    if (!best || (best.cpuUnits === config.taskCpuUnits && best.memoryMiB === config.taskMemoryMiB)) return [];
    const monthlySavingsUsd = currentUsd - best.usd;
    if (monthlySavingsUsd < MIN_MONTHLY_SAVINGS_USD) return [];

    const projectedCpu = (p995Cpu * config.taskCpuUnits) / best.cpuUnits;
    const projectedMem = (maxMem * config.taskMemoryMiB) / best.memoryMiB;
    const performanceRisk = clampRisk(Math.max(riskFromProjectedUtilisation(projectedCpu), riskFromProjectedUtilisation(projectedMem)));
    const meanCpuFraction = mean(cpu.values) / 100;
    const vcpuOf = (units: number) => units / 1024;
    const gibOf = (mib: number) => mib / 1024;
    const carbon =
      config.desiredCount *
      (computeKgCo2ePerMonth(slice.resource.region, vcpuOf(config.taskCpuUnits), gibOf(config.taskMemoryMiB), meanCpuFraction) -
        computeKgCo2ePerMonth(slice.resource.region, vcpuOf(best.cpuUnits), gibOf(best.memoryMiB), Math.min(1, (meanCpuFraction * config.taskCpuUnits) / best.cpuUnits)));

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { taskCpuUnits: config.taskCpuUnits, taskMemoryMiB: config.taskMemoryMiB, desiredCount: config.desiredCount, taskDefinitionArn: config.taskDefinitionArn },
        proposed: { taskCpuUnits: best.cpuUnits, taskMemoryMiB: best.memoryMiB },
        monthlySavingsUsd,
        performanceRisk,
        confidence: dataConfidence(Math.min(cpu.coverage, mem.coverage), Math.min(cpu.daysObserved, mem.daysObserved), context.lookbackDays),
        effort: 'low',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            p99_5CpuPercent: roundTo(p995Cpu),
            maxMemoryPercent: roundTo(maxMem),
            headroomPercent: context.headroomPercent,
            neededCpuUnits: roundTo(neededCpuUnits),
            neededMemoryMiB: roundTo(neededMemoryMiB),
            projectedP99_5CpuPercent: roundTo(projectedCpu),
            projectedMaxMemoryPercent: roundTo(projectedMem),
            desiredCount: config.desiredCount,
            currentMonthlyUsd: roundTo(currentUsd, 2),
            proposedMonthlyUsd: roundTo(best.usd, 2),
            daysObserved: Math.min(cpu.daysObserved, mem.daysObserved),
          },
          quantiles,
          series: [
            excerpt('CPUUtilization', cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values),
            excerpt('MemoryUtilization', memSeries.stat, memSeries.unit ?? 'Percent', mem.timestamps, mem.values),
          ],
          sources: ['cloudwatch', 'ecs-task-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
