import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { quantileSorted } from '../../stats/index.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { withStableId } from '../../prioritise/stable-id.js';

export const EXCESSIVE_TIMEOUT_RULE_ID = 'lambda/excessive-timeout';
/** Evidence needed: a week of Duration maxima and enough invocations for a p99.9 to mean something. */
const MIN_DAYS = 7;
const MIN_INVOCATIONS = 1000;
/** Flag when the timeout exceeds max(3 × p99.9, p99.9 + 30 s). */
const FLAG_FACTOR = 3;
const FLAG_MARGIN_MS = 30_000;
/** Proposal: twice the p99.9 and 1.2 × the largest observed duration, at least Lambda's default of 3 s. */
const PROPOSE_FACTOR = 2;
const MAX_OBSERVED_MARGIN = 1.2;
const MIN_TIMEOUT_SEC = 3;

/**
 * Lambda timeout far above what the function needs. From the lookback's Duration `Maximum` series (one maximum per
 * period), p = the 99.9th percentile of those maxima; flagged when, with ≥ 7 days and ≥ 1,000 invocations observed,
 *
 *   timeout > max(3 × p, p + 30 s)
 *
 * and proposes timeout = max(⌈2 × p⌉ s, ⌈1.2 × max observed⌉ s, 3 s) (never below a duration the function has
 * actually reached), when that is below the current timeout. (Not "10 % above the average": the tail decides.)
 *
 * A reliability action, not a saving: monthlySavingsUsd is 0. A timeout bounds what one runaway invocation (a hung
 * downstream call, an infinite loop) can cost: (timeout − proposed) s × memory GB × $/GB-s is in the evidence as
 * `runawayInvocationCostCutUsd`, and a shorter timeout surfaces hangs sooner. Performance risk 1 (a rare slow path
 * not seen in the window would now time out), 2 when the largest observed duration exceeds half the proposal.
 * Confidence = min(1, days observed / lookback), × 0.7 below 10,000 invocations. Not automated (executor null).
 * The id names the kind of change ({change: 'timeout'}), not the value, so it is stable across runs.
 */
export const excessiveTimeout: Rule = {
  id: EXCESSIVE_TIMEOUT_RULE_ID,
  domain: 'serverless',
  resourceType: 'lambda:function',
  summary: 'Lower a Lambda timeout far above the observed p99.9 duration (> max(3 × p99.9, p99.9 + 30 s)) to 2 × p99.9.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'lambda:function');
    const maxSeries = findSeries(slice.series, 'Duration', ['Maximum']);
    const invocationSeries = findSeries(slice.series, 'Invocations', ['Sum']);
    if (!maxSeries || maxSeries.stat !== 'Maximum' || !invocationSeries) return [];
    const maxima = windowSeries(maxSeries, context.now, context.lookbackDays);
    const invocations = windowSeries(invocationSeries, context.now, context.lookbackDays).values.reduce((a, b) => a + b, 0);
    if (maxima.daysObserved < MIN_DAYS || invocations < MIN_INVOCATIONS) return [];

    // A typed-array sort is numeric without a comparator callback: several times faster at 4,032 points per function.
    const sorted = Float64Array.from(maxima.values).sort();
    const p999 = quantileSorted(sorted, 0.999);
    const observedMax = sorted[sorted.length - 1];
    const timeoutMs = config.timeoutSec * 1000;
    if (timeoutMs <= Math.max(FLAG_FACTOR * p999, p999 + FLAG_MARGIN_MS)) return [];
    const proposedSec = Math.max(Math.ceil((PROPOSE_FACTOR * p999) / 1000), Math.ceil((MAX_OBSERVED_MARGIN * observedMax) / 1000), MIN_TIMEOUT_SEC);
    if (proposedSec >= config.timeoutSec) return [];

    const runawayCut = (config.timeoutSec - proposedSec) * (config.memoryMb / 1024) * context.prices.lambdaGbSecondUsd(config.architecture);
    const { quantiles } = evidenceQuantiles(maxima.values);
    const finding = buildFinding({
      ruleId: EXCESSIVE_TIMEOUT_RULE_ID,
      domain: 'serverless',
      resource: slice.resource,
      current: { timeoutSec: config.timeoutSec },
      proposed: { timeoutSec: proposedSec },
      monthlySavingsUsd: 0,
      performanceRisk: observedMax > (proposedSec * 1000) / 2 ? 2 : 1,
      confidence: roundTo(dataConfidence(1, maxima.daysObserved, context.lookbackDays) * (invocations >= 10 * MIN_INVOCATIONS ? 1 : 0.7), 2),
      effort: 'low',
      restartRequired: false,
      reversible: true,
      evidence: {
        statistics: {
          p99_9DurationMs: roundTo(p999),
          maxDurationMs: roundTo(observedMax),
          timeoutMs,
          proposedTimeoutMs: proposedSec * 1000,
          flagThresholdMs: roundTo(Math.max(FLAG_FACTOR * p999, p999 + FLAG_MARGIN_MS)),
          invocations,
          daysObserved: maxima.daysObserved,
          runawayInvocationCostCutUsd: roundTo(runawayCut, 6),
        },
        quantiles: { ...quantiles, 'p99.9': roundTo(p999) },
        series: [excerpt('Duration', 'Maximum', maxSeries.unit ?? 'Milliseconds', maxima.timestamps, maxima.values)],
        sources: ['cloudwatch'],
      },
      automation: { executor: null },
      carbonKgCo2eMonthly: 0,
    });
    return [withStableId(finding, { change: 'timeout' })];
  },
};
