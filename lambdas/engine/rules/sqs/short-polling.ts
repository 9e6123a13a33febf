import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { spanDays } from '../support/span-days.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

export const SHORT_POLLING_RULE_ID = 'sqs/short-polling';
/** The longest wait SQS allows, and what the SQS Developer Guide recommends for long polling. */
export const LONG_POLL_WAIT_SECONDS = 20;
/**
 * A short-polling consumer is assumed to ask at least once a second; under a 20 s wait it gets at most one empty
 * response per 20 s, so at most 1/20 of today's empty receives remain.
 */
const REMAINING_SHARE = 1 / LONG_POLL_WAIT_SECONDS;
/** The poll rate is assumed, not measured. */
const CONFIDENCE_FACTOR = 0.8;
const MIN_MONTHLY_SAVINGS_USD = 1;
const MIN_DAYS_OBSERVED = 7;
const DAYS_PER_MONTH = 730 / 24;

/**
 * SQS queue with short polling (ReceiveMessageWaitTimeSeconds 0, the default) whose consumers get many empty
 * responses → set the queue's ReceiveMessageWaitTimeSeconds to 20 (long polling). Every ReceiveMessage call is a
 * billed request, empty or not (SQS pricing); long polling waits for a message instead of answering empty at once
 * (SQS Developer Guide, "Amazon SQS short and long polling").
 *
 *   empty/month = Σ NumberOfEmptyReceives (Sum) over the lookback × 30.42 ÷ days spanned
 *   savings     = empty/month × (1 − 1/20) × $/request ($0.40 per million standard, $0.50 FIFO)
 *
 * (1/20 remain if each consumer polled at least once a second). Fires above $1 a month with ≥ 7 days spanned.
 * Confidence = data confidence × 0.8 (the poll rate is assumed). Risk 1: a consumer whose HTTP timeout is under 20 s
 * must raise it (the AWS SDKs' defaults allow it); effort low, reversible, no executor.
 */
export const shortPolling: Rule = {
  id: SHORT_POLLING_RULE_ID,
  domain: 'data',
  resourceType: 'sqs:queue',
  summary: 'Turn on long polling (20 s wait) on an SQS queue whose short-polling consumers pay for millions of empty receives.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'sqs:queue');
    if (config.receiveWaitTimeSeconds > 0) return [];
    const emptySeries = findSeries(slice.series, 'NumberOfEmptyReceives', ['Sum']);
    if (emptySeries === undefined) return [];
    const empty = windowSeries(emptySeries, context.now, context.lookbackDays);
    const days = spanDays(empty, context.now, context.lookbackDays);
    if (days < MIN_DAYS_OBSERVED) return [];
    const monthlyEmpty = (empty.values.reduce((a, b) => a + b, 0) * DAYS_PER_MONTH) / days;
    const prices = context.prices.storageData.sqs;
    const requestUsd = config.fifo ? prices.fifoRequestUsd : prices.standardRequestUsd;
    const savings = monthlyEmpty * (1 - REMAINING_SHARE) * requestUsd;
    if (savings < MIN_MONTHLY_SAVINGS_USD) return [];

    return [
      buildFinding({
        ruleId: SHORT_POLLING_RULE_ID,
        domain: 'data',
        resource: slice.resource,
        current: { receiveMessageWaitTimeSeconds: 0 },
        proposed: { receiveMessageWaitTimeSeconds: LONG_POLL_WAIT_SECONDS },
        monthlySavingsUsd: savings,
        performanceRisk: 1,
        confidence: roundTo(dataConfidence(empty.coverage, empty.daysObserved, context.lookbackDays) * CONFIDENCE_FACTOR, 2),
        effort: 'low',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            emptyReceivesPerMonth: Math.round(monthlyEmpty),
            remainingShareAssumed: REMAINING_SHARE,
            requestUsd,
            daysSpanned: roundTo(days, 1),
          },
          quantiles: {},
          series: [excerpt('NumberOfEmptyReceives', 'Sum', empty.series.unit ?? 'Count', empty.timestamps, empty.values, 'mean')],
          sources: ['cloudwatch', 'sqs-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
