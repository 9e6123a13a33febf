import { z } from 'zod';

/**
 * One entry of GetProducts' `PriceList`: a JSON document in a string (Price List API reference). Only the
 * parts Headroom reads are validated; everything else is allowed through.
 */
const PriceDimensionSchema = z.object({
  unit: z.string(),
  beginRange: z.string().optional(),
  pricePerUnit: z.record(z.string(), z.string()),
});

export const PriceListItemSchema = z.object({
  product: z.object({
    productFamily: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
    sku: z.string().optional(),
  }),
  terms: z
    .object({
      OnDemand: z.record(z.string(), z.object({ priceDimensions: z.record(z.string(), PriceDimensionSchema) })).optional(),
    })
    .optional(),
});
export type PriceListItem = z.infer<typeof PriceListItemSchema>;

/** A PriceList entry that is not the JSON the Price List API documents; names the entry. */
export class PriceListShapeError extends Error {
  override readonly name = 'PriceListShapeError';
}

export function parsePriceListItem(text: string, index: number): PriceListItem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PriceListShapeError(`PriceList entry ${index} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = PriceListItemSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PriceListShapeError(`PriceList entry ${index} does not match the Price List format: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * The on-demand USD price per `unit` of a product: its OnDemand term's price dimension in that unit, the
 * first tier (beginRange "0") when the price is tiered. Undefined when the product has no such dimension
 * or the price is not a non-negative decimal.
 */
export function onDemandUsd(item: PriceListItem, unit: string): number | undefined {
  for (const term of Object.values(item.terms?.OnDemand ?? {})) {
    const dimensions = Object.values(term.priceDimensions).filter((d) => d.unit === unit && (d.beginRange === undefined || d.beginRange === '0'));
    for (const dimension of dimensions) {
      const usd = dimension.pricePerUnit.USD;
      if (usd !== undefined && /^\d+(\.\d+)?$/.test(usd)) return Number(usd);
    }
  }
  return undefined;
}

/**
 * A product's usagetype without its region prefix ("EUW2-NatGateway-Hours" → "NatGateway-Hours"; us-east-1 entries
 * often carry none). Prefixes are "EU" or letters then a digit (USE1, APS3, EUC1, UGW1, CNN1); other leading words
 * ("IA-" for DynamoDB Standard-IA) are part of the usage type and stay.
 */
export function usageTypeOf(item: PriceListItem): string | undefined {
  return item.product.attributes.usagetype?.replace(/^(?:EU|[A-Z]{2,3}\d)-/, '');
}

/**
 * The on-demand USD price per `unit` of a product billed in tiers with a free allowance first (DynamoDB capacity
 * and storage, CloudWatch Logs): the first tier, by beginRange, whose price is above zero — the rate that applies
 * once the allowance is used, which is what a change in usage saves. Zero when every tier is free; undefined when
 * the product has no dimension in that unit. `unit` undefined accepts any unit (the usagetype already says what is
 * billed, and unit spellings vary between services).
 */
export function paidTierUsd(item: PriceListItem, unit: string | undefined): number | undefined {
  const tiers: { begin: number; usd: number }[] = [];
  for (const term of Object.values(item.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions)) {
      const usd = dimension.pricePerUnit.USD;
      if ((unit !== undefined && dimension.unit !== unit) || usd === undefined || !/^\d+(\.\d+)?$/.test(usd)) continue;
      tiers.push({ begin: Number(dimension.beginRange ?? '0'), usd: Number(usd) });
    }
  }
  if (tiers.length === 0) return undefined;
  tiers.sort((a, b) => a.begin - b.begin);
  return tiers.find((tier) => tier.usd > 0)?.usd ?? 0;
}
