import { isAwsServiceError } from '../aws-errors.js';
import { listActiveAccounts, OrganizationsShapeError } from './list-active-accounts.js';
import type { OrganizationsPort } from './organizations-port.js';

/** The accounts one collector invocation reads, and why it reads fewer than asked when discovery failed. */
export interface AccountDiscovery {
  /** The collector's own account first (Cost Explorer is read through the first account), then the others sorted. */
  accounts: string[];
  /** Set when the organization could not be listed: only the home account is collected, and this says why. */
  issue?: { code: string; message: string };
}

/**
 * The organization's ACTIVE accounts, the collector's own (`homeAccount`) first. When Organizations refuses
 * (AccessDenied outside the management or a delegated administrator account, AWSOrganizationsNotInUseException,
 * throttling beyond the retries) or answers something unreadable, the collection carries on with the home account
 * alone and returns the reason as an issue for the run's report, instead of failing every collector. Any other error
 * (a bug) propagates.
 */
export async function discoverAccounts(port: OrganizationsPort, homeAccount: string): Promise<AccountDiscovery> {
  try {
    const active = await listActiveAccounts(port);
    return { accounts: [homeAccount, ...active.filter((account) => account !== homeAccount)] };
  } catch (error) {
    if (!isAwsServiceError(error) && !(error instanceof OrganizationsShapeError)) throw error;
    return {
      accounts: [homeAccount],
      issue: {
        code: error.name,
        message: `listing the organization's accounts failed (${error.message}); collecting account ${homeAccount} only`,
      },
    };
  }
}

export interface CachedDiscoveryOptions {
  /** How long a successful listing is reused by later invocations of a warm function. Default one hour. */
  ttlMs?: number;
  /** Clock, epoch ms. */
  now?: () => number;
}

/**
 * Wraps a discovery so a warm Lambda environment reuses a successful listing for `ttlMs` (an organization's accounts
 * change rarely; each collector run would otherwise page through them again). A failed discovery is not kept: the
 * next invocation tries again.
 */
export function cachedDiscovery(discover: () => Promise<AccountDiscovery>, options: CachedDiscoveryOptions = {}): () => Promise<AccountDiscovery> {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  let kept: { at: number; discovery: AccountDiscovery } | undefined;
  return async () => {
    if (kept !== undefined && now() - kept.at < ttlMs) return kept.discovery;
    const discovery = await discover();
    kept = discovery.issue === undefined ? { at: now(), discovery } : undefined;
    return discovery;
  };
}
