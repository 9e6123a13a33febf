import { z } from 'zod';
import type { Prices } from '../../engine/types/snapshot.js';
import { cacheKey } from '../../shared/store/cache-key.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { PricingPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { parsePriceListItem, PriceListShapeError } from './price-list-item.js';
import { ebsVolumeQuery, ec2InstanceQuery, type PriceQuery } from './price-queries.js';

/** Store cache namespace of Price List answers. */
export const PRICING_CACHE = 'pricing';
/** List prices change a few times a year: a week-old answer is fresh enough and costs no call. */
export const PRICING_CACHE_TTL_SEC = 7 * 86_400;
/** GetProducts' page-size maximum. */
const PAGE_SIZE = 100;

const PriceRecordSchema = z.record(z.string(), z.number().nonnegative());

/**
 * On-demand list prices of each collected region from the Price List Query API (GetProducts, paged with
 * NextToken): EC2 Linux instance hours and EBS GB-months, written as the region's Prices for the engine (which
 * otherwise falls back to its bundled us-east-1 catalogue). Prices are the same for every account, so each
 * region is asked once, through the first account's ports; each query's answer is cached for 7 days. A source
 * without a Price List (the sample account has none) is skipped; a denied region becomes an issue.
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
      for (const query of [ec2InstanceQuery(region), ebsVolumeQuery(region)]) {
        prices[query.field] = await cachedPrices(context, report, port, query, region);
      }
      await context.store.putPrices(prices);
      report.countWritten('prices', Object.keys(prices.ec2HourlyUsd).length + Object.keys(prices.ebsGbMonthUsd).length);
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
 * entry does not cost the region its other prices.
 */
export async function fetchPrices(port: PricingPort, query: PriceQuery, onMalformed: (message: string) => void): Promise<Record<string, number>> {
  const prices: Record<string, number> = {};
  let nextToken: string | undefined;
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
        onMalformed(`${query.serviceCode} ${query.field}: ${error.message}`);
      } finally {
        index += 1;
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return prices;
}
