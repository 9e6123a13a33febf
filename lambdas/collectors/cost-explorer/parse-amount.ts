import { z } from 'zod';

/**
 * Cost Explorer sends amounts as decimal strings ("40.3527508453"); anything else is a contract
 * break and fails with a message naming the field.
 */
export const CostAmountSchema = z
  .string({ error: 'Cost Explorer amount must be a string' })
  .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'Cost Explorer amount must be a decimal number in a string')
  .transform(Number);

export function parseAmount(amount: string | undefined, field: string): number {
  const parsed = CostAmountSchema.safeParse(amount);
  if (!parsed.success) throw new CostExplorerShapeError(`${field}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(amount)})`);
  return parsed.data;
}

/** Cost Explorer returned something that does not match its documented shape. */
export class CostExplorerShapeError extends Error {
  override readonly name = 'CostExplorerShapeError';
}
