import type { Rule } from '../rule.js';
import type { MetricSeries } from '../../types/snapshot.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries, type WindowedSeries } from '../support/series-window.js';
import { evidenceQuantiles, exactQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { clampRisk, riskFromProjectedUtilisation } from '../support/performance-risk.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { cpuShare, MEMORY_STEPS_MB, ONE_VCPU_MEMORY_MB, projectDurationMs } from './duration-model.js';

const RULE_ID = 'lambda/memory-size';
/** A smaller size is proposed only if it saves ≥ 5 % and ≥ $1/month, and slows the p99 by ≤ 10 %. */
const MIN_SAVINGS_SHARE = 0.05;
const MIN_MONTHLY_SAVINGS_USD = 1;
const MAX_DURATION_GROWTH = 0.1;
/** A larger size is proposed when it cuts the p99 by ≥ 20 % for ≤ 1 % more cost (needs measured CPU time). */
const MIN_SPEEDUP = 0.2;
const MAX_SPEEDUP_COST_GROWTH = 0.01;
/** Never propose a size whose projected p99 exceeds 80 % of the timeout. */
const MAX_TIMEOUT_SHARE = 0.8;
/** Without Lambda Insights CPU time we assume fully CPU-bound (the pessimistic case for downsizing). */
const DEFAULT_CPU_BOUND = 1;
const CONFIDENCE_FACTOR_WITHOUT_CPU_TIME = 0.7;
/** Lowering memory without knowing what the function uses: only down to one vCPU's worth, at high risk, half confidence. */
const RISK_WITHOUT_MEMORY_DATA = 3;
const CONFIDENCE_FACTOR_WITHOUT_MEMORY_DATA = 0.5;

function sumOf(w: WindowedSeries | undefined): number {
  return w ? w.values.reduce((a, b) => a + b, 0) : 0;
}

/**
 * Invocation-weighted mean of the Average duration, matching points by timestamp (both ascending, merged in one pass);
 * the plain mean when no timestamps match.
 */
function meanDurationMs(duration: WindowedSeries, invocations: WindowedSeries): number {
  let weighted = 0;
  let weight = 0;
  let j = 0;
  for (let i = 0; i < duration.timestamps.length; i++) {
    const t = duration.timestamps[i];
    while (j < invocations.timestamps.length && invocations.timestamps[j] < t) j++;
    if (j < invocations.timestamps.length && invocations.timestamps[j] === t && invocations.values[j] > 0) {
      weighted += duration.values[i] * invocations.values[j];
      weight += invocations.values[j];
    }
  }
  return weight > 0 ? weighted / weight : duration.values.reduce((a, b) => a + b, 0) / duration.values.length;
}

function windowOf(series: MetricSeries | undefined, now: number, lookbackDays: number): WindowedSeries | undefined {
  return series ? windowSeries(series, now, lookbackDays) : undefined;
}

/**
 * Lambda memory size. From the lookback's Duration (Average for cost, and for latency the "p99": the 95th percentile,
 * over the periods, of the per-period p99 statistic — a p99 cannot be recombined from per-period p99s without the
 * invocation histograms, so we take the level the period p99 stays under 95 % of the time, which ignores a few cold
 * start periods but keeps a daily peak; without a p99 series, the 99th percentile of the per-period Averages, which
 * understates tail latency), Invocations, Errors, Throttles, and when Lambda Insights is on, used_memory_max (MB) and
 * cpu_total_time (ms; CPU-bound fraction f = cpu time ÷ duration), projects each candidate size's duration with
 * duration-model.ts and its monthly compute cost:
 *
 *   cost(m) = invocations/month × d(m)/1000 s × m/1024 GB × $/GB-s        (requests cost the same at any size)
 *
 * Smaller sizes need measured peak memory × (1 + headroom) to fit. Without a memory measurement a size above 1,769 MB
 * may still come down to 1,769 MB (single-threaded code gains nothing above one vCPU), never lower, with performance
 * risk 3 (the memory in use is unknown) and half the confidence.
 * Proposes the cheapest size saving ≥ 5 % (≥ $1/month) whose p99 grows ≤ 10 % and stays under 80 % of the timeout;
 * otherwise, with measured CPU time, a larger size that cuts p99 ≥ 20 % for ≤ 1 % more cost. Performance risk: max of
 * memory (projected peak memory %, see performance-risk.ts) and duration (growth > 0 → 1, > 5 % → 2; p99 > 80 % of
 * timeout → 3), +1 when the function is throttled and gets slower. Confidence = min(1, days observed / lookback)
 * (gaps are periods without invocations), × 0.7 without CPU time.
 */
export const memorySize: Rule = {
  id: RULE_ID,
  domain: 'serverless',
  resourceType: 'lambda:function',
  summary: 'Resize Lambda memory to the cheapest size that keeps duration (≤ 10 % slower) and memory headroom, or a free speed-up.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'lambda:function');
    const { now, lookbackDays } = context;
    const durationAvg = windowOf(findSeries(slice.series, 'Duration', ['Average']), now, lookbackDays);
    const invocations = windowOf(findSeries(slice.series, 'Invocations', ['Sum']), now, lookbackDays);
    if (!durationAvg || !invocations || durationAvg.values.length === 0) return [];
    const totalInvocations = sumOf(invocations);
    if (totalInvocations <= 0) return [];

    const durationP99Series = slice.series.find((s) => s.metricName === 'Duration' && s.stat === 'p99');
    const p99Window = windowOf(durationP99Series, now, lookbackDays);
    // "p99" as documented above: p95 over periods of the per-period p99, else p99 of the per-period averages.
    const p99Ms = p99Window && p99Window.values.length > 0 ? exactQuantiles(p99Window.values).p95 : exactQuantiles(durationAvg.values).p99;
    const avgMs = meanDurationMs(durationAvg, invocations);
    const errors = sumOf(windowOf(findSeries(slice.series, 'Errors', ['Sum']), now, lookbackDays));
    const throttles = sumOf(windowOf(findSeries(slice.series, 'Throttles', ['Sum']), now, lookbackDays));
    const memUsed = windowOf(findSeries(slice.series, 'used_memory_max', ['Maximum']), now, lookbackDays);
    const cpuTime = windowOf(findSeries(slice.series, 'cpu_total_time', ['Average']), now, lookbackDays);

    const maxMemoryUsedMb = memUsed && memUsed.values.length > 0 ? memUsed.values.reduce((a, b) => Math.max(a, b), -Infinity) : undefined;
    const cpuBoundMeasured = cpuTime !== undefined && cpuTime.values.length > 0;
    const cpuBound = cpuBoundMeasured ? Math.min(1, cpuTime.values.reduce((a, b) => a + b, 0) / cpuTime.values.length / avgMs) : DEFAULT_CPU_BOUND;

    // Scale the window's invocations to a 730-hour month over the span actually covered.
    const firstSeen = Math.min(invocations.timestamps[0] ?? now, durationAvg.timestamps[0] ?? now);
    const spanHours = Math.max(1, Math.min(lookbackDays * 24, (now - firstSeen) / 3_600_000 + invocations.series.periodSec / 3600));
    const invocationsPerMonth = (totalInvocations * HOURS_PER_MONTH) / spanHours;
    const gbSecondUsd = context.prices.lambdaGbSecondUsd(config.architecture);
    const monthlyCost = (memoryMb: number, durationMs: number): number => invocationsPerMonth * (durationMs / 1000) * (memoryMb / 1024) * gbSecondUsd;

    const m = config.memoryMb;
    const currentCost = monthlyCost(m, avgMs);
    const floorMb =
      maxMemoryUsedMb === undefined ? Math.min(m, ONE_VCPU_MEMORY_MB) : maxMemoryUsedMb * (1 + context.headroomPercent / 100);
    const timeoutMs = config.timeoutSec * 1000;
    const options = MEMORY_STEPS_MB.filter((size) => size !== m && size >= floorMb).map((size) => {
      const avg = projectDurationMs(avgMs, m, size, cpuBound);
      const p99 = projectDurationMs(p99Ms, m, size, cpuBound);
      return { size, avg, p99, cost: monthlyCost(size, avg), growth: p99 / p99Ms - 1 };
    });
    const cheaper = options
      .filter(
        (o) =>
          o.size < m &&
          currentCost - o.cost >= Math.max(MIN_MONTHLY_SAVINGS_USD, currentCost * MIN_SAVINGS_SHARE) &&
          o.growth <= MAX_DURATION_GROWTH &&
          o.p99 <= timeoutMs * MAX_TIMEOUT_SHARE,
      )
      .sort((a, b) => a.cost - b.cost || b.size - a.size);
    const faster = cpuBoundMeasured
      ? options
          .filter((o) => o.size > m && o.growth <= -MIN_SPEEDUP && o.cost <= currentCost * (1 + MAX_SPEEDUP_COST_GROWTH))
          .sort((a, b) => a.p99 - b.p99 || a.cost - b.cost)
      : [];
    const choice = cheaper[0] ?? faster[0];
    if (!choice) return [];

    const loweredBlind = maxMemoryUsedMb === undefined && choice.size < m;
    const memoryRisk =
      maxMemoryUsedMb === undefined
        ? loweredBlind
          ? RISK_WITHOUT_MEMORY_DATA
          : 0
        : riskFromProjectedUtilisation((maxMemoryUsedMb / choice.size) * 100);
    const durationRisk = choice.p99 > timeoutMs * MAX_TIMEOUT_SHARE ? 3 : choice.growth > 0.05 ? 2 : choice.growth > 0 ? 1 : 0;
    const performanceRisk = clampRisk(Math.max(memoryRisk, durationRisk) + (throttles > 0 && choice.growth > 0 ? 1 : 0));
    // Lambda publishes no datapoint for a period without invocations: a gap is idleness, not missing data, so only
    // the days observed count (coverage 1).
    const confidence = roundTo(
      dataConfidence(1, durationAvg.daysObserved, lookbackDays) *
        (cpuBoundMeasured ? 1 : CONFIDENCE_FACTOR_WITHOUT_CPU_TIME) *
        (loweredBlind ? CONFIDENCE_FACTOR_WITHOUT_MEMORY_DATA : 1),
      2,
    );
    // Carbon: a function's allocation is memory plus its vCPU share, busy for the billed seconds of the month.
    const busyHours = (durationMs: number): number => (invocationsPerMonth * durationMs) / 1000 / 3600 / HOURS_PER_MONTH;
    const carbon =
      computeKgCo2ePerMonth(slice.resource.region, cpuShare(m), m / 1024, cpuBound, config.architecture) * busyHours(avgMs) -
      computeKgCo2ePerMonth(slice.resource.region, cpuShare(choice.size), choice.size / 1024, cpuBound, config.architecture) * busyHours(choice.avg);
    const { quantiles } = evidenceQuantiles(durationAvg.values);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'serverless',
        resource: slice.resource,
        current: { memoryMb: m, architecture: config.architecture },
        proposed: { memoryMb: choice.size },
        monthlySavingsUsd: currentCost - choice.cost,
        performanceRisk,
        confidence,
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            invocationsPerMonth: Math.round(invocationsPerMonth),
            meanDurationMs: roundTo(avgMs),
            p99DurationMs: roundTo(p99Ms),
            projectedMeanDurationMs: roundTo(choice.avg),
            projectedP99DurationMs: roundTo(choice.p99),
            cpuBoundFraction: roundTo(cpuBound),
            cpuBoundMeasured,
            ...(maxMemoryUsedMb === undefined ? { memoryUsedKnown: false } : { maxMemoryUsedMb }),
            errorRatePercent: roundTo((errors / totalInvocations) * 100),
            throttles,
            timeoutMs,
            currentMonthlyComputeUsd: roundTo(currentCost, 2),
            proposedMonthlyComputeUsd: roundTo(choice.cost, 2),
            daysObserved: durationAvg.daysObserved,
            spanDays: roundTo(spanHours / 24, 2),
          },
          quantiles,
          series: [excerpt('Duration', durationAvg.series.stat, durationAvg.series.unit ?? 'Milliseconds', durationAvg.timestamps, durationAvg.values)],
          sources: ['cloudwatch', ...(maxMemoryUsedMb !== undefined || cpuBoundMeasured ? ['lambda-insights'] : []), ...context.prices.sources],
        },
        automation: { executor: 'lambda-memory' },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};

