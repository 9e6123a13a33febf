import { z } from 'zod';
import type { Prices } from '../../engine/types/snapshot.js';
import { cacheKey } from '../../shared/store/cache-key.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { PricingPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { parsePriceListItem, PriceListShapeError } from './price-list-item.js';
import { pricePartsFor } from './price-parts.js';
import type { PriceQuery } from './price-queries.js';

/** Store cache namespace of Price List answers. */
export const PRICING_CACHE = 'pricing';
/** List prices change a few times a year: a week-old answer is fresh enough and costs no call. */
export const PRICING_CACHE_TTL_SEC = 7 * 86_400;
/** GetProducts' page-size maximum. */
const PAGE_SIZE = 100;

const PriceRecordSchema = z.record(z.string(), z.number().nonnegative());

/**
 * On-demand list prices of each collected region from the Price List Query API (GetProducts, paged with NextToken),
 * written as the region's Prices for the engine (which otherwise falls back to its bundled us-east-1 catalogue):
 * EC2 Linux instance hours, EBS volume and snapshot GB-months, RDS instance hours per engine and class, RDS storage
 * and backups, NAT gateway hours and GB, public IPv4 hours, load balancer hours by type, DynamoDB capacity, requests
 * and storage, CloudWatch Logs ingestion and storage (price-parts.ts). Prices are the same for every account, so
 * each region is asked once, through the first account's ports; each query's answer is cached for 7 days. A part
 * the Price List has no prices for is reported (NoListPrices) and left to the bundled prices; a malformed entry is
 * reported and skipped; a denied or throttled-out region becomes an issue. A source without a Price List (the
 * sample account) is skipped.
 */
export async function collectPrices(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('pricing');
  const [home] = context.accounts;
  if (home === undefined) throw new RangeError('collectPrices needs at least one account');
  for (const region of context.regions) {
    const ports = context.portsFor(home, region);
    if (ports.pricing === undefined) continue;
    const port = countingPort(ports.pricing, 'pricing', report);
    await collectUnit(report, { region }, ports, async () => {
      const prices: Prices = { region, ec2HourlyUsd: {}, ebsGbMonthUsd: {} };
      const missing: string[] = [];
      let written = 0;
      for (const part of pricePartsFor(region)) {
        const found: Record<string, number> = {};
        for (const query of part.queries) Object.assign(found, await cachedPrices(context, report, port, query, region));
        const applied = part.apply(prices, found);
        if (applied === 0) missing.push(part.name);
        written += applied;
      }
      if (missing.length > 0) {
        report.addIssue({ region, code: 'NoListPrices', message: `the Price List returned no ${region} prices for ${missing.join(', ')}; the bundled us-east-1 prices are used for them` });
      }
      await context.store.putPrices(prices);
      report.countWritten('prices', written);
    });
  }
  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}

async function cachedPrices(context: CollectorContext, report: ReportBuilder, port: PricingPort, query: PriceQuery, region: string): Promise<Record<string, number>> {
  const key = cacheKey({ api: 'pricing:GetProducts', serviceCode: query.serviceCode, filters: query.filters });
  const hit = await context.store.getCached(PRICING_CACHE, key, PriceRecordSchema);
  if (hit !== undefined) {
    report.countCacheHit('pricing:GetProducts');
    return hit;
  }
  const prices = await fetchPrices(port, query, (message) => report.addIssue({ region, code: 'MalformedPriceListItem', message }));
  await context.store.putCached(PRICING_CACHE, key, prices, PRICING_CACHE_TTL_SEC);
  return prices;
}

/**
 * Every page of one query, each PriceList entry parsed and priced. A product listed twice keeps its lowest
 * price. An entry that is not the documented JSON is reported through `onMalformed` and skipped, so one bad
 * entry does not cost the region its other prices; so is a NextToken the service already gave (paging stops).
 */
export async function fetchPrices(port: PricingPort, query: PriceQuery, onMalformed: (message: string) => void): Promise<Record<string, number>> {
  const prices: Record<string, number> = {};
  let nextToken: string | undefined;
  const seenTokens = new Set<string>();
  let index = 0;
  do {
    const page = await port.getProducts({ ServiceCode: query.serviceCode, Filters: query.filters, FormatVersion: 'aws_v1', MaxResults: PAGE_SIZE, NextToken: nextToken });
    for (const text of page.PriceList ?? []) {
      try {
        const item = parsePriceListItem(text, index);
        const key = query.keyOf(item);
        const price = query.priceOf(item);
        if (key !== undefined && price !== undefined) prices[key] = Math.min(price, prices[key] ?? Number.POSITIVE_INFINITY);
      } catch (error) {
        if (!(error instanceof PriceListShapeError)) throw error;
        onMalformed(`${query.serviceCode} ${query.label}: ${error.message}`);
      } finally {
        index += 1;
      }
    }
    nextToken = page.NextToken || undefined;
    if (nextToken !== undefined && seenTokens.has(nextToken)) {
      // A service that hands back a token it already gave would page forever: keep what was read, say so.
      onMalformed(`${query.serviceCode} ${query.label}: GetProducts repeated a NextToken after ${seenTokens.size + 1} pages; the prices read so far are kept`);
      break;
    }
    if (nextToken !== undefined) seenTokens.add(nextToken);
  } while (nextToken !== undefined);
  return prices;
}
