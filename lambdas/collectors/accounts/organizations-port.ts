import type { ListAccountsCommandInput, ListAccountsCommandOutput } from '@aws-sdk/client-organizations';

/**
 * AWS Organizations at the SDK-command level, like the collector ports in ../ports.ts: the discovery logic
 * (paging, filtering, falling back) sits above it and runs unchanged against AWS and against a test double.
 */
export interface OrganizationsPort {
  listAccounts(input: ListAccountsCommandInput): Promise<ListAccountsCommandOutput>;
}
