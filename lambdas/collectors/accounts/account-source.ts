import { z } from 'zod';
import type { AccountDiscovery } from './discover-accounts.js';

/**
 * Where a collector takes its accounts from, set by the stack (lib/constructs/collectors.ts): `list` reads the
 * ACCOUNTS variable; `organizations` lists the organization's active accounts at run time (ACCOUNTS then holds the
 * collector's own account, which is also the fallback when the listing fails).
 */
export const AccountSourceEnvSchema = z.object({
  ACCOUNT_SOURCE: z.enum(['list', 'organizations'], 'ACCOUNT_SOURCE must be list or organizations').default('list'),
});
export type AccountSource = z.output<typeof AccountSourceEnvSchema>['ACCOUNT_SOURCE'];

/**
 * The accounts of one invocation: the configured list as is, or the organization's accounts from `discover`
 * (discoverAccounts, usually behind cachedDiscovery). An event that names accounts overrides both (the caller
 * decides that before asking).
 */
export async function accountsToCollect(source: AccountSource, configured: string[], discover: () => Promise<AccountDiscovery>): Promise<AccountDiscovery> {
  return source === 'organizations' ? discover() : { accounts: configured };
}
