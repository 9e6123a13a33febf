import { z } from 'zod';
import type { OrganizationsPort } from './organizations-port.js';

/** ListAccounts answers at most 20 accounts a page. */
const PAGE_SIZE = 20;
/** 50,000 accounts at 20 a page: far above any organization's quota, it only stops a service that repeats a token. */
const MAX_PAGES = 2_500;

const AccountSchema = z.object({
  Id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  /** The account lifecycle state; it replaces `Status` (retired September 2026), so both are read. */
  State: z.string().optional(),
  Status: z.string().optional(),
});
const PageSchema = z.object({ Accounts: z.array(AccountSchema).optional(), NextToken: z.string().optional() });

/** ListAccounts answered something this code cannot read; the message says what and on which page. */
export class OrganizationsShapeError extends Error {
  override readonly name = 'OrganizationsShapeError';
}

/**
 * The ids of the organization's ACTIVE accounts, sorted: every ListAccounts page (`NextToken`), skipping accounts
 * that are suspended, closed, or being closed or activated (nothing to read there). `State` decides when present,
 * else the older `Status`.
 */
export async function listActiveAccounts(port: OrganizationsPort): Promise<string[]> {
  const active = new Set<string>();
  let token: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const parsed = PageSchema.safeParse(await port.listAccounts({ MaxResults: PAGE_SIZE, NextToken: token }));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new OrganizationsShapeError(`ListAccounts page ${page} is malformed at ${issue?.path.join('.') || '(page)'}: ${issue?.message ?? 'unknown problem'}`);
    }
    for (const account of parsed.data.Accounts ?? []) {
      if ((account.State ?? account.Status) === 'ACTIVE') active.add(account.Id);
    }
    token = parsed.data.NextToken;
    if (token === undefined || token === '') return [...active].sort();
  }
  throw new OrganizationsShapeError(`ListAccounts still returned a NextToken after ${MAX_PAGES} pages`);
}
