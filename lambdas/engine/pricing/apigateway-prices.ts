/**
 * API Gateway request prices for us-east-1 (US East, N. Virginia), USD per million requests a month, from
 * https://aws.amazon.com/api-gateway/pricing/ (checked 2026-12-08; the same tiers are quoted in the AWS whitepaper
 * "Best Practices for Designing Amazon API Gateway Private APIs and Private Integration", "Cost optimization"). The
 * Price List collector does not fetch these yet, so every region is priced as us-east-1.
 * - REST APIs: first 333 million $3.50, next 667 million $2.80, next 19 billion $2.38, over 20 billion $1.51.
 * - HTTP APIs: first 300 million $1.00, over 300 million $0.90 (metered in 512 KB increments).
 * The free tier (1 million calls a month of each kind, new accounts, 12 months) is not modelled.
 */

/** One price tier: `upToRequests` a month (cumulative; Infinity for the last) at `usdPerMillion`. */
export interface RequestTier {
  readonly upToRequests: number;
  readonly usdPerMillion: number;
}

export const REST_API_REQUEST_TIERS: readonly RequestTier[] = [
  { upToRequests: 333e6, usdPerMillion: 3.5 },
  { upToRequests: 1e9, usdPerMillion: 2.8 },
  { upToRequests: 20e9, usdPerMillion: 2.38 },
  { upToRequests: Infinity, usdPerMillion: 1.51 },
];

export const HTTP_API_REQUEST_TIERS: readonly RequestTier[] = [
  { upToRequests: 300e6, usdPerMillion: 1 },
  { upToRequests: Infinity, usdPerMillion: 0.9 },
];

/**
 * Monthly request charge under graduated tiers: each tier prices only the requests that fall inside it.
 *
 *   cost = Σ_tiers max(0, min(requests, tier.upTo) − previous tier's upTo) ÷ 10⁶ × tier.usdPerMillion
 */
export function tieredRequestsUsd(requestsPerMonth: number, tiers: readonly RequestTier[]): number {
  let cost = 0;
  let floor = 0;
  for (const tier of tiers) {
    const inTier = Math.max(0, Math.min(requestsPerMonth, tier.upToRequests) - floor);
    cost += (inTier / 1e6) * tier.usdPerMillion;
    floor = tier.upToRequests;
  }
  return cost;
}

/** The API Gateway prices of a price book (bundled, us-east-1). */
export const API_GATEWAY_PRICES = {
  restRequestTiers: REST_API_REQUEST_TIERS,
  httpRequestTiers: HTTP_API_REQUEST_TIERS,
} as const;
export type ApiGatewayPrices = typeof API_GATEWAY_PRICES;
