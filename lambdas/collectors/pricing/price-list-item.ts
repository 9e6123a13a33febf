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
