import type { Rule } from '../rule.js';
import { tieredRequestsUsd } from '../../pricing/apigateway-prices.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { spanDays } from '../support/span-days.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';

const RULE_ID = 'apigateway/rest-to-http-api';
/**
 * "High volume": more requests a month than the API Gateway free tier gives each API kind (1 million calls a month,
 * API Gateway pricing page). Below it a new account pays nothing either way, and the at most $2.50 a month saved never
 * repays a migration.
 */
const MIN_REQUESTS_PER_MONTH = 1_000_000;
const MIN_DAYS_OBSERVED = 7;
const DAYS_PER_MONTH = 730 / 24;
/**
 * The inventory records neither stages nor usage plans nor WAF associations, so it cannot tell whether the API uses a
 * REST-only feature (API keys and usage plans, request validation, caching, AWS WAF, resource policies; developer
 * guide, "Choose between REST APIs and HTTP APIs"): as likely as not the migration needs a redesign first.
 */
const CONFIDENCE_FEATURES_UNKNOWN = 0.5;
/** HTTP APIs have no edge-optimized endpoint: an EDGE API also needs its own CloudFront distribution in front. */
const CONFIDENCE_EDGE = 0.8;

/**
 * REST API with high request volume → an HTTP API, which API Gateway prices at about a third per request. AWS
 * advises it ("For existing REST APIs, consider migrating to HTTP APIs": whitepaper "Best Practices for Designing
 * Amazon API Gateway Private APIs and Private Integration", "Cost optimization"). PRIVATE REST APIs are left alone:
 * HTTP APIs cannot be private.
 *
 *   requests/month = Σ Count (Sum) × 30.42 ÷ days spanned            (≥ 7 days observed)
 *   savings        = REST tiers(requests/month) − HTTP tiers(requests/month)
 *                    (REST $3.50/M first 333M, $2.80 next 667M, $2.38 next 19B, $1.51 above; HTTP $1.00/M first
 *                    300M, $0.90 above — apigateway-prices.ts; data transfer is priced the same and not counted)
 *
 * Fires when requests/month > 1,000,000. Confidence = data confidence of Count × 0.5 (REST-only features unknown)
 * × 0.8 for an EDGE endpoint. Risk 2: an HTTP API is a new API with a new invoke URL, another payload format for
 * Lambda proxy integrations and other authorizers. Effort high (rebuild routes, integrations and authorizers, move
 * clients), reversible (keep the REST API until the HTTP API is proven), no executor. Carbon 0: both bill per request
 * on shared managed infrastructure, with no per-API energy to attribute.
 */
export const restToHttpApi: Rule = {
  id: RULE_ID,
  domain: 'web',
  resourceType: 'apigateway:api',
  summary: 'Migrate a REST API with more than 1M requests a month to an HTTP API (≈ 70% cheaper per request); not private APIs.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'apigateway:api');
    if (config.protocol !== 'REST' || config.endpointType === 'PRIVATE') return [];
    const countSeries = findSeries(slice.series, 'Count', ['Sum']);
    if (countSeries === undefined) return [];
    const counts = windowSeries(countSeries, context.now, context.lookbackDays);
    const days = spanDays(counts, context.now, context.lookbackDays);
    if (days < MIN_DAYS_OBSERVED) return [];
    const requestsPerMonth = (counts.values.reduce((a, b) => a + b, 0) * DAYS_PER_MONTH) / days;
    if (requestsPerMonth <= MIN_REQUESTS_PER_MONTH) return [];

    const prices = context.prices.apiGateway;
    const restUsd = tieredRequestsUsd(requestsPerMonth, prices.restRequestTiers);
    const httpUsd = tieredRequestsUsd(requestsPerMonth, prices.httpRequestTiers);
    const confidence = dataConfidence(counts.coverage, counts.daysObserved, context.lookbackDays) * CONFIDENCE_FEATURES_UNKNOWN * (config.endpointType === 'EDGE' ? CONFIDENCE_EDGE : 1);

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'web',
        resource: slice.resource,
        current: { protocol: 'REST', ...(config.endpointType === undefined ? {} : { endpointType: config.endpointType }) },
        proposed: { protocol: 'HTTP' },
        monthlySavingsUsd: restUsd - httpUsd,
        performanceRisk: 2,
        confidence: roundTo(confidence, 2),
        effort: 'high',
        restartRequired: false,
        reversible: true,
        evidence: {
          statistics: {
            requestsPerMonth: Math.round(requestsPerMonth),
            thresholdRequestsPerMonth: MIN_REQUESTS_PER_MONTH,
            restMonthlyUsd: roundTo(restUsd, 2),
            httpMonthlyUsd: roundTo(httpUsd, 2),
            restOnlyFeatures: 'unknown: check API keys and usage plans, request validation, caching, AWS WAF and resource policies first',
          },
          quantiles: {},
          series: [excerpt('Count', 'Sum', counts.series.unit ?? 'Count', counts.timestamps, counts.values, 'mean')],
          sources: ['cloudwatch', 'apigateway-config', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
