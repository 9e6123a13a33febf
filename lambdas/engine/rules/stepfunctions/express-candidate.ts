import type { Rule } from '../rule.js';
import { SFN_EXPRESS_DURATION_STEP_MS, SFN_EXPRESS_MIN_MEMORY_GB } from '../../pricing/storage-data-prices.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { spanDays } from '../support/span-days.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

export const EXPRESS_CANDIDATE_RULE_ID = 'stepfunctions/express-candidate';
/** Express executions may run 5 minutes; candidates must finish within half of it, so growth does not hit the limit. */
const MAX_EXECUTION_MS = 150_000;
const MIN_MONTHLY_SAVINGS_USD = 1;
const MIN_DAYS_OBSERVED = 7;
const DAYS_PER_MONTH = 730 / 24;

/**
 * Standard state machine with short, high-volume executions and nothing Express cannot run → an Express workflow.
 * Standard bills each state transition ($0.025 per 1,000); Express bills requests and duration (Step Functions
 * pricing). Express suits "high-volume, event-processing workloads" of at most 5 minutes (developer guide, "Choosing
 * workflow type") and supports neither `.sync` nor `.waitForTaskToken` integrations nor activities (read from the
 * definition by the collector). Per execution:
 *
 *   standard = states in the definition × $0.000025    (each state once: loops and Map iterations add more, so low)
 *   express  = $0.000001 + 0.0625 GB × ⌈mean ExecutionTime ÷ 100 ms⌉ × 0.1 s × $0.00001667   (64 MB minimum)
 *   savings  = executions/month × (standard − express),   executions/month = Σ ExecutionsStarted × 30.42 ÷ days spanned
 *
 * Fires when the longest execution in the lookback (ExecutionTime Maximum) is ≤ 150 s, ≥ 7 days were observed and
 * savings ≥ $1. Confidence = data confidence of ExecutionsStarted. Risk 2: Express runs at-least-once (steps must be
 * idempotent) and keeps history only in CloudWatch Logs; effort medium (the type cannot change: create an Express
 * machine and move callers to it), reversible (keep the Standard one until it is proven), no executor.
 */
export const expressCandidate: Rule = {
  id: EXPRESS_CANDIDATE_RULE_ID,
  domain: 'serverless',
  resourceType: 'states:state-machine',
  summary: 'Move a Standard state machine with short (≤ 150 s), high-volume executions and no .sync/callback/activity steps to Express.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'states:state-machine');
    if (config.workflowType !== 'STANDARD' || config.expressBlockers === undefined || config.expressBlockers.length > 0 || config.stateCount === undefined) return [];
    const startedSeries = findSeries(slice.series, 'ExecutionsStarted', ['Sum']);
    const maxSeries = slice.series.find((s) => s.metricName === 'ExecutionTime' && s.stat === 'Maximum');
    const meanSeries = slice.series.find((s) => s.metricName === 'ExecutionTime' && s.stat === 'Average');
    if (startedSeries === undefined || maxSeries === undefined || meanSeries === undefined) return [];
    const started = windowSeries(startedSeries, context.now, context.lookbackDays);
    const days = spanDays(started, context.now, context.lookbackDays);
    if (days < MIN_DAYS_OBSERVED) return [];
    const longest = windowSeries(maxSeries, context.now, context.lookbackDays).values.reduce((a, b) => Math.max(a, b), 0);
    if (longest > MAX_EXECUTION_MS) return [];
    const means = windowSeries(meanSeries, context.now, context.lookbackDays).values;
    if (means.length === 0) return [];
    const meanMs = means.reduce((a, b) => a + b, 0) / means.length;

    const executions = (started.values.reduce((a, b) => a + b, 0) * DAYS_PER_MONTH) / days;
    const prices = context.prices.storageData.stepFunctions;
    const standardPerExecution = config.stateCount * prices.standardTransitionUsd;
    const billedSeconds = (Math.ceil(meanMs / SFN_EXPRESS_DURATION_STEP_MS) * SFN_EXPRESS_DURATION_STEP_MS) / 1000;
    const expressPerExecution = prices.expressRequestUsd + SFN_EXPRESS_MIN_MEMORY_GB * billedSeconds * prices.expressGbSecondUsd;
    const savings = executions * (standardPerExecution - expressPerExecution);
    if (savings < MIN_MONTHLY_SAVINGS_USD) return [];

    return [
      buildFinding({
        ruleId: EXPRESS_CANDIDATE_RULE_ID,
        domain: 'serverless',
        resource: slice.resource,
        current: { workflowType: 'STANDARD' },
        proposed: { workflowType: 'EXPRESS' },
        monthlySavingsUsd: savings,
        performanceRisk: 2,
        confidence: dataConfidence(started.coverage, started.daysObserved, context.lookbackDays),
        effort: 'medium',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            executionsPerMonth: Math.round(executions),
            statesPerExecution: config.stateCount,
            meanExecutionMs: Math.round(meanMs),
            longestExecutionMs: Math.round(longest),
            standardMonthlyUsd: roundTo(executions * standardPerExecution, 2),
            expressMonthlyUsd: roundTo(executions * expressPerExecution, 2),
            semantics: 'Express runs at-least-once: make every step idempotent before moving',
          },
          quantiles: {},
          series: [excerpt('ExecutionsStarted', 'Sum', started.series.unit ?? 'Count', started.timestamps, started.values, 'mean')],
          sources: ['cloudwatch', 'states-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
