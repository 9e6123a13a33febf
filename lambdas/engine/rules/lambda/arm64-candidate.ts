import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { CCF_AVERAGE_CPU_FRACTION } from '../../carbon/ccf-coefficients.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { cpuShare } from './duration-model.js';
import { lambdaComputeUsage } from './compute-usage.js';
import { arm64Runtime } from './arm64-runtimes.js';

export const ARM64_RULE_ID = 'lambda/arm64-candidate';
/** Below $1/month the move is not worth a rebuild and a test cycle (the same floor as lambda/memory-size). */
const MIN_MONTHLY_SAVINGS_USD = 1;

/**
 * Lambda arm64 (Graviton) migration candidate: an x86_64 function on a runtime that supports arm64 (arm64-runtimes.ts).
 * Arm64 compute costs 20 % less per GB-second (https://aws.amazon.com/lambda/pricing/; the price book's
 * lambdaGbSecondUsd), requests cost the same, so from the lookback's observed Duration × Invocations (compute-usage.ts):
 *
 *   GB-s/month = durationMs/month ÷ 1000 × memoryMb ÷ 1024
 *   savings    = GB-s/month × ($/GB-s x86_64 − $/GB-s arm64)          (duration assumed unchanged on arm64)
 *
 * Flagged when savings ≥ $1/month. Performance risk 1 for bytecode runtimes (Java, .NET), 2 where native extensions or
 * a custom binary must be rebuilt (Node.js, Python, Ruby, provided). Effort medium (rebuild and test the package),
 * not automatable (executor null). Confidence = min(1, days observed / lookback). Carbon saved: the function's vCPU
 * share (duration-model.ts) for its billed hours, at CCF's average x86_64 watts less Graviton's, at CCF's 50 % average
 * utilisation (memory is the same on both):
 *
 *   kg/month = (compute(x86_64) − compute(arm64)) × durationMs/month ÷ 3.6e6 ÷ 730    (carbon/estimate.ts)
 *
 * The price ratio arm64/x86_64 is in the evidence so that
 * prioritise/combine.ts can price this move together with a memory change.
 */
export const arm64Candidate: Rule = {
  id: ARM64_RULE_ID,
  domain: 'serverless',
  resourceType: 'lambda:function',
  summary: 'Move an x86_64 Lambda function on an arm64-capable runtime to arm64 (Graviton): 20 % lower price per GB-second.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'lambda:function');
    if (config.architecture !== 'x86_64') return [];
    const runtime = arm64Runtime(config.runtime);
    if (!runtime) return [];
    const usage = lambdaComputeUsage(slice.series, context.now, context.lookbackDays);
    if (!usage) return [];

    const gbSecondsPerMonth = (usage.durationMsPerMonth / 1000) * (config.memoryMb / 1024);
    const x86Price = context.prices.lambdaGbSecondUsd('x86_64');
    const armPrice = context.prices.lambdaGbSecondUsd('arm64');
    const current = gbSecondsPerMonth * x86Price;
    const proposed = gbSecondsPerMonth * armPrice;
    if (current - proposed < MIN_MONTHLY_SAVINGS_USD) return [];
    const { quantiles } = evidenceQuantiles(usage.duration.values);
    const busyShare = usage.durationMsPerMonth / 3_600_000 / HOURS_PER_MONTH;
    const kgAt = (architecture: 'x86_64' | 'arm64') =>
      computeKgCo2ePerMonth(slice.resource.region, cpuShare(config.memoryMb), 0, CCF_AVERAGE_CPU_FRACTION, architecture) * busyShare;

    return [
      buildFinding({
        ruleId: ARM64_RULE_ID,
        domain: 'serverless',
        resource: slice.resource,
        current: { architecture: 'x86_64', runtime: config.runtime },
        proposed: { architecture: 'arm64' },
        monthlySavingsUsd: current - proposed,
        performanceRisk: runtime.nativeBinaryRisk,
        confidence: dataConfidence(1, usage.duration.daysObserved, context.lookbackDays),
        effort: 'medium',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            runtimeFamily: runtime.family,
            invocationsPerMonth: Math.round(usage.invocationsPerMonth),
            gbSecondsPerMonth: roundTo(gbSecondsPerMonth, 1),
            x86GbSecondUsd: x86Price,
            arm64GbSecondUsd: armPrice,
            arm64PriceRatio: roundTo(armPrice / x86Price, 6),
            currentMonthlyComputeUsd: roundTo(current, 2),
            proposedMonthlyComputeUsd: roundTo(proposed, 2),
            daysObserved: usage.duration.daysObserved,
          },
          quantiles,
          series: [excerpt('Duration', usage.duration.series.stat, usage.duration.series.unit ?? 'Milliseconds', usage.duration.timestamps, usage.duration.values)],
          sources: ['cloudwatch', 'lambda-pricing-page', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: kgAt('x86_64') - kgAt('arm64'),
      }),
    ];
  },
};
