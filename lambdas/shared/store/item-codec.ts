import type { z } from 'zod';
import { StoreItemInvalidError } from './errors.js';
import type { TableItem } from './table.js';

/**
 * Documents (resources, findings, runs...) are stored as one JSON string attribute `data`: no nesting-depth
 * limit, no empty-string or undefined surprises, and cheap to (un)marshal — important on dynalite.
 */
export function documentItem(pk: string, sk: string, kind: string, value: unknown, expiresAt?: number): TableItem {
  return { pk, sk, kind, data: JSON.stringify(value), ...(expiresAt === undefined ? {} : { expiresAt }) };
}

/** Parses an item's `data` with `schema`; a bad item is an error naming its key, never skipped. */
export function readDocument<S extends z.ZodType>(item: TableItem, schema: S): z.output<S> {
  const key = { pk: item.pk, sk: item.sk };
  if (typeof item.data !== 'string') throw new StoreItemInvalidError(key, 'attribute data is missing or not a string');
  let raw: unknown;
  try {
    raw = JSON.parse(item.data);
  } catch (error) {
    throw new StoreItemInvalidError(key, `attribute data is not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new StoreItemInvalidError(key, describeIssue(parsed.error.issues[0]));
  return parsed.data;
}

export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unknown problem';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
